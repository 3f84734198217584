package dev.fedpilot.access;

import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.port.IdentityCenter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Reads the whole granted-access map the quick way: per account the permission sets provisioned to it, then the
 * assignments of only those (account, permission set) pairs, never every pair. Accounts are read in parallel at the
 * paced rate and handed on one by one as they complete; the identity store (users, groups, members of assigned
 * groups) is read beside it at its own rate.
 */
public final class AccessLoader {
    /** One account's assignments, as soon as they are read. */
    public record AccountAccess(AwsAccount account, List<AccountAssignment> assignments) {
    }

    public static final String NO_ORGANIZATION_NOTE = "AWS Organizations could not be read (FedPilot is signed in "
            + "neither to the management account nor to a delegated administrator), so accounts are shown by id, "
            + "from the permission sets provisioned to them, without names or OUs.";

    private final AccessCenter access;
    private final IdentityCenter identity;
    private final AccessCalls calls;
    private final int parallelism;

    public AccessLoader(AccessCenter access, IdentityCenter identity, AccessCalls calls, int parallelism) {
        this.access = access;
        this.identity = identity;
        this.calls = calls;
        this.parallelism = Math.max(1, parallelism);
    }

    public AccessMap load(IdcInstance instance, Consumer<AccountAccess> onAccount) {
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon("fedpilot-access-read-"));
        // the identity store has its own rate: its reads run beside sso-admin's, not after them
        ExecutorService directory = Executors.newFixedThreadPool(2, daemon("fedpilot-access-directory-"));
        try {
            Future<List<DirectoryUser>> users = directory.submit(() -> {
                List<DirectoryUser> all = new ArrayList<>();
                identity.listUsers(instance, all::addAll);
                return all;
            });
            Future<List<DirectoryGroup>> groups = directory.submit(() -> {
                List<DirectoryGroup> all = new ArrayList<>();
                identity.listGroups(instance, all::addAll);
                return all;
            });
            Map<String, List<String>> members = new ConcurrentHashMap<>();
            Set<String> seenGroups = ConcurrentHashMap.newKeySet();
            Queue<Future<?>> memberReads = new ConcurrentLinkedQueue<>();
            List<String> arns = permissionSetArns(instance);
            Organization organization = organization(instance, arns, pool);
            // accounts first, so the first account's grants arrive within a few requests; names and policies after
            List<List<AccountAssignment>> perAccount = all(pool, organization.accounts().stream()
                    .<Callable<List<AccountAssignment>>>map(account -> () -> {
                        List<AccountAssignment> found = assignmentsOf(instance, account.id());
                        onAccount.accept(new AccountAccess(account, found));
                        found.stream().filter(a -> a.principalType() == PrincipalType.GROUP)
                                .filter(a -> seenGroups.add(a.principalId()))
                                .forEach(a -> memberReads.add(directory.submit(() -> {
                                    List<String> ids = new ArrayList<>();
                                    identity.listMembersOfGroup(instance, a.principalId(),
                                            page -> page.forEach(m -> ids.add(m.userId())));
                                    members.put(a.principalId(), ids);
                                })));
                        return found;
                    }).toList());
            List<AccountAssignment> assignments = perAccount.stream().flatMap(List::stream).toList();
            List<PermissionSet> sets = all(pool, arns.stream()
                    .<Callable<PermissionSet>>map(arn -> () -> calls.call(() -> access.describePermissionSet(instance, arn)))
                    .toList());
            Set<String> outdated = ConcurrentHashMap.newKeySet();
            all(pool, arns.stream().<Callable<Object>>map(arn -> () -> {
                calls.call(() -> access.accountsWithPermissionSet(instance, arn, true))
                        .forEach(account -> outdated.add(arn + "|" + account));
                return null;
            }).toList());
            memberReads.forEach(AccessLoader::get);
            return new AccessMap(organization, sets, assignments, get(users), get(groups), members, outdated);
        } finally {
            pool.shutdownNow();
            directory.shutdownNow();
        }
    }

    /** The assignments of one account: its provisioned permission sets, then each one's assignments. */
    public List<AccountAssignment> assignmentsOf(IdcInstance instance, String accountId) {
        List<AccountAssignment> found = new ArrayList<>();
        for (String arn : calls.call(() -> access.permissionSetsProvisionedTo(instance, accountId))) {
            calls.run(() -> {
                List<AccountAssignment> pages = new ArrayList<>();
                access.listAssignments(instance, accountId, arn, pages::addAll);
                found.addAll(pages);
            });
        }
        return found;
    }

    public List<String> permissionSetArns(IdcInstance instance) {
        List<String> arns = new ArrayList<>();
        calls.run(() -> {
            arns.clear();
            access.listPermissionSets(instance, arns::addAll);
        });
        return arns;
    }

    /** The organization, or (when the caller may not read it) the accounts sso-admin knows, with a note. */
    private Organization organization(IdcInstance instance, List<String> arns, ExecutorService pool) {
        try {
            return calls.call(access::organization);
        } catch (CloudException e) {
            if (e.problem() != CloudException.Problem.FORBIDDEN) {
                throw e;
            }
        }
        Set<String> ids = Collections.synchronizedSet(new TreeSet<>());
        all(pool, arns.stream().<Callable<Object>>map(arn -> () ->
                ids.addAll(calls.call(() -> access.accountsWithPermissionSet(instance, arn, false)))).toList());
        return Organization.accountIdsOnly(List.copyOf(ids), NO_ORGANIZATION_NOTE);
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) {
        List<Future<T>> futures = new ArrayList<>();
        tasks.forEach(t -> futures.add(pool.submit(t)));
        List<T> results = new ArrayList<>();
        for (Future<T> f : futures) {
            results.add(get(f));
        }
        return results;
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("access listing cancelled");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
