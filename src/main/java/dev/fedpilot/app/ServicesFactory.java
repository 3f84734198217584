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
    /** The CLI's {@code --sandbox-clock}: applied once, to the next sandbox it opens; null: none asked. */
    private Duration sandboxClockMove;
    private boolean sandboxClockReset;

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
        return new CliSession(Services.Mode.CLOUD, new AwsCommandLine(signIn, request, AwsCallPolicy.defaults()),
                Optional.empty(), CLI_ENTRA_NOT_ASKED, new JsonFileStateStore(cloud), settings(),
                new dev.fedpilot.store.JsonLinesAuditLog(cloud.resolve("audit.jsonl")), Clock.systemUTC(), () -> { });
    }

    /** The command line uses existing AWS sign-ins only ('aws sso login' makes new ones). */
    private static final BrowserOpener NO_BROWSER = page -> {
        throw new java.io.IOException("the command line opens no browser");
    };

    /** Entra is signed in to only by the commands that need it ({@link #entraForCli}), never by the others. */
    static final String CLI_ENTRA_NOT_ASKED = "This command does not sign in to Entra ID.";

    /**
     * Entra for a command-line command, without a window: the persisted token cache when enabled, else the Azure
     * CLI's login, else a device code on stderr (only on a terminal or with {@code --device-code}); when none is
     * possible it fails at once (UNAUTHENTICATED, exit 1) naming the missing sign-in instead of waiting.
     *
     * @param neededScopes delegated scopes the command needs beyond sign-in's (short names)
     */
    public dev.fedpilot.port.EntraTenant entraForCli(java.util.List<String> neededScopes, boolean deviceCode,
                                                     java.util.function.Consumer<String> stderr) {
        dev.fedpilot.entra.EntraSignInConfig config = EntraSignInSettings.load(settings(), System.getenv());
        var result = new dev.fedpilot.entra.UnattendedEntraSignIn(config, configDirectory.resolve("entra-account.json"),
                dev.fedpilot.entra.UnattendedEntraSignIn.azureIdentity(), System.console() != null, deviceCode, stderr)
                .signIn(neededScopes);
        if (!result.signedIn()) {
            throw new CloudException(CloudException.Problem.UNAUTHENTICATED, result.problem(), "");
        }
        return result.tenant();
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

    /**
     * The CLI's {@code --sandbox-clock}: the next sandbox this factory opens first moves its persisted time forward
     * by {@code forward}, or back to real time when {@code forward} is null.
     */
    public void moveSandboxClock(Duration forward) {
        this.sandboxClockMove = forward;
        this.sandboxClockReset = forward == null;
    }

    private Services sandboxIn(Path directory, SandboxOptions options, boolean withScheduler) {
        JsonFileStateStore store = new JsonFileStateStore(directory);
        SandboxFolder folder = new SandboxFolder(store, directory);
        SandboxWorld world = new SandboxWorld(options, Clock.systemUTC(), folder);
        // the sandbox's services read the world's clock, so time travel reaches the health check and the setup
        Clock clock = world.clock();
        if (sandboxClockReset) {
            world.clock().reset();
        } else if (sandboxClockMove != null) {
            world.clock().moveForward(sandboxClockMove);
        }
        sandboxClockMove = null;
        sandboxClockReset = false;
        AutoCloseable scheduler = withScheduler ? world.startScheduler() : () -> { };
        return new Services(Services.Mode.SANDBOX, world.entraTenant(), world.identityCenter(), world.scimProbe(),
                new SimulatedAwsConsole(world.console()), store, settings(),
                new dev.fedpilot.store.JsonLinesAuditLog(directory.resolve("audit.jsonl")), clock, scheduler,
                world.access().accessCenter());
    }
}
