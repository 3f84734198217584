package dev.fedpilot.cli;

import dev.fedpilot.app.CliCloudRequest;
import dev.fedpilot.app.CliSession;
import dev.fedpilot.app.GuiRequest;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.domain.CloudException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;

/** The root command: no subcommand opens the window, subcommands do one job on the command line. */
@Command(name = "fedpilot", mixinStandardHelpOptions = true, versionProvider = FedPilotCommand.Version.class,
        description = "Connects Microsoft Entra ID to AWS IAM Identity Center. Without a command, opens the window.",
        subcommands = {
                MetadataCommand.class,
                ReportCommand.class,
                DirectoryCommand.class,
                MembershipCommand.class,
                CheckCommand.class,
                ScimCommand.class,
                AccessCommand.class})
public final class FedPilotCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FedPilotCommand.class);

    private static final String SANDBOX = "--sandbox";
    private static final String SELF_TEST = "--self-test";
    private static final String SANDBOX_RESET = "--sandbox-reset";
    private static final String DEMO = "demo";
    private static final String LARGE = "large";
    /** Everything the window path accepts without picocli. */
    private static final List<String> WINDOW_FLAGS = List.of(SANDBOX, SELF_TEST, SANDBOX_RESET,
            SANDBOX + "=" + DEMO, SANDBOX + "=" + LARGE);

    @Option(names = SANDBOX, arity = "0..1", fallbackValue = DEMO, paramLabel = "PRESET",
            description = "Use the simulated Entra tenant and IAM Identity Center (offline); it resumes where the "
                    + "last run stopped. --sandbox=large opens the 100,000-user preset.")
    String sandboxPreset;

    @Option(names = SANDBOX_RESET, description = "Start the sandbox over from its seed (its rehearsed setup is "
            + "forgotten); implies --sandbox.")
    boolean sandboxReset;

    @Option(names = "--sandbox-clock", paramLabel = "OFFSET", description = "Move the sandbox's time forward (+350d, "
            + "+12h) or back to real time (reset) before the command, to rehearse expiry and rotation; it stays moved "
            + "for later runs and the window. Implies --sandbox.")
    String sandboxClock;

    @Option(names = SELF_TEST, description = "Open the window, run a short smoke of the setup flow, then exit.")
    boolean selfTest;

    @Option(names = "--device-code", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Sign in to Entra with a device code shown on stderr, even without a terminal.")
    boolean deviceCode;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ServicesFactory servicesFactory;
    private final ToIntFunction<GuiRequest> gui;

    FedPilotCommand(ServicesFactory servicesFactory, ToIntFunction<GuiRequest> gui) {
        this.servicesFactory = servicesFactory;
        this.gui = gui;
    }

    /** Opens the window and returns its exit code once it closes. */
    @Override
    public Integer call() {
        if (sandboxClock != null) {
            throw new UsageException("--sandbox-clock needs a command, e.g. 'fedpilot --sandbox-clock +350d check "
                    + "--sandbox'; in the window: Sandbox > Move time forward.");
        }
        boolean large = large(sandboxPreset);
        return openWindow(new GuiRequest(sandboxPreset != null || sandboxReset, selfTest, large, sandboxReset), gui,
                spec.commandLine().getOut());
    }

    /** Whether a --sandbox value asks for the large preset; any value but the two presets is bad usage. */
    private static boolean large(String preset) {
        if (preset == null || preset.equals(DEMO)) {
            return false;
        }
        if (preset.equals(LARGE)) {
            return true;
        }
        throw new UsageException("--sandbox takes '" + DEMO + "' or '" + LARGE + "', not '" + preset + "'.");
    }

    private static int openWindow(GuiRequest request, ToIntFunction<GuiRequest> gui, PrintWriter out) {
        int code = gui.applyAsInt(request);
        if (request.selfTest()) {
            out.println(code == ExitCodes.OK ? "FedPilot self-test passed."
                    : "FedPilot self-test failed (exit " + code + "); the log has the details.");
        }
        return code;
    }

    /**
     * Whether these arguments open the window (no subcommand, no --help or --version), decided before the
     * command line is parsed, so that JavaFX can start meanwhile. A wrong guess costs time, never behaviour.
     */
    public static boolean opensWindow(String[] args) {
        List<String> flags = List.of(args);
        return flags.stream().allMatch(WINDOW_FLAGS::contains)
                && flags.stream().distinct().count() == flags.size()
                && flags.stream().filter(a -> a.startsWith(SANDBOX + "=") || a.equals(SANDBOX)).count() <= 1;
    }

    /** The window's request from flags that {@link #opensWindow} accepted. */
    private static GuiRequest windowRequest(List<String> flags) {
        boolean large = flags.contains(SANDBOX + "=" + LARGE);
        boolean reset = flags.contains(SANDBOX_RESET);
        boolean sandbox = reset || flags.stream().anyMatch(a -> a.equals(SANDBOX) || a.startsWith(SANDBOX + "="));
        return new GuiRequest(sandbox, flags.contains(SELF_TEST), large, reset);
    }

    /** The root's --sandbox=large and --sandbox-reset, applied once before the first sandbox command. */
    private void prepareSandbox() {
        boolean large = large(sandboxPreset);
        servicesFactory.useLargeSandbox(large);
        if (sandboxReset) {
            servicesFactory.resetSandbox(large);
            sandboxReset = false;
        }
        if (sandboxClock != null) {
            servicesFactory.moveSandboxClock(clockMove(sandboxClock));
            sandboxClock = null;
        }
    }

    /** Days of time travel at most (a century), so no date overflows. */
    private static final long MAX_CLOCK_DAYS = 36_500;

    /** {@code --sandbox-clock}: {@code +Nd} or {@code +Nh} forward; null for {@code reset} (back to real time). */
    static java.time.Duration clockMove(String value) {
        if (value.equals("reset")) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\+(\\d{1,7})([dh])").matcher(value);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            java.time.Duration move = m.group(2).equals("d") ? java.time.Duration.ofDays(n)
                    : java.time.Duration.ofHours(n);
            if (move.toDays() <= MAX_CLOCK_DAYS) {
                return move;
            }
        }
        throw new UsageException("--sandbox-clock takes +DAYSd, +HOURSh (forward, at most " + MAX_CLOCK_DAYS
                + " days) or 'reset', not '" + value + "'.");
    }

    /** The SCIM check over the network; it needs no cloud sign-in. */
    dev.fedpilot.port.ScimProbe scimProbe() {
        return servicesFactory.scimProbe();
    }

    /** The clouds for a subcommand with the shared cloud options. */
    CliSession session(CloudOptions options) {
        CliCloudRequest request = options.request(sandboxPreset != null || sandboxReset || sandboxClock != null);
        if (request.sandbox()) {
            prepareSandbox();
        }
        return servicesFactory.forCli(request);
    }

    /**
     * The clouds for a command that reads both sides (report, check): Entra signed in without a window when it
     * can be; when it cannot, the session says why, and the command reports that side as missing.
     */
    CliSession sessionWithEntra(CloudOptions options) {
        CliSession session = session(options);
        if (session.entra().isPresent()) {
            return session;
        }
        try {
            return session.withEntra(entra(List.of()));
        } catch (CloudException e) {
            LOG.info("Entra not signed in for this command: {}", e.getMessage());
            return session.withoutEntra(e.getMessage());
        }
    }

    /**
     * Entra for a command that needs it, signed in without a window (token cache, Azure CLI, device code).
     * Not signed in: a CloudException (exit 1) that names the missing sign-in and how to get it.
     */
    dev.fedpilot.port.EntraTenant entra(List<String> neededScopes) {
        return servicesFactory.entraForCli(neededScopes, deviceCode, spec.commandLine().getErr()::println);
    }

    /**
     * Runs FedPilot's command line and returns the process exit code: 0 ok, 1 the operation failed,
     * 2 bad usage or bad input. Errors are one line on {@code err}, never a stack trace.
     */
    public static int run(String[] args, ServicesFactory factory, ToIntFunction<GuiRequest> gui,
                          PrintWriter out, PrintWriter err) {
        if (opensWindow(args)) {
            // the window needs only these few flags; picocli's model of every subcommand would cost about
            // 0.4 s of CPU before the first frame
            try {
                return finish(openWindow(windowRequest(List.of(args)), gui, out), out, err);
            } catch (UnsupportedOperationException e) {
                return noWindow(e, err);
            } catch (RuntimeException | Error e) {
                return report(e, err);
            } finally {
                err.flush();
            }
        }
        CommandLine cl = new CommandLine(new FedPilotCommand(factory, gui));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> report(ex, line.getErr()));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("fedpilot: " + printable(ex.getMessage()));
            ex.getCommandLine().getErr().println("Try 'fedpilot --help'.");
            return ExitCodes.BAD_INPUT;
        });
        try {
            return finish(cl.execute(args), out, err);
        } catch (RuntimeException | Error e) {
            // picocli hands Exceptions to the handler above; an Error (stack overflow, out of memory) arrives here
            return report(e, err);
        } finally {
            err.flush();
        }
    }

    /** A command whose output did not reach stdout (closed pipe, full disk) has failed, whatever it returned. */
    private static int finish(int code, PrintWriter out, PrintWriter err) {
        if (out.checkError()) {
            err.println("fedpilot: could not write to standard output (closed pipe or full disk).");
            return ExitCodes.FAILED;
        }
        return code;
    }

    /** {@code text} with control characters (from arguments echoed back) shown as escapes, so a line stays one line. */
    static String printable(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.CONTROL) {
                out.append(switch (c) {
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    case '\t' -> "\\t";
                    default -> String.format("\\u%04x", c);
                });
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** JavaFX found no screen to open the window on (no DISPLAY, a server session). */
    private static int noWindow(UnsupportedOperationException e, PrintWriter err) {
        err.println("fedpilot: cannot open the window (" + e.getMessage() + "). Start FedPilot in a desktop session;"
                + " the commands in 'fedpilot --help' work without one.");
        LOG.debug("no window", e);
        return ExitCodes.FAILED;
    }

    private static int report(Throwable ex, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("fedpilot: " + printable(ex.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof CloudException ce) {
            err.println("fedpilot: " + printable(ce.getMessage() + (ce.fix().isEmpty() ? "" : " " + ce.fix())));
            LOG.debug("command failed", ce);
            return ExitCodes.FAILED;
        }
        if (ex instanceof Error) {
            // the stack has unwound by now, so there is room to say so; the trace goes to the log only
            err.println("fedpilot: internal error (" + ex.getClass().getSimpleName() + "); the log has the details.");
            LOG.error("command failed", ex);
            return ExitCodes.FAILED;
        }
        err.println("fedpilot: " + printable(ex.getClass().getSimpleName()
                + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
        LOG.error("command failed", ex);
        return ExitCodes.FAILED;
    }

    /** Version from the jar manifest; "dev" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FedPilotCommand.class.getPackage().getImplementationVersion();
            return new String[]{"FedPilot " + (v == null ? "dev" : v)};
        }
    }
}
