package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.port.IdentityCenter;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Reads a whole identity store with a few calls in flight: users beside groups, then the groups' member lists a
 * few at a time. Each member list pages sequentially (its NextToken chain), and throttling is answered by the
 * adapter's waits, so a handful of requests side by side stays within identitystore's request rates while a
 * store of 200 groups is read in a fraction of the sequential time. Results keep the sequential order.
 */
final class ExportReader {

    /** Requests in flight at most; AWS throttles the account, not the caller, so keep it small. */
    static final int PARALLEL = 4;
    private static final long POLL_MILLIS = 100;

    record Store(List<DirectoryUser> users, List<DirectoryGroup> groups, List<List<Membership>> members) {
    }

    private ExportReader() {
    }

    static Store read(IdentityCenter aws, IdcInstance instance, int parallel, BooleanSupplier cancelled) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, parallel), runnable -> {
            Thread thread = new Thread(runnable, "fedpilot-export");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Future<List<DirectoryUser>> users = pool.submit(() -> {
                List<DirectoryUser> all = new ArrayList<>();
                aws.listUsers(instance, all::addAll);
                return all;
            });
            List<DirectoryGroup> groups = new ArrayList<>();
            aws.listGroups(instance, groups::addAll);
            List<Future<List<Membership>>> members = new ArrayList<>();
            for (DirectoryGroup g : groups) {
                members.add(pool.submit(() -> {
                    List<Membership> all = new ArrayList<>();
                    aws.listMembersOfGroup(instance, g.id(), all::addAll);
                    return all;
                }));
            }
            List<List<Membership>> lists = new ArrayList<>();
            List<DirectoryUser> userList = await(users, cancelled);
            for (Future<List<Membership>> f : members) {
                lists.add(await(f, cancelled));
            }
            return new Store(userList, groups, lists);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one result, checking the caller's cancellation meanwhile; a failure is rethrown as it was. */
    private static <T> T await(Future<T> future, BooleanSupplier cancelled) {
        while (true) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            try {
                return future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // not yet: look at cancellation again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("export cancelled");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
