package dev.fedpilot.directory;

import dev.fedpilot.ui.RunningTask;
import dev.fedpilot.ui.TaskRunner;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/** A task runner that holds started tasks until the test runs them, to see what happens while work is in flight. */
final class QueuedTaskRunner implements TaskRunner {
    private final Deque<Runnable> queued = new ArrayDeque<>();

    int queued() {
        return queued.size();
    }

    /** Runs the oldest queued task on this thread. */
    void runOne() {
        queued.poll().run();
    }

    /** Runs every queued task (and any they queue) on this thread. */
    void runAll() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Override
    public ObservableList<RunningTask> running() {
        return FXCollections.observableArrayList();
    }

    @Override
    public <T> Task<T> task(String title, Work<T> work) {
        return new Task<>() {
            private Consumer<? super T> success = r -> { };
            private Consumer<? super Throwable> failure = e -> { throw new AssertionError(e); };
            private Runnable cancelled = () -> { };
            private Runnable always = () -> { };
            private boolean cancel;
            private boolean done;

            @Override
            public Task<T> onSuccess(Consumer<? super T> handler) {
                success = handler;
                return this;
            }

            @Override
            public Task<T> onFailure(Consumer<? super Throwable> handler) {
                failure = handler;
                return this;
            }

            @Override
            public Task<T> onCancelled(Runnable handler) {
                cancelled = handler;
                return this;
            }

            @Override
            public Task<T> onFinally(Runnable handler) {
                always = handler;
                return this;
            }

            @Override
            public Cancellable start() {
                queued.add(() -> {
                    try {
                        if (cancel) {
                            throw new CancellationException();
                        }
                        T result = work.run(new TaskContext() {
                            @Override
                            public void progress(long d, long t, String m) {
                            }

                            @Override
                            public void onUi(Runnable action) {
                                action.run();
                            }

                            @Override
                            public boolean cancelled() {
                                return cancel;
                            }
                        });
                        success.accept(result);
                    } catch (CancellationException e) {
                        cancelled.run();
                    } catch (Exception e) {
                        failure.accept(e);
                    } finally {
                        done = true;
                        always.run();
                    }
                });
                return new Cancellable() {
                    @Override
                    public void cancel() {
                        cancel = true;
                    }

                    @Override
                    public boolean isDone() {
                        return done;
                    }
                };
            }
        };
    }
}
