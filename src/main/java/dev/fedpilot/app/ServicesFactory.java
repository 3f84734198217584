package dev.fedpilot.app;

import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.aws.signin.AwsSignIn;
import dev.fedpilot.aws.signin.BrowserOpener;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.sandbox.SandboxFolder;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxScale;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.JsonFileStateStore;

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
    /** The CLI's sandbox preset ({@code --sandbox=large}); the window's comes with its GuiRequest. */
    private boolean largeSandbox;

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
        return forGui(new GuiRequest(sandbox, false));
    }

    /** Services for the window as asked: the sandbox's preset, started over first when asked to. */
    public Optional<Services> forGui(GuiRequest request) {
        if (request.sandbox() || request.largeSandbox() || request.resetSandbox()) {
            SandboxOptions options = SandboxOptions.defaults().withLatency(SANDBOX_LATENCY)
                    .withScale(request.largeSandbox() ? SandboxScale.LARGE : SandboxScale.DEMO);
            if (request.selfTest()) {
                // the smoke runs the whole setup from the seed, in a folder of its own: the rehearsal stays as it was
                Path selfTest = configDirectory.resolve("sandbox").resolve("self-test");
                reset(selfTest);
                return Optional.of(sandboxIn(selfTest, options, true));
            }
            if (request.resetSandbox()) {
                resetSandbox(request.largeSandbox());
            }
            return Optional.of(sandbox(options, true));
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

    /** The SCIM check for the command line: it talks to the endpoint it is given and needs no sign-in. */
    public dev.fedpilot.port.ScimProbe scimProbe() {
        return new dev.fedpilot.scim.HttpScimProbe();
    }

    public Path configDirectory() {
        return configDirectory;
    }

    /** Services for a CLI command; without --sandbox the configured clouds are required. */
    public Services forCli(boolean sandbox) {
        if (sandbox) {
            return sandbox(SandboxOptions.defaults().withScale(largeSandbox ? SandboxScale.LARGE : SandboxScale.DEMO),
                    false);
        }
        throw new CloudException(CloudException.Problem.UNAUTHENTICATED, "No cloud is configured.",
                "Sign in from the FedPilot window first, or pass --sandbox.");
    }

    /**
     * Services for a command-line command: the sandbox when asked for; else AWS as the AWS CLI configures it
     * (nothing is called until a command needs AWS) and Entra when the command line is signed in to it.
     */
    public CliSession forCli(CliCloudRequest request) {
        if (request.sandbox()) {
            return CliSession.of(forCli(true));
        }
        Path cloud = configDirectory.resolve("cloud");
        AwsSignIn signIn = new AwsSignIn(AwsSignIn.Settings.forCurrentUser(), NO_BROWSER);
        Optional<dev.fedpilot.port.EntraTenant> entra = cliEntra();
        return new CliSession(Services.Mode.CLOUD, new AwsCommandLine(signIn, request, AwsCallPolicy.defaults()),
                entra, entra.isPresent() ? "" : CLI_ENTRA_MISSING, new JsonFileStateStore(cloud),
                new dev.fedpilot.store.JsonLinesAuditLog(cloud.resolve("audit.jsonl")), Clock.systemUTC(), () -> { });
    }

    /** The command line uses existing AWS sign-ins only ('aws sso login' makes new ones). */
    private static final BrowserOpener NO_BROWSER = page -> {
        throw new java.io.IOException("the command line opens no browser");
    };

    /** Why the command line has no Entra side yet; the branch that signs in without a window replaces it. */
    static final String CLI_ENTRA_MISSING = "The command line is not signed in to Entra ID, so the Entra side "
            + "was not read. Open FedPilot's window and sign in to Entra to see it.";

    /** The Entra tenant for the command line: the seam for an unattended sign-in (none yet). */
    public Optional<dev.fedpilot.port.EntraTenant> cliEntra() {
        return Optional.empty();
    }


    /** The CLI's {@code --sandbox=large}: its sandbox commands work on the 100,000-user preset. */
    public void useLargeSandbox(boolean large) {
        this.largeSandbox = large;
    }

    /**
     * Where a sandbox preset keeps its world, setup progress and audit log: {@code <config>/sandbox} for the
     * demo tenant, {@code <config>/sandbox/large} for the 100,000-user preset.
     */
    public Path sandboxDirectory(boolean large) {
        Path sandbox = configDirectory.resolve("sandbox");
        return large ? sandbox.resolve("large") : sandbox;
    }

    /** {@code --sandbox-reset}: the preset starts over from its seed; windows open on it follow at their next call. */
    public void resetSandbox(boolean large) {
        reset(sandboxDirectory(large));
    }

    private static void reset(Path directory) {
        new SandboxFolder(new JsonFileStateStore(directory), directory).reset();
    }

    /**
     * A simulated world kept in {@link #sandboxDirectory}: it resumes where the last run (window or CLI) stopped,
     * with its own setup progress and audit log beside it.
     */
    public Services sandbox(SandboxOptions options, boolean withScheduler) {
        return sandboxIn(sandboxDirectory(options.scale() == SandboxScale.LARGE), options, withScheduler);
    }

    private Services sandboxIn(Path directory, SandboxOptions options, boolean withScheduler) {
        Clock clock = Clock.systemUTC();
        JsonFileStateStore store = new JsonFileStateStore(directory);
        SandboxFolder folder = new SandboxFolder(store, directory);
        SandboxWorld world = new SandboxWorld(options, clock, folder);
        AutoCloseable scheduler = withScheduler ? world.startScheduler() : () -> { };
        return new Services(Services.Mode.SANDBOX, world.entraTenant(), world.identityCenter(), world.scimProbe(),
                new SimulatedAwsConsole(world.console()), store, settings(),
                new dev.fedpilot.store.JsonLinesAuditLog(directory.resolve("audit.jsonl")), clock, scheduler);
    }
}
