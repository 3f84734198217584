package dev.fedpilot.ui;

import javafx.application.Platform;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts JavaFX once, ahead of need if asked, and runs code on its thread when it is up. Its start (native
 * libraries, the display, fonts) is the longest step before the first frame, so the app begins it before
 * parsing the command line.
 */
public final class FxToolkit {
    private static final AtomicBoolean STARTING = new AtomicBoolean();
    private static final CompletableFuture<Void> STARTED = new CompletableFuture<>();

    private FxToolkit() {
    }

    /** Starts JavaFX on a thread of its own and returns at once; later calls do nothing. */
    public static void start() {
        if (!STARTING.compareAndSet(false, true)) {
            return;
        }
        Thread starter = new Thread(() -> {
            try {
                Platform.setImplicitExit(false);
                Platform.startup(() -> STARTED.complete(null));
            } catch (RuntimeException | LinkageError e) {
                STARTED.completeExceptionally(e);
            }
        }, "fedpilot-fx-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Waits until JavaFX is up (starting it if nobody has), then runs {@code onFx} on its thread. What kept JavaFX
     * from starting (no display, say) is thrown here, as {@code Platform.startup} would have thrown it.
     */
    public static void runWhenStarted(Runnable onFx) {
        start();
        try {
            STARTED.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
        Platform.runLater(onFx);
    }
}
