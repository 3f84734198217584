package dev.fedpilot.app;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.MemoryAuditLog;
import dev.fedpilot.store.JsonFileStateStore;
import dev.fedpilot.store.MemoryStateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** The composition root's choice between the real clouds and the sandbox. The only place that knows both. */
public class ServicesFactory {
    /** Per-call latency in the interactive sandbox, so that progress and busy states are visible. */
    static final Duration SANDBOX_LATENCY = Duration.ofMillis(120);
    private final Path configDirectory;
    private StateStore settings;

    public ServicesFactory() {
        this(JsonFileStateStore.defaultDirectory());
    }

    public ServicesFactory(Path configDirectory) {
        this.configDirectory = configDirectory;
    }

    /** Where files for the AWS console (IdP metadata) and exports go. */
    public Path exportDirectory() {
        return configDirectory.resolve("exports");
    }

    /** Preferences shared by every mode (window placement, theme); one store, built on first use. */
    public synchronized StateStore settings() {
        if (settings == null) {
            settings = new JsonFileStateStore(configDirectory);
        }
        return settings;
    }

    /** Services for the window: the sandbox when asked for, the configured clouds, or none (welcome screen). */
    public Optional<Services> forGui(boolean sandbox) {
        if (sandbox) {
            return Optional.of(sandbox(SandboxOptions.defaults().withLatency(SANDBOX_LATENCY), true));
        }
        return Optional.empty();
    }

    /** Services over the real clouds once both are signed in; progress and the audit log are kept on disk. */
    public Services cloud(dev.fedpilot.port.EntraTenant entra, dev.fedpilot.port.IdentityCenter identityCenter) {
        return new Services(Services.Mode.CLOUD, entra, identityCenter, new dev.fedpilot.scim.HttpScimProbe(),
                new dev.fedpilot.aws.AwsConsolePages(), new JsonFileStateStore(configDirectory.resolve("cloud")), settings(),
                new dev.fedpilot.store.JsonLinesAuditLog(configDirectory.resolve("cloud").resolve("audit.jsonl")),
                Clock.systemUTC(), () -> { });
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** Services for a CLI command; without --sandbox the configured clouds are required. */
    public Services forCli(boolean sandbox) {
        if (sandbox) {
            return sandbox(SandboxOptions.defaults(), false);
        }
        throw new CloudException(CloudException.Problem.UNAUTHENTICATED, "No cloud is configured.",
                "Sign in from the FedPilot window first, or pass --sandbox.");
    }

    /** A fresh simulated world; its setup progress lives in memory, since the world does not outlive the run. */
    public Services sandbox(SandboxOptions options, boolean withScheduler) {
        Clock clock = Clock.systemUTC();
        SandboxWorld world = new SandboxWorld(options, clock);
        AutoCloseable scheduler = withScheduler ? world.startScheduler() : () -> { };
        return new Services(Services.Mode.SANDBOX, world.entraTenant(), world.identityCenter(), world.scimProbe(),
                new SimulatedAwsConsole(world.console()), new MemoryStateStore(), settings(), new MemoryAuditLog(),
                clock, scheduler, world.access().accessCenter());
    }
}
