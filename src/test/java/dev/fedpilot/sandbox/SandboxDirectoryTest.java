package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.domain.PrincipalType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxDirectoryTest {
    private final SandboxFixture sandbox = new SandboxFixture();

    @AfterEach
    void clearInterrupt() {
        Thread.interrupted();
    }

    @Test
    void entraUsersComeInGraphSizedPages() {
        List<Integer> pageSizes = new ArrayList<>();
        sandbox.entra.listUsers(page -> pageSizes.add(page.size()));
        assertEquals(List.of(100, 100, 50), pageSizes);
    }

    @Test
    void interruptStopsAListingBetweenPages() {
        List<List<DirectoryUser>> pages = new ArrayList<>();
        assertThrows(CancellationException.class, () -> sandbox.entra.listUsers(page -> {
            pages.add(page);
            Thread.currentThread().interrupt();
        }));
        assertEquals(1, pages.size());

        Thread.interrupted();
        List<DirectoryUser> aws = new ArrayList<>();
        Thread.currentThread().interrupt();
        assertThrows(CancellationException.class, () -> sandbox.idc.listUsers(sandbox.instance, aws::addAll));
        assertTrue(aws.isEmpty(), "an interrupted thread gets no page at all");
    }

    @Test
    void identityStorePagesHoldAtMostOneHundred() {
        EnterpriseApp app = sandbox.readyApp();
        sandbox.federate(app);
        sandbox.provisioningApp(app, sandbox.console.generateScimToken());
        sandbox.entra.listGroups(page -> page.forEach(g -> sandbox.entra.assign(app, g.id(), PrincipalType.GROUP)));
        sandbox.world.runProvisioningCycle();

        List<Integer> sizes = new ArrayList<>();
        sandbox.idc.listUsers(sandbox.instance, page -> sizes.add(page.size()));
        assertTrue(sizes.size() > 1, "more than one page: " + sizes);
        assertTrue(sizes.stream().limit(sizes.size() - 1).allMatch(s -> s == 100), sizes.toString());
        assertTrue(sizes.get(sizes.size() - 1) <= 100);
    }

    @Test
    void addingAndRemovingMembersIsIdempotent() {
        IdcInstance instance = sandbox.instance;
        DirectoryGroup auditors = sandbox.idc.findGroupByName(instance, "auditors").orElseThrow();
        DirectoryUser sam = sandbox.idc.findUserByName(instance, "sam.okoro").orElseThrow();

        assertEquals(MembershipResult.ADDED, sandbox.idc.addMember(instance, auditors.id(), sam.id()));
        assertEquals(MembershipResult.ALREADY_MEMBER, sandbox.idc.addMember(instance, auditors.id(), sam.id()));
        List<Membership> members = sandbox.awsMembers(auditors.id());
        assertEquals(1, members.size());
        assertEquals(sam.id(), members.get(0).userId());
        List<Membership> samsGroups = new ArrayList<>();
        sandbox.idc.listGroupsOfUser(instance, sam.id(), samsGroups::addAll);
        assertTrue(samsGroups.stream().anyMatch(m -> m.groupId().equals(auditors.id())));

        assertEquals(MembershipResult.REMOVED, sandbox.idc.removeMember(instance, auditors.id(), sam.id()));
        assertEquals(MembershipResult.ALREADY_ABSENT, sandbox.idc.removeMember(instance, auditors.id(), sam.id()));
        assertTrue(sandbox.awsMembers(auditors.id()).isEmpty());
    }

    @Test
    void unknownObjectsAndInstancesAreNotFound() {
        DirectoryGroup billing = sandbox.idc.findGroupByName(sandbox.instance, "BILLING").orElseThrow();
        assertEquals("billing", billing.displayName(), "names are matched case-insensitively, like AWS");
        CloudException noUser = assertThrows(CloudException.class,
                () -> sandbox.idc.addMember(sandbox.instance, billing.id(), "9067a3c1f2-nobody"));
        assertEquals(CloudException.Problem.NOT_FOUND, noUser.problem());
        IdcInstance other = new IdcInstance("arn:aws:sso:::instance/ssoins-0000000000000000", "d-0000000000",
                "eu-west-1", "other");
        assertEquals(CloudException.Problem.NOT_FOUND, assertThrows(CloudException.class,
                () -> sandbox.idc.listUsers(other, page -> { })).problem());
        assertTrue(sandbox.idc.findUserByName(sandbox.instance, "nobody").isEmpty());
    }

    @Test
    void entraSearchIsCaseInsensitiveOnNamesAndAddresses() {
        List<DirectoryUser> byName = sandbox.entra.searchUsers("MEGAN", 10);
        assertTrue(byName.stream().anyMatch(u -> u.userName().equals("megan.bowen@contoso-sandbox.onmicrosoft.com")));
        List<DirectoryUser> byMail = sandbox.entra.searchUsers("contoso-partner.example", 10);
        assertEquals(List.of("Fatima Kaur"), byMail.stream().map(DirectoryUser::displayName).toList());
        assertEquals(3, sandbox.entra.searchUsers("contoso", 3).size(), "limit");
        List<DirectoryGroup> groups = sandbox.entra.searchGroups("aws-dev", 10);
        assertEquals(List.of("AWS-Developers", "AWS-Developers-Contractors"),
                groups.stream().map(DirectoryGroup::displayName).toList());
    }

    @Test
    void groupMembersIncludeNestedGroupsAndLookupsWork() {
        DirectoryGroup developers = sandbox.entraGroup("AWS-Developers");
        List<GroupMember> members = new ArrayList<>();
        sandbox.entra.listGroupMembers(developers.id(), members::addAll);
        assertEquals(13, members.size());
        GroupMember nested = members.stream().filter(m -> m.type() == PrincipalType.GROUP)
                .findFirst().orElseThrow();
        assertEquals("AWS-Developers-Contractors", nested.displayName());
        assertEquals(developers, sandbox.entra.group(developers.id()).orElseThrow());
        assertFalse(sandbox.entra.user(nested.id()).isPresent());
        assertEquals(CloudException.Problem.NOT_FOUND, assertThrows(CloudException.class,
                () -> sandbox.entra.listGroupMembers("no-such-group", page -> { })).problem());
    }
}
