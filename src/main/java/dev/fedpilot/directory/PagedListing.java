package dev.fedpilot.directory;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.ui.TaskRunner;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * One listing of the identity store (users or groups) as a background task that streams its pages to the UI:
 * throttling is waited out by the adapter (not here), progress is reported every 1,000 rows, and the rows that fill an empty
 * table arrive in small steps a frame apart.
 */
final class PagedListing {
    private static final int PROGRESS_EVERY = 1000;
    /** More rows than a table shows at once; these arrive {@link #FIRST_ROWS_STEP} at a time, a frame apart. */
    private static final int FIRST_ROWS = 40;
    private static final int FIRST_ROWS_STEP = 5;
    private static final Duration FRAME = Duration.ofMillis(17);

    private PagedListing() {
    }

    /**
     * Starts the listing.
     *
     * @param listing  calls the cloud, handing each page to the consumer it is given
     * @param onUi     takes each page (or step of one) on the UI thread
     * @param finished true when every page arrived, false after a failure or cancellation
     * @param error    takes the words for a failure
     * @param done     runs last, whatever the outcome
     */
    static <R> TaskRunner.Cancellable start(DirectoryContext ctx, String title, String progressKey,
                                            Consumer<Consumer<List<R>>> listing, Consumer<List<R>> onUi,
                                            Consumer<Boolean> finished, Consumer<String> error, Runnable done) {
        return ctx.tasks().task(title, c -> {
            int[] count = {0};
            // no retry here: the adapter already waited out throttling (one retry layer)
            listing.accept(page -> {
                deliver(ctx.sleeper(), page, count[0], c, onUi);
                count[0] += page.size();
                // the count is words for the status line: every 1,000 rows is often enough
                if (count[0] % PROGRESS_EVERY < page.size()) {
                    c.progress(count[0], -1, ctx.messages().get(progressKey, count[0]));
                }
            });
            return count[0];
        }).onSuccess(n -> finished.accept(true))
                .onFailure(e -> {
                    error.accept(ErrorText.full(e));
                    finished.accept(false);
                })
                .onCancelled(() -> finished.accept(false))
                .onFinally(done)
                .start();
    }

    /**
     * Hands a page to the UI. The rows that fill an empty table come in steps one frame apart: the table builds
     * the cells of its visible rows as they arrive, and a screenful of them in one frame made it stutter.
     */
    private static <R> void deliver(Sleeper sleeper, List<R> page, int before, TaskRunner.TaskContext c,
                                    Consumer<List<R>> onUi) {
        int from = 0;
        while (before + from < FIRST_ROWS && page.size() - from > FIRST_ROWS_STEP) {
            List<R> step = page.subList(from, from + FIRST_ROWS_STEP);
            c.onUi(() -> onUi.accept(step));
            from += FIRST_ROWS_STEP;
            try {
                sleeper.sleep(FRAME);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<R> rest = from == 0 ? page : page.subList(from, page.size());
        c.onUi(() -> onUi.accept(rest));
    }
}
