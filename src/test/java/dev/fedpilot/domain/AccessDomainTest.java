package dev.fedpilot.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access records on their own: fingerprints, provenance, snapshot diffs, OU trees. */
class AccessDomainTest {
    private static final PermissionSet READ = new PermissionSet("arn:ps/read", "ReadOnly", "", Duration.ofHours(8), "",
            List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), List.of(), "", null);
    private static final Organization ORG = new Organization(List.of(new OrganizationalUnit("r-1", "Root", null),
            new OrganizationalUnit("ou-a", "Apps", "r-1"), new OrganizationalUnit("ou-b", "Prod", "ou-a")),
            List.of(new AwsAccount("111111111111", "Web", "ou-b"), new AwsAccount("222222222222", "Tools", "ou-a"),
                    new AwsAccount("333333333333", "Mgmt", "r-1")), "333333333333", null);

    @Test
    void aFingerprintChangesWithAnyPolicyButNotWithTheOrderOfManagedPolicies() {
        PermissionSet twoPolicies = withManaged(READ, List.of("a", "b"));
        assertEquals(twoPolicies.fingerprint(), withManaged(READ, List.of("b", "a")).fingerprint());
        assertNotEquals(READ.fingerprint(), twoPolicies.fingerprint());
        assertNotEquals(READ.fingerprint(), new PermissionSet(READ.arn(), READ.name(), "", READ.sessionDuration(), "",
                READ.managedPolicyArns(), List.of(), "", PermissionsBoundary.managed("arn:boundary")).fingerprint());
    }

    @Test
    void aScimGroupsGrantNamesItsEntraGroupAndADirectGrantNamesNoGroup() {
        DirectoryUser ana = new DirectoryUser("u-1", "ana@example.com", "Ana", "Ana", "Silva", null, null, null);
        DirectoryGroup scim = new DirectoryGroup("g-1", "web-team", "", "entra-object-id-1");
        AccessMap map = new AccessMap(ORG, List.of(READ), List.of(
                new AccountAssignment("111111111111", READ.arn(), PrincipalType.GROUP, "g-1"),
                new AccountAssignment("222222222222", READ.arn(), PrincipalType.USER, "u-1")),
                List.of(ana), List.of(scim), Map.of("g-1", List.of("u-1")), Set.of(READ.arn() + "|111111111111"));

        List<AccessGrant> grants = map.whoCanReachWhat("u-1");
        assertEquals(2, grants.size());
        assertEquals("entra-object-id-1", grants.get(0).entraGroupId());
        assertEquals("web-team", grants.get(0).groupName());
        assertTrue(grants.get(1).direct());
        assertNull(grants.get(1).entraGroupId());
        assertEquals(List.of("ReadOnly"), map.outdatedPermissionSets("111111111111"));
        assertEquals(List.of(), map.outdatedPermissionSets("222222222222"));
        assertEquals(2, map.allGrants().size());
    }

    @Test
    void theDiffCountsPermissionSetsAddedRemovedAndChanged() {
        AccessSnapshot before = new AccessSnapshot(1, Instant.EPOCH, "d-1", List.of(), List.of(
                new AccessSnapshot.PermissionSetState("arn:1", "A", "x"),
                new AccessSnapshot.PermissionSetState("arn:2", "B", "y")));
        AccessSnapshot after = new AccessSnapshot(1, Instant.EPOCH, "d-1", List.of(), List.of(
                new AccessSnapshot.PermissionSetState("arn:2", "B", "changed"),
                new AccessSnapshot.PermissionSetState("arn:3", "C", "z")));
        AccessDiff diff = AccessDiff.between(before, after);
        assertEquals(List.of(AccessDiff.ChangeKind.CHANGED, AccessDiff.ChangeKind.ADDED, AccessDiff.ChangeKind.REMOVED),
                diff.permissionSets().stream().map(AccessDiff.PermissionSetChange::kind).toList());
        assertEquals("0 grants added, 0 removed, 3 permission sets changed", diff.summary());
    }

    @Test
    void accountsKnowTheirPathAndAnOuHoldsTheAccountsOfItsChildren() {
        assertEquals("Root/Apps/Prod", ORG.path("111111111111"));
        assertEquals(List.of("Tools", "Web"), ORG.accountsUnder("ou-a").stream().map(AwsAccount::name).toList());
        assertEquals(3, ORG.accountsUnder("r-1").size());
        Organization idsOnly = Organization.accountIdsOnly(List.of("2", "1", "2"), "no organizations");
        assertEquals(2, idsOnly.accounts().size());
        assertEquals("", idsOnly.path("1"));
    }

    private static PermissionSet withManaged(PermissionSet p, List<String> managed) {
        return new PermissionSet(p.arn(), p.name(), p.description(), p.sessionDuration(), p.relayState(), managed,
                p.customerManagedPolicies(), p.inlinePolicy(), p.boundary());
    }
}
