package dev.fedpilot.access;

import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccountAssignment;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Who can reach what" for one user without reading the whole organization: the user's own assignments and those
 * of each of their groups (ListAccountAssignmentsForPrincipal), then only the names that appear.
 */
public final class UserAccess {
    private final AccessCenter access;
    private final IdentityCenter identity;
    private final AccessCalls calls;

    public UserAccess(AccessCenter access, IdentityCenter identity, AccessCalls calls) {
        this.access = access;
        this.identity = identity;
        this.calls = calls;
    }

    /** A small access map holding this user, their groups, and the accounts and permission sets they reach. */
    public AccessMap load(IdcInstance instance, DirectoryUser user) {
        List<AccountAssignment> assignments = new ArrayList<>(forPrincipal(instance, PrincipalType.USER, user.id()));
        List<DirectoryGroup> groups = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        identity.listGroupsOfUser(instance, user.id(), page -> page.forEach(m -> groupIds.add(m.groupId())));
        identity.listGroups(instance, page -> page.stream().filter(g -> groupIds.contains(g.id())).forEach(groups::add));
        for (String groupId : groupIds) {
            assignments.addAll(forPrincipal(instance, PrincipalType.GROUP, groupId));
        }
        Set<String> arns = new LinkedHashSet<>();
        assignments.forEach(a -> arns.add(a.permissionSetArn()));
        List<PermissionSet> sets = arns.stream()
                .map(arn -> calls.call(() -> access.describePermissionSet(instance, arn))).toList();
        Organization organization;
        try {
            organization = calls.call(access::organization);
        } catch (CloudException e) {
            if (e.problem() != CloudException.Problem.FORBIDDEN) {
                throw e;
            }
            organization = Organization.accountIdsOnly(assignments.stream().map(AccountAssignment::accountId)
                    .distinct().sorted().toList(), AccessLoader.NO_ORGANIZATION_NOTE);
        }
        Map<String, List<String>> members = new java.util.HashMap<>();
        groupIds.forEach(g -> members.put(g, List.of(user.id())));
        return new AccessMap(organization, sets, assignments, List.of(user), groups, members, Set.of());
    }

    private List<AccountAssignment> forPrincipal(IdcInstance instance, PrincipalType type, String id) {
        List<AccountAssignment> found = new ArrayList<>();
        calls.run(() -> {
            found.clear();
            access.listAssignmentsForPrincipal(instance, type, id, found::addAll);
        });
        return found;
    }
}
