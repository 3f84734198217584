package dev.fedpilot.aws;

import dev.fedpilot.access.AccessCalls;
import dev.fedpilot.access.AccessLoader;
import dev.fedpilot.access.AccessWriter;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AwsAccessCenter against a real moto server over HTTP: what moto models (permission sets, assignments, principals,
 * Organizations accounts and OUs). Per-account provisioning and "outdated" are tested on the sandbox.
 */
class AwsAccessCenterTest {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsClients clients;
    private OrganizationsClient orgs;
    private SsoAdminClient sso;
    private IdcInstance instance;
    private AwsAccessCenter access;
    private AccessWriter writer;

    @BeforeEach
    void connect() {
        clients = MotoAws.clients(MOTO.endpoint());
        orgs = AwsClientFactory.organizations(MotoAws.REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(MOTO.endpoint()), MotoAws.policy());
        sso = clients.ssoAdmin();
        instance = MotoAws.defaultInstance(clients);
        access = new AwsAccessCenter(sso, orgs, MotoAws.policy());
        writer = new AccessWriter(access, AccessCalls.real());
    }

    @AfterEach
    void disconnect() {
        clients.close();
        orgs.close();
    }

    private String permissionSet(String name) {
        return sso.createPermissionSet(r -> r.instanceArn(instance.instanceArn()).name(name)
                .description(name + " access").sessionDuration("PT4H")).permissionSet().permissionSetArn();
    }

    private String account(String name, String parentId, String rootId) {
        String id = orgs.createAccount(r -> r.accountName(name).email(name.replace(' ', '.') + "@example.com"))
                .createAccountStatus().accountId();
        orgs.moveAccount(r -> r.accountId(id).sourceParentId(rootId).destinationParentId(parentId));
        return id;
    }

    @Test
    void readsTheOrganizationWithNestedOusAndAnOuExpandsToEveryAccountBelowIt() {
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        String root = orgs.listRoots(r -> { }).roots().get(0).id();
        String workloads = orgs.createOrganizationalUnit(r -> r.parentId(root).name("Workloads"))
                .organizationalUnit().id();
        String prod = orgs.createOrganizationalUnit(r -> r.parentId(workloads).name("Production"))
                .organizationalUnit().id();
        String web = account("Web Prod", prod, root);
        String tools = account("Tools", workloads, root);
        account("Security Audit", root, root);

        Organization org = access.organization();

        assertTrue(org.complete());
        assertEquals("Root/Workloads/Production", org.path(web));
        assertEquals("Web Prod", org.account(web).orElseThrow().name());
        assertEquals(List.of("Tools", "Web Prod"), org.accountsUnder(workloads).stream().map(AwsAccount::name).toList());
        assertEquals(List.of(web), org.accountsUnder(prod).stream().map(AwsAccount::id).toList());
        assertTrue(org.accounts().stream().anyMatch(a -> a.id().equals(org.managementAccountId())));
        assertFalse(org.accountsUnder(workloads).stream().anyMatch(a -> a.id().equals(tools) && a.parentId() == null));
    }

    @Test
    void withoutAnOrganizationTheCallIsRefusedAsForbiddenSoTheLoaderFallsBackToSsoAdmin() {
        CloudException refused = assertThrows(CloudException.class, access::organization);
        assertEquals(CloudException.Problem.FORBIDDEN, refused.problem());
        assertTrue(refused.getMessage().contains("organizations:"), refused.getMessage());
    }

    @Test
    void listsPermissionSetsPageByPageAndDescribesPoliciesAndSessionDuration() {
        for (int i = 0; i < 105; i++) {
            permissionSet("Set" + i);
        }
        String arn = permissionSet("DeveloperAccess");
        sso.attachManagedPolicyToPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(arn)
                .managedPolicyArn("arn:aws:iam::aws:policy/PowerUserAccess"));
        sso.putInlinePolicyToPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(arn)
                .inlinePolicy("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
        sso.attachCustomerManagedPolicyReferenceToPermissionSet(r -> r.instanceArn(instance.instanceArn())
                .permissionSetArn(arn).customerManagedPolicyReference(c -> c.name("DeveloperExtras").path("/fp/")));

        List<List<String>> pages = new ArrayList<>();
        access.listPermissionSets(instance, pages::add);
        assertTrue(pages.size() >= 2, "106 permission sets come in more than one page");
        assertEquals(106, new HashSet<>(pages.stream().flatMap(List::stream).toList()).size());

        PermissionSet described = access.describePermissionSet(instance, arn);
        assertEquals("DeveloperAccess", described.name());
        assertEquals(java.time.Duration.ofHours(4), described.sessionDuration());
        assertEquals(List.of("arn:aws:iam::aws:policy/PowerUserAccess"), described.managedPolicyArns());
        assertEquals("/fp/DeveloperExtras", described.customerManagedPolicies().get(0).toString());
        assertTrue(described.inlinePolicy().contains("2012-10-17"));
        assertNull(described.boundary(), "moto cannot answer GetPermissionsBoundaryForPermissionSet");
    }

    @Test
    void assigningTwiceMakesOneAssignmentAndRemovingTwiceIsDone() {
        String arn = permissionSet("ReadOnly");
        String group = MotoAws.createGroup(clients.identityStore(), instance, "auditors");
        AccountAssignment grant = new AccountAssignment("111122223333", arn, PrincipalType.GROUP, group);

        assertEquals(AccessWriter.Result.ASSIGNED, writer.assign(instance, grant));
        assertEquals(AccessWriter.Result.ALREADY_ASSIGNED, writer.assign(instance, grant));
        List<AccountAssignment> listed = new ArrayList<>();
        access.listAssignments(instance, "111122223333", arn, listed::addAll);
        assertEquals(List.of(grant), listed, "moto would hold two had the writer not checked first");

        assertEquals(AccessWriter.Result.REMOVED, writer.unassign(instance, grant));
        assertEquals(AccessWriter.Result.ALREADY_ABSENT, writer.unassign(instance, grant));
        CloudException missing = assertThrows(CloudException.class, () -> access.deleteAssignment(instance, grant));
        assertEquals(CloudException.Problem.NOT_FOUND, missing.problem());
    }

    @Test
    void listsEveryAssignmentOfAPrincipalAcrossAccounts() {
        String readOnly = permissionSet("ReadOnly");
        String admin = permissionSet("Admin");
        String user = MotoAws.createUser(clients.identityStore(), instance, "jana@example.com", "Jana", "Novak");
        List<AccountAssignment> made = List.of(
                new AccountAssignment("111122223333", readOnly, PrincipalType.USER, user),
                new AccountAssignment("444455556666", readOnly, PrincipalType.USER, user),
                new AccountAssignment("444455556666", admin, PrincipalType.USER, user));
        made.forEach(a -> writer.assign(instance, a));

        List<AccountAssignment> found = new ArrayList<>();
        access.listAssignmentsForPrincipal(instance, PrincipalType.USER, user, found::addAll);
        assertEquals(new HashSet<>(made), new HashSet<>(found));
    }

    @Test
    void manyAssignmentsOfOnePermissionSetComeInPages() {
        String arn = permissionSet("ReadOnly");
        List<AccountAssignment> made = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            AccountAssignment a = new AccountAssignment("111122223333", arn, PrincipalType.USER, "user-" + i);
            sso.createAccountAssignment(r -> r.instanceArn(instance.instanceArn()).targetId(a.accountId())
                    .targetType("AWS_ACCOUNT").permissionSetArn(arn).principalType("USER").principalId(a.principalId()));
            made.add(a);
        }
        List<List<AccountAssignment>> pages = new ArrayList<>();
        access.listAssignments(instance, "111122223333", arn, pages::add);
        assertTrue(pages.size() >= 2, "120 assignments come in more than one page");
        assertEquals(new HashSet<>(made), new HashSet<>(pages.stream().flatMap(List::stream).toList()));
    }

    @Test
    void theLoaderJoinsAssignmentsWithTheIdentityStore() {
        orgs.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
        String root = orgs.listRoots(r -> { }).roots().get(0).id();
        String web = account("Web Prod", root, root);
        String arn = permissionSet("ReadOnly");
        var store = clients.identityStore();
        String group = MotoAws.createGroup(store, instance, "web-team");
        String user = MotoAws.createUser(store, instance, "sam@example.com", "Sam", "Okoro");
        store.createGroupMembership(r -> r.identityStoreId(instance.identityStoreId()).groupId(group)
                .memberId(m -> m.userId(user)));
        writer.assign(instance, new AccountAssignment(web, arn, PrincipalType.GROUP, group));
        // AWS provisions the set with the assignment; moto does not (GOTCHAS.md), so do what AWS would
        sso.provisionPermissionSet(r -> r.instanceArn(instance.instanceArn()).permissionSetArn(arn).targetId(web)
                .targetType("AWS_ACCOUNT"));

        AccessMap map = new AccessLoader(access, new AwsIdentityCenter(clients, MotoAws.policy()), AccessCalls.real(), 4)
                .load(instance, a -> { });

        assertEquals(1, map.whoCanReachWhat(user).size());
        assertEquals("web-team", map.whoCanReachWhat(user).get(0).groupName());
        assertEquals(web, map.whoCanReachWhat(user).get(0).accountId());
        assertEquals("sam@example.com", map.everyoneReaching(web).get(0).userName());
    }
}
