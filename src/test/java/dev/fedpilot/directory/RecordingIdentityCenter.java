package dev.fedpilot.directory;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.testing.DelegatingIdentityCenter;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox identity store with a recorder in front: counts writes per (group, user), can refuse a user once
 * (as AWS would with AccessDenied), slow writes down to see concurrency, and run a hook after each write.
 */
final class RecordingIdentityCenter extends DelegatingIdentityCenter {
    private final Map<String, Integer> writes = new HashMap<>();
    private final Set<String> refuseOnce = new HashSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile List<DirectoryUser> listedUsers;
    private volatile Duration writeDelay = Duration.ZERO;
    private volatile Runnable afterWrite = () -> { };

    RecordingIdentityCenter(IdentityCenter delegate) {
        super(delegate);
    }

    synchronized int writesOf(String groupId, String userId) {
        return writes.getOrDefault(groupId + "|" + userId, 0);
    }

    synchronized Map<String, Integer> writes() {
        return Map.copyOf(writes);
    }

    synchronized void refuseOnce(String userId) {
        refuseOnce.add(userId);
    }

    void slowWrites(Duration delay) {
        writeDelay = delay;
    }

    void afterWrite(Runnable hook) {
        afterWrite = hook;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    @Override
    protected <T> T write(String groupId, String userId, Supplier<T> call) {
        synchronized (this) {
            if (refuseOnce.remove(userId)) {
                throw new CloudException(CloudException.Problem.FORBIDDEN, "AccessDeniedException: not allowed to "
                        + "change the memberships of this group.", "Ask an administrator for identitystore:* rights.");
            }
        }
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (!writeDelay.isZero()) {
                Thread.sleep(writeDelay.toMillis());
            }
            T result = call.get();
            synchronized (this) {
                writes.merge(groupId + "|" + userId, 1, Integer::sum);
            }
            afterWrite.run();
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage) {
        if (listedUsers == null) {
            super.listUsers(instance, onPage);
            return;
        }
        for (int i = 0; i < listedUsers.size(); i += 100) {
            onPage.accept(listedUsers.subList(i, Math.min(listedUsers.size(), i + 100)));
        }
    }

    /** Lists these users (in pages of 100, as AWS does) instead of the identity store's. */
    void listUsersInstead(List<DirectoryUser> users) {
        listedUsers = List.copyOf(users);
    }
}
