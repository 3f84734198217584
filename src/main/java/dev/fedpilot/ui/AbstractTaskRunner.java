package dev.fedpilot.ui;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** The task life cycle shared by the FX runner and the same-thread runner; they differ in where code runs. */
abstract class AbstractTaskRunner implements TaskRunner {
    private static final Logger LOG = LoggerFactory.getLogger(AbstractTaskRunner.class);
    private final ObservableList<RunningTask> running = FXCollections.observableArrayList();
    private final ObservableList<RunningTask> runningView = FXCollections.unmodifiableObservableList(running);

    /** Runs {@code body} in the background. */
    protected abstract void execute(Runnable body);

    /** Runs {@code action} on the UI thread. */
    protected abstract void ui(Runnable action);

    @Override
    public ObservableList<RunningTask> running() {
        return runningView;
    }

    @Override
    public <T> Task<T> task(String title, Work<T> work) {
        return new Builder<>(title, work);
    }

    private final class Builder<T> implements Task<T>, Cancellable, TaskContext {
        private final String title;
        private final Work<T> work;
        private Consumer<? super T> onSuccess = r -> { };
        private Consumer<? super Throwable> onFailure;
        private Runnable onCancelled = () -> { };
        private Runnable onFinally = () -> { };
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile Thread worker;
        private RunningTask entry;

        Builder(String title, Work<T> work) {
            this.title = title;
            this.work = work;
            this.onFailure = e -> LOG.warn("task '{}' failed", title, e);
        }

        @Override
        public Task<T> onSuccess(Consumer<? super T> handler) {
            onSuccess = handler;
            return this;
        }

        @Override
        public Task<T> onFailure(Consumer<? super Throwable> handler) {
            onFailure = handler;
            return this;
        }

        @Override
        public Task<T> onCancelled(Runnable handler) {
            onCancelled = handler;
            return this;
        }

        @Override
        public Task<T> onFinally(Runnable handler) {
            onFinally = handler;
            return this;
        }

        @Override
        public Cancellable start() {
            entry = new RunningTask(title, this);
            running.add(entry);
            execute(this::runBody);
            return this;
        }

        private void runBody() {
            worker = Thread.currentThread();
            try {
                if (cancelled.get()) {
                    throw new CancellationException();
                }
                T result = work.run(this);
                ui(() -> finish(() -> {
                    if (cancelled.get()) {
                        onCancelled.run();
                    } else {
                        onSuccess.accept(result);
                    }
                }));
            } catch (CancellationException | InterruptedException e) {
                ui(() -> finish(onCancelled));
            } catch (Exception | LinkageError | AssertionError e) {
                if (cancelled.get()) {
                    ui(() -> finish(onCancelled));
                } else {
                    LOG.debug("task '{}' failed", title, e);
                    ui(() -> finish(() -> onFailure.accept(e)));
                }
            } finally {
                worker = null;
                Thread.interrupted();
            }
        }

        private void finish(Runnable outcome) {
            done.set(true);
            running.remove(entry);
            try {
                outcome.run();
            } finally {
                onFinally.run();
            }
        }

        @Override
        public void cancel() {
            if (!done.get() && cancelled.compareAndSet(false, true)) {
                Thread w = worker;
                if (w != null && w != Thread.currentThread()) {
                    w.interrupt();
                }
            }
        }

        @Override
        public boolean isDone() {
            return done.get();
        }

        @Override
        public void progress(long doneCount, long total, String message) {
            ui(() -> entry.update(doneCount, total, message));
        }

        @Override
        public void onUi(Runnable action) {
            ui(action);
        }

        @Override
        public boolean cancelled() {
            return cancelled.get() || Thread.currentThread().isInterrupted();
        }
    }
}
