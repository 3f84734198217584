package dev.fedpilot.access;

import dev.fedpilot.domain.AccessDiff;
import dev.fedpilot.domain.AccessGrant;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccessSnapshot;
import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AsyncRequest;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The access feature against the sandbox organization: what moto does not model (see GOTCHAS.md). */
class SandboxAccessTest {
    private static final String NETWORK = "333333333333";
    private static final String PAYMENTS_DEV = "888888888888";
    private final SandboxAccessFixture f = new SandboxAccessFixture();

    @Test
    void permissionSetsAreProvisionedPerAccountAndAnAssignmentProvisionsItsSet() {
        String developer = f.permissionSet("DeveloperAccess");
        String readOnly = f.permissionSet("ReadOnlyAccess");
        assertTrue(f.access.permissionSetsProvisionedTo(f.instance, PAYMENTS_DEV).contains(developer));
        assertFalse(f.access.permissionSetsProvisionedTo(f.instance, NETWORK).contains(developer));
        assertFalse(f.access.permissionSetsProvisionedTo(f.instance, NETWORK).contains(readOnly));

        AccountAssignment grant = new AccountAssignment(NETWORK, readOnly, PrincipalType.GROUP, f.group("auditors"));
        assertEquals(AccessWriter.Result.ASSIGNED, f.writer.assign(f.instance, grant));

        assertTrue(f.access.permissionSetsProvisionedTo(f.instance, NETWORK).contains(readOnly));
        assertFalse(f.access.permissionSetsProvisionedTo(f.instance, "444444444444").contains(readOnly));
    }

    @Test
    void anAssignmentIsInProgressUntilAwsFinishesItAndOnlyThenListed() {
        String readOnly = f.permissionSet("ReadOnlyAccess");
        AccountAssignment grant = new AccountAssignment(NETWORK, readOnly, PrincipalType.USER, f.user("jana.novak"));
        AsyncRequest request = f.access.createAssignment(f.instance, grant);
        assertEquals(AsyncRequest.Status.IN_PROGRESS, request.status());
        assertEquals(AsyncRequest.Status.IN_PROGRESS, f.access.status(f.instance, request).status());
        assertFalse(f.writer.exists(f.instance, grant));

        f.clock.advance(Duration.ofSeconds(1));

        assertEquals(AsyncRequest.Status.SUCCEEDED, f.access.status(f.instance, request).status());
        assertTrue(f.writer.exists(f.instance, grant));
    }

    @Test
    void theWriterFollowsTheRequestToTheEndAndAssigningTwiceOrRemovingTwiceIsDone() {
        AccountAssignment grant = new AccountAssignment(NETWORK, f.permissionSet("Billing"), PrincipalType.GROUP,
                f.group("billing"));
        assertEquals(AccessWriter.Result.ASSIGNED, f.writer.assign(f.instance, grant));
        assertTrue(f.writer.exists(f.instance, grant), "the assignment is there when assign returns");
        assertEquals(AccessWriter.Result.ALREADY_ASSIGNED, f.writer.assign(f.instance, grant));
        assertEquals(AccessWriter.Result.REMOVED, f.writer.unassign(f.instance, grant));
        assertFalse(f.writer.exists(f.instance, grant), "the assignment is gone when unassign returns");
        assertEquals(AccessWriter.Result.ALREADY_ABSENT, f.writer.unassign(f.instance, grant));
    }

    @Test
    void overTheRateSsoAdminThrottlesAndThePacedCallsStillGetEverything() {
        f.sandbox.setSsoAdminRate(5);
        java.time.Instant before = f.clock.instant();
        for (int i = 0; i < 10; i++) {
            f.access.permissionSetsProvisionedTo(f.instance, NETWORK);
        }
        assertTrue(f.sandbox.ssoAdminThrottled() > 0, "ten calls at 5/s are throttled");
        assertTrue(Duration.between(before, f.clock.instant()).toMillis() >= 900,
                "the port waited out Retry-After, as the AWS adapter does, instead of failing");

        AccessMap map = new AccessLoader(f.access, f.identity, new AccessCalls(f.clock, f.clock::advance, 5), 4)
                .load(f.instance, a -> { });
        assertEquals(12, map.organization().accounts().size());
        assertEquals(f.sandbox.organization().assignmentCount(), map.assignments().size());
    }

    @Test
    void twoOperationsOnTheSamePermissionSetAndAccountConflictButABatchSerialisesThem() {
        String readOnly = f.permissionSet("ReadOnlyAccess");
        AccountAssignment group = new AccountAssignment(NETWORK, readOnly, PrincipalType.GROUP, f.group("auditors"));
        AccountAssignment user = new AccountAssignment(NETWORK, readOnly, PrincipalType.USER, f.user("sam.okoro"));
        f.access.createAssignment(f.instance, group);
        CloudException conflict = assertThrows(CloudException.class, () -> f.access.createAssignment(f.instance, user));
        assertEquals(CloudException.Problem.CONFLICT, conflict.problem());
        f.clock.advance(Duration.ofSeconds(1));

        AccountAssignment other = new AccountAssignment(NETWORK, readOnly, PrincipalType.USER, f.user("jana.novak"));
        List<AssignmentChange> changes = List.of(
                new AssignmentChange(AssignmentChange.Action.ASSIGN, user, "sam.okoro", "ReadOnlyAccess", "Network"),
                new AssignmentChange(AssignmentChange.Action.ASSIGN, other, "jana.novak", "ReadOnlyAccess", "Network"),
                new AssignmentChange(AssignmentChange.Action.UNASSIGN, group, "auditors", "ReadOnlyAccess", "Network"));
        List<AssignmentBatch.Outcome> seen = new ArrayList<>();
        List<AssignmentBatch.Outcome> outcomes = new AssignmentBatch(f.writer, 10).apply(f.instance, changes,
                o -> { synchronized (seen) { seen.add(o); } });

        assertEquals(List.of(AccessWriter.Result.ASSIGNED, AccessWriter.Result.ASSIGNED, AccessWriter.Result.REMOVED),
                outcomes.stream().map(AssignmentBatch.Outcome::result).toList(), outcomes.toString());
        assertEquals(3, seen.size());
        assertTrue(f.writer.exists(f.instance, user) && f.writer.exists(f.instance, other));
        assertFalse(f.writer.exists(f.instance, group));
    }

    @Test
    void aPermissionSetChangedSinceProvisioningIsOutdatedUntilReprovisioned() {
        AccessMap map = f.load();
        assertEquals(List.of("DeveloperAccess"), map.outdatedPermissionSets(PAYMENTS_DEV));
        assertEquals(List.of(), map.outdatedPermissionSets(NETWORK));

        String developer = f.permissionSet("DeveloperAccess");
        assertEquals(AccessWriter.Result.PROVISIONED, f.writer.provision(f.instance, developer, PAYMENTS_DEV));
        assertEquals(List.of(), f.load().outdatedPermissionSets(PAYMENTS_DEV));
        assertEquals(List.of("DeveloperAccess"), f.load().outdatedPermissionSets("999999999999"));

        String admin = f.permissionSet("AdministratorAccess");
        f.sandbox.organization().editPermissionSet(admin, p -> new PermissionSet(p.arn(), p.name(), p.description(),
                Duration.ofHours(2), p.relayState(), p.managedPolicyArns(), p.customerManagedPolicies(),
                p.inlinePolicy(), p.boundary()));
        assertEquals(List.of("AdministratorAccess"), f.load().outdatedPermissionSets(NETWORK));
    }

    @Test
    void whoCanReachWhatShowsDirectAndGroupPathsAndAccountsExpandGroupsToUsers() {
        AccessMap map = f.load();
        String jana = f.user("jana.novak");
        List<String> paths = map.whoCanReachWhat(jana).stream().map(g -> map.accountName(g.accountId()) + "/"
                + map.permissionSetName(g.permissionSetArn()) + "/" + (g.direct() ? "direct" : g.groupName())).toList();
        assertEquals(List.of("Contoso Management/Billing/billing", "Payments Prod/ReadOnlyAccess/billing",
                "Payments Prod/ReadOnlyAccess/direct", "Web Prod/ReadOnlyAccess/direct"), paths.stream().sorted().toList());

        List<AccessGrant> management = map.everyoneReaching("123456789012");
        assertTrue(management.stream().anyMatch(g -> g.userName().equals("breakglass-admin")
                && "AWSAdministrators".equals(g.groupName())), management.toString());
        assertTrue(management.stream().anyMatch(g -> g.userName().equals("sam.okoro") && "billing".equals(g.groupName())));
    }

    @Test
    void anOuExpandsToTheAccountsInItAndInTheOusBelow() {
        Organization org = f.load().organization();
        assertEquals(List.of("Payments Dev", "Payments Prod", "Payments Staging", "Web Dev", "Web Prod"),
                org.accountsUnder("ou-sb42-workloads").stream().map(AwsAccount::name).toList());
        assertEquals("Root/Workloads/Non-Production/Development", org.path(PAYMENTS_DEV));
        assertEquals(List.of(), org.accountsUnder("ou-nope"));
    }

    @Test
    void withoutOrganizationsAccessAccountsComeFromSsoAdminWithANote() {
        f.sandbox.organization().setOrganizationReadable(false);
        Organization org = f.load().organization();
        assertFalse(org.complete());
        assertEquals(12, org.accounts().size(), "every account has AdministratorAccess provisioned");
        assertEquals(org.accounts().get(0).id(), org.accounts().get(0).name());
        assertTrue(org.note().contains("Organizations"));
    }

    @Test
    void twoSnapshotsDifferByTheGrantsAndPermissionSetsThatChanged() {
        AccessSnapshot before = AccessSnapshot.of(f.load(), f.instance.identityStoreId(), f.clock.instant());
        String readOnly = f.permissionSet("ReadOnlyAccess");
        f.writer.assign(f.instance, new AccountAssignment(NETWORK, readOnly, PrincipalType.GROUP, f.group("auditors")));
        f.writer.assign(f.instance, new AccountAssignment("444444444444", readOnly, PrincipalType.USER,
                f.user("sam.okoro")));
        f.writer.unassign(f.instance, new AccountAssignment("555555555555", readOnly, PrincipalType.USER,
                f.user("jana.novak")));
        f.sandbox.organization().editPermissionSet(f.permissionSet("Billing"), p -> new PermissionSet(p.arn(), p.name(),
                p.description(), p.sessionDuration(), p.relayState(), List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"),
                p.customerManagedPolicies(), p.inlinePolicy(), p.boundary()));
        AccessSnapshot after = AccessSnapshot.of(f.load(), f.instance.identityStoreId(), f.clock.instant());

        AccessDiff diff = AccessDiff.between(before, after);
        assertEquals("2 grants added, 1 removed, 1 permission set changed", diff.summary());
        assertEquals("user jana.novak → ReadOnlyAccess in Payments Prod (555555555555)", diff.removed().get(0).toString());
        assertTrue(AccessDiff.between(after, after).isEmpty());
    }
}
