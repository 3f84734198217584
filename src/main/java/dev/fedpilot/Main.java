package dev.fedpilot;

import dev.fedpilot.app.GuiLauncher;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.cli.FedPilotCommand;
import dev.fedpilot.ui.FxToolkit;
import org.slf4j.LoggerFactory;

import java.io.PrintWriter;

/**
 * Entry point. With no subcommand FedPilot opens its window; with one it runs as a command-line tool.
 * Not a javafx Application, so that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Logback reads its configuration in the background while the command line is parsed; loggers asked
        // for meanwhile queue their events and replay them once it is ready (SLF4J's substitute loggers).
        Thread logging = new Thread(LoggerFactory::getILoggerFactory, "fedpilot-logging-start");
        logging.setDaemon(true);
        logging.start();
        if (FedPilotCommand.opensWindow(args)) {
            FxToolkit.start(); // the longest step before the first frame: begun before parsing
        }
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        ServicesFactory factory = new ServicesFactory();
        int code = FedPilotCommand.run(args, factory, request -> GuiLauncher.launch(factory, request), out, err);
        System.exit(code);
    }
}
