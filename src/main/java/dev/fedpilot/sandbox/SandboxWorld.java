package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.ScimProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.fedpilot.port.Sleeper;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The offline stand-in for both clouds: a seeded Entra tenant, an IAM Identity Center instance, the AWS console
 * steps, and Entra's provisioning service between them. All state lives here behind one lock, so the ports
 * may be called from any thread; time is the given clock's.
 */
public final class SandboxWorld {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxWorld.class);

    private final SandboxOptions options;
    private final Clock clock;
    private final Object lock = new Object();
    private final EntraDirectory directory;
    private final EntraApps apps;
    private final IdentityStore identityStore;
    private final SandboxAwsConsole console;
    private final Provisioning provisioning;
    private final OnDemandProvisioning onDemand;
    private final SandboxEntraTenant entraTenant;
    private final SandboxIdentityCenter identityCenter;
    private final SandboxScimProbe scimProbe;

    public SandboxWorld(SandboxOptions options, Clock clock) {
        this(options, clock, Sleeper.real());
    }

    /** With the sleeper the simulated latency goes through (tests pass one that needs no real time). */
    public SandboxWorld(SandboxOptions options, Clock clock, Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = Objects.requireNonNull(clock, "clock");
        Random random = new Random(options.seed());
        long started = System.nanoTime();
        this.directory = EntraSeed.demo(options.seed());
        this.apps = new EntraApps(random, options.consistencyDelay(), directory);
        this.identityStore = new IdentityStore(options.seed());
        IdentityStoreSeed.fill(identityStore, options.scale(), options.seed());
        this.console = new SandboxAwsConsole(this, random);
        ScimWriter writer = new ScimWriter(identityStore);
        this.provisioning = new Provisioning(directory, console, writer, options.provisioningInterval(), random);
        this.onDemand = new OnDemandProvisioning(directory, provisioning, writer);
        this.entraTenant = new SandboxEntraTenant(this, new CallGate("Microsoft Graph",
                "429 Too Many Requests, retry after the Retry-After interval.", options, sleeper));
        this.identityCenter = new SandboxIdentityCenter(this, new CallGate("AWS IAM Identity Center",
                "ThrottlingException: Rate exceeded.", options, sleeper));
        this.scimProbe = new SandboxScimProbe(this, new CallGate("The SCIM endpoint",
                "429 Too Many Requests.", options, sleeper));
        LOG.info("Sandbox ready ({}, seed {}): {} Entra users, {} identity store users, {} groups, {} memberships in {} ms",
                options.scale(), options.seed(), directory.userCount(), identityStore.userCount(),
                identityStore.groupCount(), identityStore.membershipCount(), (System.nanoTime() - started) / 1_000_000);
    }

    public SandboxOptions options() {
        return options;
    }

    public EntraTenant entraTenant() {
        return entraTenant;
    }

    public IdentityCenter identityCenter() {
        return identityCenter;
    }

    public ScimProbe scimProbe() {
        return scimProbe;
    }

    public SandboxAwsConsole console() {
        return console;
    }

    /** One provisioning cycle of every due job, now. */
    public void runProvisioningCycle() {
        locked(() -> provisioning.runCycle(apps.all(), now()));
    }

    /** Runs a cycle every provisioningInterval on a daemon thread until closed. */
    public AutoCloseable startScheduler() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sandbox-provisioning");
            thread.setDaemon(true);
            return thread;
        });
        long period = options.provisioningInterval().toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            try {
                runProvisioningCycle();
            } catch (RuntimeException e) {
                LOG.warn("Sandbox provisioning cycle failed", e);
            }
        }, period, period, TimeUnit.MILLISECONDS);
        return scheduler::shutdownNow;
    }

    /** An edit in the Entra admin center, e.g. giving a user a last name so provisioning succeeds. */
    public DirectoryUser editEntraUser(String userId, UnaryOperator<DirectoryUser> edit) {
        return locked(() -> {
            DirectoryUser edited = edit.apply(directory.requireUser(userId));
            if (!edited.id().equals(userId)) {
                throw new IllegalArgumentException("an edit cannot change the user's id");
            }
            directory.replaceUser(edited);
            return edited;
        });
    }

    // --- for the sandbox's ports ------------------------------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            return action.get();
        }
    }

    void locked(Runnable action) {
        synchronized (lock) {
            action.run();
        }
    }

    EntraDirectory directory() {
        return directory;
    }

    EntraApps apps() {
        return apps;
    }

    IdentityStore identityStore() {
        return identityStore;
    }

    Provisioning provisioning() {
        return provisioning;
    }

    OnDemandProvisioning onDemand() {
        return onDemand;
    }
}
