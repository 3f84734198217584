package dev.fedpilot.sandbox;

import dev.fedpilot.testing.TestClock;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Options that apply to every port call, and the scheduler. */
class SandboxCallBehaviourTest {

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void aThrottledCallIsRetriedAfterRetryAfterLikeTheRealAdapters() {
        SandboxFixture sandbox = new SandboxFixture(SandboxOptions.defaults().withThrottleEveryNthCall(3));
        sandbox.entra.tenant();
        sandbox.entra.tenant();
        List<Duration> before = sandbox.sleeper.waits();
        sandbox.entra.tenant(); // the peer throttles the third call; the gate waits and the fourth goes through
        List<Duration> waits = sandbox.sleeper.waits().subList(before.size(), sandbox.sleeper.waits().size());
        assertEquals(List.of(Duration.ofSeconds(2)), waits, "one wait of the Retry-After");
    }

    @Test
    void throttlingThatDoesNotEndIsThrottledAfterTheSharedBudget() {
        TestClock clock = new TestClock(SandboxFixture.START);
        dev.fedpilot.testing.MovingSleeper sleeper = new dev.fedpilot.testing.MovingSleeper(clock);
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withThrottleEveryNthCall(1), clock, sleeper);
        CloudException e = assertThrows(CloudException.class, () -> world.entraTenant().tenant());
        assertEquals(CloudException.Problem.THROTTLED, e.problem());
        assertTrue(e.retryAfter().isPresent());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), sleeper.waits(),
                "four attempts, three waits of the Retry-After");
    }

    @Test
    void latencySleepIsInterruptible() throws InterruptedException {
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withLatency(Duration.ofMinutes(5)),
                new TestClock(SandboxFixture.START));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread caller = new Thread(() -> {
            try {
                world.entraTenant().tenant();
            } catch (Throwable t) {
                failure.set(t);
            } finally {
                done.countDown();
            }
        });
        caller.start();
        caller.interrupt();
        assertTrue(done.await(30, TimeUnit.SECONDS), "an interrupted call returns instead of sleeping on");
        assertInstanceOf(CancellationException.class, failure.get());
    }

    @Test
    void schedulerRunsProvisioningCycles() throws Exception {
        SandboxFixture sandbox = new SandboxFixture(SandboxOptions.defaults()
                .withProvisioningInterval(Duration.ofMillis(20)));
        EnterpriseApp app = sandbox.readyApp();
        sandbox.federate(app);
        sandbox.provisioningApp(app, sandbox.console.generateScimToken());
        DirectoryGroup billing = sandbox.entraGroup("AWS-Billing");
        sandbox.entra.assign(app, billing.id(), PrincipalType.GROUP);

        AutoCloseable scheduler = sandbox.world.startScheduler();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (sandbox.idc.findGroupByName(sandbox.instance, "AWS-Billing").isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            scheduler.close();
        }
        assertTrue(sandbox.idc.findGroupByName(sandbox.instance, "AWS-Billing").isPresent(),
                "a scheduled cycle provisioned the assigned group");
    }

    @Test
    void portsCanBeCalledFromManyThreadsAtOnce() throws InterruptedException {
        SandboxFixture sandbox = new SandboxFixture();
        DirectoryGroup auditors = sandbox.idc.findGroupByName(sandbox.instance, "auditors").orElseThrow();
        List<String> userIds = sandbox.awsUsers().stream().map(u -> u.id()).toList();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (String userId : userIds) {
            Thread thread = new Thread(() -> {
                try {
                    for (int i = 0; i < 200; i++) {
                        sandbox.idc.addMember(sandbox.instance, auditors.id(), userId);
                        sandbox.idc.removeMember(sandbox.instance, auditors.id(), userId);
                    }
                    sandbox.idc.addMember(sandbox.instance, auditors.id(), userId);
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        assertEquals(userIds.size(), sandbox.awsMembers(auditors.id()).size());
    }
}
