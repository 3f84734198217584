package dev.fedpilot;

import dev.fedpilot.app.GuiLauncher;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.cli.FedPilotCommand;

import java.io.PrintWriter;

/**
 * Entry point. With no subcommand FedPilot opens its window; with one it runs as a command-line tool.
 * Not a javafx Application, so that {@code java -jar} works with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = FedPilotCommand.run(args, new ServicesFactory(), GuiLauncher::launch, out, err);
        System.exit(code);
    }
}
