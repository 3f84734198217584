package dev.fedpilot.cli;

import dev.fedpilot.app.GuiRequest;
import dev.fedpilot.app.Services;
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
        subcommands = {MetadataCommand.class, ReportCommand.class, DirectoryCommand.class, MembershipCommand.class,
                AccessCommand.class})
public final class FedPilotCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(FedPilotCommand.class);

    private static final String SANDBOX = "--sandbox";
    private static final String SELF_TEST = "--self-test";

    @Option(names = SANDBOX, description = "Use the simulated Entra tenant and IAM Identity Center (offline).")
    boolean sandbox;

    @Option(names = SELF_TEST, description = "Open the window, run a short smoke of the setup flow, then exit.")
    boolean selfTest;

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
        return openWindow(new GuiRequest(sandbox, selfTest), gui, spec.commandLine().getOut());
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
        return flags.stream().allMatch(a -> SANDBOX.equals(a) || SELF_TEST.equals(a))
                && flags.stream().distinct().count() == flags.size();
    }

    /** Services for a subcommand: the sandbox when asked for, the configured clouds otherwise. */
    Services services(boolean sandboxRequested) {
        return servicesFactory.forCli(sandboxRequested || sandbox);
    }

    /**
     * Runs FedPilot's command line and returns the process exit code: 0 ok, 1 the operation failed,
     * 2 bad usage or bad input. Errors are one line on {@code err}, never a stack trace.
     */
    public static int run(String[] args, ServicesFactory factory, ToIntFunction<GuiRequest> gui,
                          PrintWriter out, PrintWriter err) {
        if (opensWindow(args)) {
            // the window needs only these two flags; picocli's model of every subcommand would cost about
            // 0.4 s of CPU before the first frame
            List<String> flags = List.of(args);
            try {
                return openWindow(new GuiRequest(flags.contains(SANDBOX), flags.contains(SELF_TEST)), gui, out);
            } catch (UnsupportedOperationException e) {
                return noWindow(e, err);
            } catch (RuntimeException e) {
                return report(e, err);
            } finally {
                out.flush();
                err.flush();
            }
        }
        CommandLine cl = new CommandLine(new FedPilotCommand(factory, gui));
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, line, parse) -> report(ex, line.getErr()));
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("fedpilot: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try 'fedpilot --help'.");
            return ExitCodes.BAD_INPUT;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** JavaFX found no screen to open the window on (no DISPLAY, a server session). */
    private static int noWindow(UnsupportedOperationException e, PrintWriter err) {
        err.println("fedpilot: cannot open the window (" + e.getMessage() + "). Start FedPilot in a desktop session;"
                + " the commands in 'fedpilot --help' work without one.");
        LOG.debug("no window", e);
        return ExitCodes.FAILED;
    }

    private static int report(Exception ex, PrintWriter err) {
        if (ex instanceof UsageException) {
            err.println("fedpilot: " + ex.getMessage());
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof CloudException ce) {
            err.println("fedpilot: " + ce.getMessage() + (ce.fix().isEmpty() ? "" : " " + ce.fix()));
            LOG.debug("command failed", ce);
            return ExitCodes.FAILED;
        }
        err.println("fedpilot: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
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
