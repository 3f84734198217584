package dev.fedpilot.ui;

import javafx.collections.ObservableList;

import java.util.function.Consumer;

/**
 * Runs cloud calls off the FX thread and delivers results, failures and progress on it. ViewModels get one
 * injected and never touch threads themselves; tests inject {@link SameThreadTaskRunner}.
 */
public interface TaskRunner {

    /** Describes a piece of background work; nothing runs until {@link Task#start()}. */
    <T> Task<T> task(String title, Work<T> work);

    /** The work now running, for the status line. */
    ObservableList<RunningTask> running();

    /** The body of a task, run on a background thread. */
    @FunctionalInterface
    interface Work<T> {
        T run(TaskContext context) throws Exception;
    }

    /** What a running body can do: report progress, hand data to the UI as it arrives, see cancellation. */
    interface TaskContext {
        /** Progress as done / total; a negative total means "unknown". */
        void progress(long done, long total, String message);

        /** Runs {@code action} on the UI thread (streaming pages into a list, say). */
        void onUi(Runnable action);

        boolean cancelled();
    }

    /** A task being configured. */
    interface Task<T> {
        Task<T> onSuccess(Consumer<? super T> handler);

        Task<T> onFailure(Consumer<? super Throwable> handler);

        /** Called on the UI thread when the task was cancelled before it finished. */
        Task<T> onCancelled(Runnable handler);

        /** Called on the UI thread after success, failure or cancellation. */
        Task<T> onFinally(Runnable handler);

        Cancellable start();
    }

    /** A started task. */
    interface Cancellable {
        void cancel();

        boolean isDone();
    }
}
