package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies many membership changes with at most {@code maxInFlight} requests at a time, so a large edit does not
 * trip the identity store's rate limit; each call still honours throttling by itself. One failure does not stop
 * the others: every operation gets its own {@link Outcome}, in the order given.
 */
public final class MembershipBatch {

    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    /** One requested change. */
    public record Operation(Kind kind, String groupId, String userId) {
        public enum Kind { ADD, REMOVE }

        public Operation {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(groupId);
            Objects.requireNonNull(userId);
        }

        public static Operation add(String groupId, String userId) {
            return new Operation(Kind.ADD, groupId, userId);
        }

        public static Operation remove(String groupId, String userId) {
            return new Operation(Kind.REMOVE, groupId, userId);
        }
    }

    /** What happened to one operation: a result, or the failure a user can read. */
    public record Outcome(Operation operation, MembershipResult result, CloudException failure) {
        public boolean succeeded() {
            return failure == null;
        }
    }

    private static final AtomicInteger BATCHES = new AtomicInteger();

    private final IdentityCenter identityCenter;
    private final int maxInFlight;

    public MembershipBatch(IdentityCenter identityCenter) {
        this(identityCenter, DEFAULT_MAX_IN_FLIGHT);
    }

    public MembershipBatch(IdentityCenter identityCenter, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.identityCenter = Objects.requireNonNull(identityCenter);
        this.maxInFlight = maxInFlight;
    }

    /** Blocks until every operation is done; throws {@link CancellationException} if the caller is interrupted. */
    public List<Outcome> apply(IdcInstance instance, List<Operation> operations) {
        if (operations.isEmpty()) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(maxInFlight, operations.size()),
                threads(BATCHES.incrementAndGet()));
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Operation operation : operations) {
                futures.add(pool.submit(() -> run(instance, operation)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return List.copyOf(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Membership changes cancelled");
        } catch (ExecutionException e) {
            throw new IllegalStateException("A membership change failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome run(IdcInstance instance, Operation operation) {
        try {
            MembershipResult result = switch (operation.kind()) {
                case ADD -> identityCenter.addMember(instance, operation.groupId(), operation.userId());
                case REMOVE -> identityCenter.removeMember(instance, operation.groupId(), operation.userId());
            };
            return new Outcome(operation, result, null);
        } catch (CloudException e) {
            return new Outcome(operation, null, e);
        }
    }

    private static ThreadFactory threads(int batch) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "fedpilot-membership-" + batch + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
