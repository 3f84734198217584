package dev.fedpilot.ui;

/**
 * Runs every task at once on the calling thread: for tests of ViewModels (no toolkit needed) and the CLI.
 */
public final class SameThreadTaskRunner extends AbstractTaskRunner {

    @Override
    protected void execute(Runnable body) {
        body.run();
    }

    @Override
    protected void ui(Runnable action) {
        action.run();
    }
}
