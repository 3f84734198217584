package dev.fedpilot.directory;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The sandbox identity store with a recorder in front: counts writes per (group, user), can refuse a user once
 * (as AWS would with AccessDenied), slow writes down to see concurrency, and run a hook after each write.
 */
final class RecordingIdentityCenter implements IdentityCenter {
    private final IdentityCenter delegate;
    private final Map<String, Integer> writes = new HashMap<>();
    private final Set<String> refuseOnce = new HashSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile List<DirectoryUser> listedUsers;
    private volatile Duration writeDelay = Duration.ZERO;
    private volatile Runnable afterWrite = () -> { };

    RecordingIdentityCenter(IdentityCenter delegate) {
        this.delegate = delegate;
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

    private <T> T write(String groupId, String userId, java.util.function.Supplier<T> call) {
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
            throw new java.util.concurrent.CancellationException("interrupted");
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public MembershipResult addMember(IdcInstance instance, String groupId, String userId) {
        return write(groupId, userId, () -> delegate.addMember(instance, groupId, userId));
    }

    @Override
    public MembershipResult removeMember(IdcInstance instance, String groupId, String userId) {
        return write(groupId, userId, () -> delegate.removeMember(instance, groupId, userId));
    }

    @Override
    public String callerIdentity() {
        return delegate.callerIdentity();
    }

    @Override
    public List<IdcInstance> instances() {
        return delegate.instances();
    }

    @Override
    public void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage) {
        if (listedUsers == null) {
            delegate.listUsers(instance, onPage);
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

    @Override
    public void listGroups(IdcInstance instance, Consumer<List<DirectoryGroup>> onPage) {
        delegate.listGroups(instance, onPage);
    }

    @Override
    public void listMembersOfGroup(IdcInstance instance, String groupId, Consumer<List<Membership>> onPage) {
        delegate.listMembersOfGroup(instance, groupId, onPage);
    }

    @Override
    public void listGroupsOfUser(IdcInstance instance, String userId, Consumer<List<Membership>> onPage) {
        delegate.listGroupsOfUser(instance, userId, onPage);
    }

    @Override
    public Optional<DirectoryUser> findUserByName(IdcInstance instance, String userName) {
        return delegate.findUserByName(instance, userName);
    }

    @Override
    public Optional<DirectoryGroup> findGroupByName(IdcInstance instance, String displayName) {
        return delegate.findGroupByName(instance, displayName);
    }
}
