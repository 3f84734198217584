package dev.fedpilot.sandbox;

import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.store.JsonFileStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Time travel: the sandbox's clock runs ahead by an offset that is saved with the world and shared through it. */
class SandboxTimeTravelTest {
    @TempDir
    Path home;

    private SandboxFixture open() {
        return new SandboxFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new SandboxFolder(new JsonFileStateStore(home), home));
    }

    @Test
    void theOffsetSurvivesARestartAndOpenWorldsFollowIt() {
        SandboxFixture first = open();
        first.world.clock().moveForward(Duration.ofDays(350));
        assertEquals(SandboxFixture.START.plus(Duration.ofDays(350)), first.world.clock().instant());

        SandboxFixture restarted = open();
        assertEquals(Duration.ofDays(350), restarted.world.clock().offset());
        assertEquals(SandboxFixture.START.plus(Duration.ofDays(350)), restarted.world.clock().instant());

        restarted.world.clock().moveForward(Duration.ofHours(12));
        assertEquals(Duration.ofDays(350).plusHours(12), first.world.clock().offset(), "the open world follows");
        first.world.clock().reset();
        assertEquals(SandboxFixture.START, restarted.world.clock().instant(), "back to real time");
    }

    @Test
    void timeOnlyMovesForwardAndStaysWithinACentury() {
        SandboxFixture f = open();
        f.world.clock().moveForward(Duration.ofDays(10));
        assertThrows(IllegalArgumentException.class, () -> f.world.clock().moveForward(Duration.ofDays(-1)));
        assertThrows(IllegalArgumentException.class, () -> f.world.clock().moveForward(SandboxClock.MAX_OFFSET));
        assertEquals(Duration.ofDays(10), open().world.clock().offset(), "a refused move changes nothing");
    }

    @Test
    void startingTheSandboxOverReturnsToRealTime() {
        open().world.clock().moveForward(Duration.ofDays(30));
        new SandboxFolder(new JsonFileStateStore(home), home).reset();
        assertEquals(Duration.ZERO, open().world.clock().offset());
    }

    @Test
    void aCycleAfterAnotherProcessMovedTimePastTheTokensYearQuarantinesTheJob() {
        SandboxFixture window = open();
        EnterpriseApp app = window.readyApp();
        window.federate(app);
        String jobId = window.provisioningApp(app, window.console.generateScimToken());
        window.entra.assign(app, window.entraGroup("AWS-ReadOnly").id(), PrincipalType.GROUP);
        window.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.ACTIVE, window.entra.job(app, jobId).status());

        open().world.clock().moveForward(Duration.ofDays(366));
        window.world.runProvisioningCycle();

        ProvisioningJob job = window.entra.job(app, jobId);
        assertEquals(ProvisioningJob.Status.QUARANTINE, job.status());
        assertEquals("InvalidCredentials", job.lastExecution().errorCode());
    }
}
