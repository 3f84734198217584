package dev.fedpilot.app;

import dev.fedpilot.ui.FxToolkit;
import dev.fedpilot.ui.shell.WindowPlacement;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts JavaFX, opens the FedPilot window and blocks until it closes; returns the exit code. */
public final class GuiLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    public static int launch(ServicesFactory factory, GuiRequest request) {
        warmUp(factory);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(0);
        FxToolkit.runWhenStarted(() -> {
            try {
                FedPilotWindow window = new FedPilotWindow(factory, request, new Stage(), code -> {
                    exitCode.set(code);
                    closed.countDown();
                });
                window.show();
            } catch (RuntimeException | LinkageError e) {
                LOG.error("FedPilot could not open its window", e);
                exitCode.set(1);
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Platform.exit();
        return exitCode.get();
    }

    /**
     * Reads the preferences (window placement, theme, sign-in settings) on another core while JavaFX starts,
     * so that the window finds the JSON reader loaded and the file read. Reading twice is harmless.
     */
    private static void warmUp(ServicesFactory factory) {
        Thread t = new Thread(() -> {
            try {
                factory.settings().load(WindowPlacement.STORE_NAME, WindowPlacement.class);
                EntraSignInSettings.load(factory.settings(), Map.of());
            } catch (RuntimeException e) {
                LOG.debug("warm-up read failed; the window reads the settings again", e);
            }
        }, "fedpilot-warm-up");
        t.setDaemon(true);
        t.start();
    }
}
