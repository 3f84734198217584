package dev.fedpilot.ui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;

/** Runs tasks on a background executor and delivers everything on the JavaFX application thread. */
public final class FxTaskRunner extends AbstractTaskRunner {
    private final ExecutorService executor;

    public FxTaskRunner(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    protected void execute(Runnable body) {
        executor.execute(body);
    }

    @Override
    protected void ui(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }
}
