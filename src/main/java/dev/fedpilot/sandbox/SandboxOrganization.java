package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.OrganizationalUnit;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The sandbox's AWS organization and IAM Identity Center access state: OUs and accounts, permission sets (each
 * with a version), what is provisioned to which account at which version ("outdated" when older), account
 * assignments, and the asynchronous requests that change them. A request takes {@code processingTime}; while it
 * runs, another operation on the same permission set and account is a ConflictException, as in AWS. Effects show
 * when the request completes. Thread-safe (one monitor).
 */
public final class SandboxOrganization {
    public static final Duration DEFAULT_PROCESSING_TIME = Duration.ofMillis(750);

    private final Clock clock;
    private final List<OrganizationalUnit> units = new ArrayList<>();
    private final Map<String, AwsAccount> accounts = new LinkedHashMap<>();
    private final Map<String, PermissionSet> permissionSets = new LinkedHashMap<>();
    private final Map<String, Integer> versions = new HashMap<>();
    private final Map<String, Map<String, Integer>> provisioned = new HashMap<>();
    private final Map<String, Set<AccountAssignment>> assignments = new HashMap<>();
    private final Map<String, Request> requests = new LinkedHashMap<>();
    private String managementAccountId;
    private Duration processingTime = DEFAULT_PROCESSING_TIME;
    private boolean organizationReadable = true;
    private long nextRequest = 1;

    private record Request(AsyncRequest.Kind kind, String target, Instant done, Runnable effect, String id,
                           String failure) {
    }

    SandboxOrganization(Clock clock) {
        this.clock = clock;
    }

    // --- seeding and the console's side (what an administrator does elsewhere) ---------------------------------

    synchronized void addUnit(OrganizationalUnit unit) {
        units.add(unit);
    }

    synchronized void addAccount(AwsAccount account, boolean management) {
        accounts.put(account.id(), account);
        if (management) {
            managementAccountId = account.id();
        }
    }

    synchronized void addPermissionSet(PermissionSet set) {
        permissionSets.put(set.arn(), set);
        versions.merge(set.arn(), 1, Integer::sum);
    }

    /** Provisions the current version and records the assignment at once (seeding only). */
    synchronized void seedAssignment(AccountAssignment a) {
        provisionNow(a.permissionSetArn(), a.accountId());
        assignments.computeIfAbsent(a.target(), k -> new LinkedHashSet<>()).add(a);
    }

    synchronized void provisionNow(String arn, String accountId) {
        provisioned.computeIfAbsent(accountId, k -> new LinkedHashMap<>()).put(arn, versions.get(arn));
    }

    /** An edit in the console: every account the set was provisioned to is now outdated until reprovisioned. */
    public synchronized PermissionSet editPermissionSet(String arn, UnaryOperator<PermissionSet> edit) {
        PermissionSet edited = edit.apply(requireSet(arn));
        permissionSets.put(arn, edited);
        versions.merge(arn, 1, Integer::sum);
        return edited;
    }

    /** As if FedPilot were signed in to a member account that is not a delegated administrator. */
    public synchronized void setOrganizationReadable(boolean readable) {
        organizationReadable = readable;
    }

    /** How long each asynchronous request takes before it reports SUCCEEDED. */
    public synchronized void setProcessingTime(Duration time) {
        processingTime = time;
    }

    public synchronized int assignmentCount() {
        return assignments.values().stream().mapToInt(Set::size).sum();
    }

    // --- reads --------------------------------------------------------------------------------------------------

    synchronized Organization organization() {
        if (!organizationReadable) {
            throw new CloudException(CloudException.Problem.FORBIDDEN, "AWS refused organizations:ListAccounts: "
                    + "AccessDeniedException (this account is not the management account or a delegated administrator).",
                    "Sign in to the management account, or register this account as a delegated administrator.");
        }
        return new Organization(units, List.copyOf(accounts.values()), managementAccountId, null);
    }

    synchronized List<String> permissionSetArns() {
        return List.copyOf(permissionSets.keySet());
    }

    synchronized PermissionSet requireSet(String arn) {
        PermissionSet set = permissionSets.get(arn);
        if (set == null) {
            throw CloudException.notFound("ResourceNotFoundException: permission set " + arn + " does not exist.");
        }
        return set;
    }

    synchronized List<String> provisionedTo(String accountId) {
        settle();
        requireAccount(accountId);
        return List.copyOf(provisioned.getOrDefault(accountId, Map.of()).keySet());
    }

    synchronized List<String> accountsWith(String arn, boolean outdatedOnly) {
        settle();
        requireSet(arn);
        int current = versions.get(arn);
        List<String> ids = new ArrayList<>();
        provisioned.forEach((account, sets) -> {
            Integer version = sets.get(arn);
            if (version != null && (!outdatedOnly || version < current)) {
                ids.add(account);
            }
        });
        ids.sort(null);
        return ids;
    }

    synchronized List<AccountAssignment> assignments(String accountId, String arn) {
        settle();
        requireSet(arn);
        requireAccount(accountId);
        return List.copyOf(assignments.getOrDefault(arn + "|" + accountId, Set.of()));
    }

    synchronized List<AccountAssignment> assignmentsOf(PrincipalType type, String principalId) {
        settle();
        List<AccountAssignment> found = new ArrayList<>();
        assignments.values().forEach(set -> set.stream()
                .filter(a -> a.principalType() == type && a.principalId().equals(principalId)).forEach(found::add));
        return found;
    }

    // --- asynchronous writes ------------------------------------------------------------------------------------

    synchronized AsyncRequest create(AccountAssignment a) {
        requireSet(a.permissionSetArn());
        requireAccount(a.accountId());
        return start(AsyncRequest.Kind.CREATE_ASSIGNMENT, a.target(), () -> {
            provisionNow(a.permissionSetArn(), a.accountId());
            assignments.computeIfAbsent(a.target(), k -> new LinkedHashSet<>()).add(a);
        });
    }

    synchronized AsyncRequest delete(AccountAssignment a) {
        settle();
        if (!assignments.getOrDefault(a.target(), Set.of()).contains(a)) {
            throw CloudException.notFound("ResourceNotFoundException: the account assignment does not exist.");
        }
        return start(AsyncRequest.Kind.DELETE_ASSIGNMENT, a.target(), () -> assignments.get(a.target()).remove(a));
    }

    synchronized AsyncRequest provision(String arn, String accountId) {
        requireSet(arn);
        requireAccount(accountId);
        return start(AsyncRequest.Kind.PROVISION, arn + "|" + accountId, () -> provisionNow(arn, accountId));
    }

    synchronized AsyncRequest status(AsyncRequest request) {
        settle();
        Request running = requests.get(request.requestId());
        if (running != null) {
            return new AsyncRequest(running.kind(), running.id(), AsyncRequest.Status.IN_PROGRESS, "");
        }
        if (!request.requestId().startsWith("sbx-")) {
            throw CloudException.notFound("ResourceNotFoundException: request " + request.requestId() + " not found.");
        }
        return new AsyncRequest(request.kind(), request.requestId(), AsyncRequest.Status.SUCCEEDED, "");
    }

    private AsyncRequest start(AsyncRequest.Kind kind, String target, Runnable effect) {
        settle();
        if (requests.values().stream().anyMatch(r -> r.target().equals(target))) {
            throw new CloudException(CloudException.Problem.CONFLICT, "ConflictException: another operation on this "
                    + "permission set and account is in progress.", "Wait until it completes, then try again.");
        }
        String id = "sbx-" + String.format("%08d", nextRequest++);
        requests.put(id, new Request(kind, target, clock.instant().plus(processingTime), effect, id, ""));
        return new AsyncRequest(kind, id, AsyncRequest.Status.IN_PROGRESS, "");
    }

    /** Completes every request whose time has come. */
    private void settle() {
        Instant now = clock.instant();
        for (Iterator<Request> it = requests.values().iterator(); it.hasNext(); ) {
            Request r = it.next();
            if (!r.done().isAfter(now)) {
                r.effect().run();
                it.remove();
            }
        }
    }

    private void requireAccount(String accountId) {
        if (!accounts.containsKey(accountId)) {
            throw new CloudException(CloudException.Problem.INVALID_INPUT, "ValidationException: account " + accountId
                    + " is not in this organization.", "Check the account id.");
        }
    }
}
