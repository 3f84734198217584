package dev.fedpilot.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can reach which account, through which group and from which Entra group: the account assignments joined with
 * the identity store's users, groups and memberships. Granted access, not effective access: service control policies
 * and permissions boundaries are not evaluated. Immutable; queries answer from indexes built once.
 */
public final class AccessMap {
    /** Said wherever the map is shown, because "can reach" here means "is granted", not "is allowed". */
    public static final String GRANTED_NOT_EFFECTIVE = "Granted access, not effective access: service control "
            + "policies and permissions boundaries are not evaluated.";

    private final Organization organization;
    private final Map<String, PermissionSet> permissionSets = new HashMap<>();
    private final List<AccountAssignment> assignments;
    private final Map<String, DirectoryUser> users = new HashMap<>();
    private final Map<String, DirectoryGroup> groups = new HashMap<>();
    private final Map<String, List<String>> membersOfGroup;
    private final Set<String> outdated;
    private final Map<String, List<AccountAssignment>> byAccount = new HashMap<>();
    private final Map<String, List<AccountAssignment>> byPrincipal = new HashMap<>();
    private final Map<String, List<String>> groupsOfUser = new HashMap<>();

    /**
     * @param membersOfGroup the user ids of every assigned group
     * @param outdated       {@link AccountAssignment#target()} keys of permission sets changed since last provisioned
     *                       to that account
     */
    public AccessMap(Organization organization, Collection<PermissionSet> permissionSets,
                     Collection<AccountAssignment> assignments, Collection<DirectoryUser> users,
                     Collection<DirectoryGroup> groups, Map<String, List<String>> membersOfGroup, Set<String> outdated) {
        this.organization = organization;
        permissionSets.forEach(p -> this.permissionSets.put(p.arn(), p));
        this.assignments = List.copyOf(new java.util.LinkedHashSet<>(assignments));
        users.forEach(u -> this.users.put(u.id(), u));
        groups.forEach(g -> this.groups.put(g.id(), g));
        this.membersOfGroup = Map.copyOf(membersOfGroup);
        this.outdated = Set.copyOf(outdated);
        for (AccountAssignment a : this.assignments) {
            byAccount.computeIfAbsent(a.accountId(), k -> new ArrayList<>()).add(a);
            byPrincipal.computeIfAbsent(a.principalId(), k -> new ArrayList<>()).add(a);
        }
        this.membersOfGroup.forEach((group, members) ->
                members.forEach(user -> groupsOfUser.computeIfAbsent(user, k -> new ArrayList<>()).add(group)));
    }

    public Organization organization() {
        return organization;
    }

    public List<AccountAssignment> assignments() {
        return assignments;
    }

    public Collection<PermissionSet> permissionSets() {
        return permissionSets.values();
    }

    public String permissionSetName(String arn) {
        PermissionSet set = permissionSets.get(arn);
        return set == null ? arn : set.name();
    }

    public String accountName(String accountId) {
        return organization.account(accountId).map(AwsAccount::name).orElse(accountId);
    }

    /** The user's or group's name for a principal id; the id itself when the identity store no longer has it. */
    public String principalName(AccountAssignment a) {
        if (a.principalType() == PrincipalType.USER) {
            DirectoryUser user = users.get(a.principalId());
            return user == null ? a.principalId() : user.userName();
        }
        DirectoryGroup group = groups.get(a.principalId());
        return group == null ? a.principalId() : group.displayName();
    }

    /** Every (account, permission set) the user is granted, directly or through each of their groups. */
    public List<AccessGrant> whoCanReachWhat(String userId) {
        List<AccessGrant> grants = new ArrayList<>();
        for (AccountAssignment a : byPrincipal.getOrDefault(userId, List.of())) {
            if (a.principalType() == PrincipalType.USER) {
                grants.add(grant(userId, a, null));
            }
        }
        for (String groupId : groupsOfUser.getOrDefault(userId, List.of())) {
            for (AccountAssignment a : byPrincipal.getOrDefault(groupId, List.of())) {
                if (a.principalType() == PrincipalType.GROUP) {
                    grants.add(grant(userId, a, groupId));
                }
            }
        }
        grants.sort(ORDER);
        return grants;
    }

    /** Everyone who can reach the account, users expanded from groups, one row per path. */
    public List<AccessGrant> everyoneReaching(String accountId) {
        List<AccessGrant> grants = new ArrayList<>();
        for (AccountAssignment a : byAccount.getOrDefault(accountId, List.of())) {
            if (a.principalType() == PrincipalType.USER) {
                grants.add(grant(a.principalId(), a, null));
            } else {
                for (String userId : membersOfGroup.getOrDefault(a.principalId(), List.of())) {
                    grants.add(grant(userId, a, a.principalId()));
                }
            }
        }
        grants.sort(ORDER);
        return grants;
    }

    /** The assignments of one account (users and groups, not expanded). */
    public List<AccountAssignment> assignmentsOf(String accountId) {
        return byAccount.getOrDefault(accountId, List.of());
    }

    /** Every grant of every account, account by account. */
    public List<AccessGrant> allGrants() {
        List<AccessGrant> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (AwsAccount account : organization.accounts()) {
            seen.add(account.id());
            all.addAll(everyoneReaching(account.id()));
        }
        byAccount.keySet().stream().filter(id -> !seen.contains(id)).sorted()
                .forEach(id -> all.addAll(everyoneReaching(id)));
        return all;
    }

    /** Permission sets changed since they were last provisioned to this account (names, sorted). */
    public List<String> outdatedPermissionSets(String accountId) {
        return permissionSets.values().stream()
                .filter(p -> outdated.contains(p.arn() + "|" + accountId))
                .map(PermissionSet::name).sorted().toList();
    }

    public Set<String> outdatedTargets() {
        return outdated;
    }

    private AccessGrant grant(String userId, AccountAssignment a, String groupId) {
        DirectoryUser user = users.get(userId);
        DirectoryGroup group = groupId == null ? null : groups.get(groupId);
        String entra = group != null && group.scimManaged() ? group.externalId() : null;
        return new AccessGrant(userId, user == null ? userId : user.userName(), a.accountId(), a.permissionSetArn(),
                groupId, groupId == null ? null : group == null ? groupId : group.displayName(), entra);
    }

    private static final Comparator<AccessGrant> ORDER = Comparator.comparing(AccessGrant::accountId)
            .thenComparing(AccessGrant::permissionSetArn).thenComparing(AccessGrant::userName)
            .thenComparing(g -> g.groupName() == null ? "" : g.groupName());
}
