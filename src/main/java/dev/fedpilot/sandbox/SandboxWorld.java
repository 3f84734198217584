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
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The offline stand-in for both clouds: a seeded Entra tenant, an IAM Identity Center instance, the AWS console
 * steps, and Entra's provisioning service between them. All state lives here behind one lock, so the ports
 * may be called from any thread; time is the given clock's. A world given a {@link SandboxFolder} resumes from
 * what was saved there and saves every change, so a restart (or another process) sees the same world.
 */
public final class SandboxWorld {
    private static final Logger LOG = LoggerFactory.getLogger(SandboxWorld.class);
    /** A saved world keeps this many of each app's newest provisioning log entries (memory keeps more). */
    static final int SAVED_LOG_ENTRIES = 500;

    private final SandboxOptions options;
    private final SandboxClock clock;
    private final Object lock = new Object();
    private final Random random;
    private final SandboxFolder folder;
    // replaced together when the world goes back to its seed (a reload after another process saved, a reset)
    private EntraDirectory directory;
    private EntraApps apps;
    private IdentityStore identityStore;
    private Provisioning provisioning;
    private OnDemandProvisioning onDemand;
    private final SandboxAwsConsole console;
    private final SandboxEntraTenant entraTenant;
    private final SandboxIdentityCenter identityCenter;
    private final SandboxScimProbe scimProbe;
    /** The folder's stamp when this world last read or wrote it. */
    private volatile long knownStamp;
    /** How many saves the world has had; new ids after a restore come from a sequence of their own. */
    private long generation;

    public SandboxWorld(SandboxOptions options, Clock clock) {
        this(options, clock, null, Sleeper.real());
    }

    /** A world kept in {@code folder} (null: in memory only), resumed from what was saved there. */
    public SandboxWorld(SandboxOptions options, Clock clock, SandboxFolder folder) {
        this(options, clock, folder, Sleeper.real());
    }

    /** With the sleeper the simulated latency goes through (tests pass one that needs no real time). */
    public SandboxWorld(SandboxOptions options, Clock clock, Sleeper sleeper) {
        this(options, clock, null, sleeper);
    }

    /** A world kept in {@code folder} (null: in memory only), its simulated latency going through {@code sleeper}. */
    public SandboxWorld(SandboxOptions options, Clock clock, SandboxFolder folder, Sleeper sleeper) {
        this.options = Objects.requireNonNull(options, "options");
        this.clock = new SandboxClock(this, clock);
        this.folder = folder;
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = new Random(options.seed());
        long started = System.nanoTime();
        seed();
        this.console = new SandboxAwsConsole(this, random);
        wire();
        this.entraTenant = new SandboxEntraTenant(this, new CallGate("Microsoft Graph",
                "429 Too Many Requests, retry after the Retry-After interval.", options, sleeper));
        this.identityCenter = new SandboxIdentityCenter(this, new CallGate("AWS IAM Identity Center",
                "ThrottlingException: Rate exceeded.", options, sleeper));
        this.scimProbe = new SandboxScimProbe(this, new CallGate("The SCIM endpoint",
                "429 Too Many Requests.", options, sleeper));
        if (folder != null) {
            folder.exclusively(() -> {
                restore(folder.load());
                return null;
            });
        }
        LOG.info("Sandbox ready ({}, seed {}{}): {} Entra users, {} identity store users, {} groups, {} memberships "
                        + "in {} ms", options.scale(), options.seed(),
                folder == null ? "" : ", kept in " + folder.directory() + ", save " + generation,
                directory.userCount(), identityStore.userCount(), identityStore.groupCount(),
                identityStore.membershipCount(), (System.nanoTime() - started) / 1_000_000);
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

    /**
     * The world's time, which time travel moves forward; what the sandbox's services read as their clock, so the
     * window, the command line and the simulated clouds agree on the date.
     */
    public SandboxClock clock() {
        return clock;
    }

    /** One provisioning cycle of every due job, now. */
    public void runProvisioningCycle() {
        // an idle cycle changes nothing: no save, so other processes on the folder need not read the world again
        if (locked(() -> apps.all().stream().anyMatch(app -> Provisioning.due(app, now())))) {
            changing(() -> provisioning.runCycle(apps.all(), now()));
        }
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
        return changing(() -> {
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
        return clock.current();
    }

    /** Takes in what another process saved since this world last looked (cheap when nothing changed). */
    void catchUpIfChanged() {
        if (folder != null && folder.stamp() != knownStamp) {
            locked(() -> null);
        }
    }

    /** A read: first takes in what another process saved meanwhile. */
    <T> T locked(Supplier<T> action) {
        synchronized (lock) {
            if (folder != null && folder.stamp() != knownStamp) {
                folder.exclusively(() -> {
                    catchUp();
                    return null;
                });
            }
            return action.get();
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    /** A change: done under the folder's lock on the latest saved world, then saved, even when it fails halfway. */
    <T> T changing(Supplier<T> action) {
        synchronized (lock) {
            if (folder == null) {
                return action.get();
            }
            return folder.exclusively(() -> {
                catchUp();
                try {
                    return action.get();
                } finally {
                    save();
                }
            });
        }
    }

    void changing(Runnable action) {
        changing(() -> {
            action.run();
            return null;
        });
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

    // --- the seed and the saved world -------------------------------------------------------------------------

    private void seed() {
        directory = EntraSeed.demo(options.seed());
        apps = new EntraApps(random, options.consistencyDelay(), directory);
        identityStore = new IdentityStore(options.seed());
        IdentityStoreSeed.fill(identityStore, options.scale(), options.seed());
        identityStore.markSeeded();
        clock.restore(null);
    }

    private void wire() {
        ScimWriter writer = new ScimWriter(identityStore);
        this.provisioning = new Provisioning(directory, console, writer, options.provisioningInterval(), random);
        this.onDemand = new OnDemandProvisioning(directory, provisioning, writer);
    }

    /** Caller holds the folder: when another process saved or reset since, the world becomes what it saved. */
    private void catchUp() {
        if (folder.stamp() == knownStamp) {
            return;
        }
        LOG.info("The sandbox world in {} was changed by another FedPilot; reading it again", folder.directory());
        random.setSeed(options.seed());
        seed();
        console.restore(null);
        wire();
        restore(folder.load());
    }

    /** Applies a saved world to a freshly seeded one; one made on another seed or version is not used. */
    private void restore(Optional<WorldSnapshot> saved) {
        knownStamp = folder.stamp();
        generation = 0;
        if (saved.isEmpty()) {
            return;
        }
        WorldSnapshot world = saved.get();
        generation = world.generation();
        if (world.version() != WorldSnapshot.VERSION || world.seed() != options.seed()
                || world.scale() != options.scale()) {
            LOG.warn("The saved sandbox world in {} was made by another version or preset; starting from the seed",
                    folder.directory());
            return;
        }
        try {
            apps.restore(world.apps());
            console.restore(world.console());
            if (world.entra() != null) {
                directory.apply(world.entra());
            }
            if (world.identityStore() != null && !identityStore.apply(world.identityStore())) {
                throw new IllegalArgumentException("the identity store was saved from another seed");
            }
            clock.restore(world.clockOffset());
        } catch (RuntimeException e) {
            LOG.warn("The saved sandbox world in {} cannot be used; starting from the seed", folder.directory(), e);
            random.setSeed(options.seed());
            seed();
            console.restore(null);
            wire();
        }
        long sequence = options.seed() ^ (generation * 0x9E37_79B9_7F4A_7C15L);
        random.setSeed(sequence);
        identityStore.reseed(sequence);
    }

    /** Caller holds the folder, and the world is the latest saved one plus this process's change. */
    private void save() {
        generation++;
        knownStamp = folder.stamp() + 1;
        folder.stamp(knownStamp);
        folder.save(new WorldSnapshot(WorldSnapshot.VERSION, options.seed(), options.scale(), generation,
                apps.saved(SAVED_LOG_ENTRIES), console.saved(), directory.changes(), identityStore.changes(),
                clock.savedOffset()));
    }

    // --- access: the organization, permission sets and account assignments (built on first use) --------------

    private SandboxAccess access;
    private final Sleeper sleeper;

    /** How the world's simulated latency waits. */
    Sleeper sleeper() {
        return sleeper;
    }

    public synchronized SandboxAccess access() {
        if (access == null) {
            access = new SandboxAccess(this, clock);
        }
        return access;
    }
}
