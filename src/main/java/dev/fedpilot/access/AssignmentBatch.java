package dev.fedpilot.access;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Applies many access changes as one batch: at most {@code maxInFlight} at a time (AWS allows 15 outstanding
 * asynchronous writes per account; the default stays below), never two on the same permission set and account at
 * once (AWS would answer ConflictException), each followed to the end. One failure does not stop the others; every
 * change gets its own {@link Outcome}, in the order given.
 */
public final class AssignmentBatch {
    public static final int DEFAULT_MAX_IN_FLIGHT = 10;

    /** What happened to one change: a result, or the failure a user can read. */
    public record Outcome(AssignmentChange change, AccessWriter.Result result, CloudException failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private static final AtomicInteger BATCHES = new AtomicInteger();
    private final AccessWriter writer;
    private final int maxInFlight;

    public AssignmentBatch(AccessWriter writer, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.writer = writer;
        this.maxInFlight = maxInFlight;
    }

    /** Blocks until every change is done; {@code onOutcome} hears each as it finishes (from a worker thread). */
    public List<Outcome> apply(IdcInstance instance, List<AssignmentChange> changes, Consumer<Outcome> onOutcome) {
        if (changes.isEmpty()) {
            return List.of();
        }
        // one lane per permission set + account: a lane runs its changes one after another
        Map<String, List<Integer>> lanes = new LinkedHashMap<>();
        for (int i = 0; i < changes.size(); i++) {
            lanes.computeIfAbsent(changes.get(i).target(), k -> new ArrayList<>()).add(i);
        }
        Outcome[] outcomes = new Outcome[changes.size()];
        int batch = BATCHES.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxInFlight, lanes.size()), task -> {
            Thread thread = new Thread(task, "fedpilot-access-" + batch + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (List<Integer> lane : lanes.values()) {
                futures.add(pool.submit(() -> {
                    for (int index : lane) {
                        outcomes[index] = run(instance, changes.get(index));
                        onOutcome.accept(outcomes[index]);
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            return List.of(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("access changes cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CancellationException cancelled) {
                throw cancelled;
            }
            throw new IllegalStateException("An access change failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome run(IdcInstance instance, AssignmentChange change) {
        try {
            return new Outcome(change, change.apply(writer, instance), null);
        } catch (CloudException e) {
            return new Outcome(change, null, e);
        }
    }
}
