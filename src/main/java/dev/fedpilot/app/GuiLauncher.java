package dev.fedpilot.app;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** Starts JavaFX, opens the FedPilot window and blocks until it closes; returns the exit code. */
public final class GuiLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);

    private GuiLauncher() {
    }

    public static int launch(GuiRequest request) {
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(0);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                FedPilotWindow window = new FedPilotWindow(new ServicesFactory(), request, new Stage(), code -> {
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
}
