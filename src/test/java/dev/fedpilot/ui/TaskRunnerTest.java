package dev.fedpilot.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TaskRunnerTest {
    private final SameThreadTaskRunner runner = new SameThreadTaskRunner();

    @Test
    void deliversTheResultAndLeavesNothingRunning() {
        AtomicReference<String> result = new AtomicReference<>();
        List<String> order = new ArrayList<>();
        runner.task("greet", ctx -> "hello")
                .onSuccess(r -> {
                    result.set(r);
                    order.add("success");
                })
                .onFinally(() -> order.add("finally"))
                .start();
        assertEquals("hello", result.get());
        assertEquals(List.of("success", "finally"), order);
        assertTrue(runner.running().isEmpty());
    }

    @Test
    void deliversFailuresToTheFailureHandlerOnly() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicReference<Object> result = new AtomicReference<>();
        runner.task("boom", ctx -> {
            throw new IllegalStateException("broken");
        }).onSuccess(result::set).onFailure(failure::set).start();
        assertInstanceOf(IllegalStateException.class, failure.get());
        assertNull(result.get());
    }

    @Test
    void streamsPagesToTheUiAsTheyArrive() {
        List<Integer> shown = new ArrayList<>();
        runner.task("pages", ctx -> {
            for (int page = 0; page < 3; page++) {
                int p = page;
                ctx.onUi(() -> shown.add(p));
                ctx.progress(page + 1, 3, "page " + (page + 1));
            }
            return shown.size();
        }).start();
        assertEquals(List.of(0, 1, 2), shown);
    }

    @Test
    void cancellingInterruptsTheWorkAndReportsCancelledNotSuccess() throws Exception {
        var executor = java.util.concurrent.Executors.newSingleThreadExecutor();
        AbstractTaskRunner background = new AbstractTaskRunner() {
            @Override
            protected void execute(Runnable body) {
                executor.execute(body);
            }

            @Override
            protected void ui(Runnable action) {
                synchronized (this) {
                    action.run();
                }
            }
        };
        List<String> outcome = java.util.Collections.synchronizedList(new ArrayList<>());
        var started = new java.util.concurrent.CountDownLatch(1);
        var ended = new java.util.concurrent.CountDownLatch(1);
        TaskRunner.Cancellable handle = background.task("long", ctx -> {
                    started.countDown();
                    Thread.sleep(30_000);
                    return "finished";
                }).onSuccess(r -> outcome.add("success")).onCancelled(() -> outcome.add("cancelled"))
                .onFailure(e -> outcome.add("failure")).onFinally(ended::countDown).start();
        assertTrue(started.await(5, java.util.concurrent.TimeUnit.SECONDS));
        handle.cancel();
        assertTrue(ended.await(5, java.util.concurrent.TimeUnit.SECONDS), "the sleeping task was interrupted");
        assertEquals(List.of("cancelled"), outcome);
        assertTrue(handle.isDone());
        assertTrue(background.running().isEmpty());
        executor.shutdownNow();
    }

    @Test
    void showsRunningWorkWithProgressUntilItEnds() {
        List<Integer> seen = new ArrayList<>();
        List<Double> progress = new ArrayList<>();
        runner.task("visible", ctx -> {
            seen.add(runner.running().size());
            ctx.progress(1, 4, "a quarter");
            progress.add(runner.running().get(0).progressProperty().get());
            return null;
        }).start();
        assertEquals(List.of(1), seen);
        assertEquals(List.of(0.25), progress);
        assertTrue(runner.running().isEmpty());
    }
}
