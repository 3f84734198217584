package dev.fedpilot.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A runner like the FX one without a toolkit: tasks run on a pool, results are delivered on one "owner" thread
 * that plays the FX thread. Tests run view model commands with {@link #onOwner} and wait with {@link #awaitIdle}.
 */
public final class OwnerThreadTaskRunner extends AbstractTaskRunner implements AutoCloseable {
    private final ExecutorService owner = Executors.newSingleThreadExecutor(r -> new Thread(r, "owner (FX) thread"));
    private final ExecutorService background = Executors.newFixedThreadPool(2, r -> new Thread(r, "background task"));
    private final List<Future<?>> started = new ArrayList<>();
    private volatile Thread ownerThread;

    public OwnerThreadTaskRunner() {
        try {
            owner.submit(() -> ownerThread = Thread.currentThread()).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Thread ownerThread() {
        return ownerThread;
    }

    /** Runs {@code action} on the owner thread and returns its result. */
    public <T> T onOwner(Callable<T> action) throws Exception {
        return owner.submit(action).get(30, TimeUnit.SECONDS);
    }

    /** Waits until every task started so far has ended and its result was delivered on the owner thread. */
    public void awaitIdle() throws Exception {
        while (true) {
            List<Future<?>> pending;
            synchronized (started) {
                pending = List.copyOf(started);
                started.clear();
            }
            if (pending.isEmpty()) {
                onOwner(() -> null); // deliveries queued by the tasks run before this
                synchronized (started) {
                    if (started.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            for (Future<?> f : pending) {
                f.get(30, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    protected void execute(Runnable body) {
        synchronized (started) {
            started.add(background.submit(body));
        }
    }

    @Override
    protected void ui(Runnable action) {
        if (Thread.currentThread() == ownerThread) {
            action.run();
        } else {
            owner.execute(action);
        }
    }

    @Override
    public void close() {
        background.shutdownNow();
        owner.shutdownNow();
    }
}
