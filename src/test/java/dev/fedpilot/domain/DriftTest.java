package dev.fedpilot.domain;

import dev.fedpilot.domain.Drift.GroupSide;
import dev.fedpilot.domain.Drift.Item;
import dev.fedpilot.domain.Drift.Kind;
import dev.fedpilot.domain.MembershipChange.Action;
import dev.fedpilot.domain.MembershipChange.Where;
import dev.fedpilot.domain.ProvisioningOutcome.Result;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drift is pure: two sides and the provisioning log in, differences with their fixes out. */
class DriftTest {
    private static final Instant T = Instant.parse("2027-03-01T09:00:00Z");
    private static final DirectoryGroup ENTRA_ADMINS = new DirectoryGroup("e-admins", "aws-admins", null, null);
    private static final DirectoryGroup AWS_ADMINS = new DirectoryGroup("a-admins", "aws-admins", null, "e-admins");

    private static GroupMember user(String id, String name) {
        return new GroupMember(id, PrincipalType.USER, name);
    }

    private static DirectoryUser awsUser(String id, String userName, String externalId) {
        return new DirectoryUser(id, userName, userName, "G", "F", List.of(userName), List.of(), externalId);
    }

    private static ProvisioningEvent event(String subject, Result result, String message) {
        return new ProvisioningEvent(T, new ProvisioningOutcome(subject, PrincipalType.USER, subject, result, message));
    }

    private static List<Kind> kinds(List<Item> items) {
        return items.stream().map(Item::kind).toList();
    }

    @Test
    void matchingSidesHaveNoDrift() {
        GroupSide side = new GroupSide(ENTRA_ADMINS, AWS_ADMINS, List.of(user("e-alice", "Alice")), Map.of(),
                List.of(awsUser("a-alice", "alice@contoso.com", "e-alice")));
        assertEquals(List.of(), Drift.compute(List.of(side), List.of()));
    }

    @Test
    void aMemberOnlyInEntraIsNotProvisionedYetUnlessTheLogSaysItFailed() {
        GroupSide side = new GroupSide(ENTRA_ADMINS, AWS_ADMINS,
                List.of(user("e-bob", "Bob"), user("e-room", "Room Harbor")),
                Map.of("e-bob", "bob@contoso.com", "e-room", "room@contoso.com"), List.of());
        List<Item> items = Drift.compute(List.of(side), List.of(
                event("e-room", Result.FAILURE, "'name.givenName' is required"),
                event("e-room", Result.SUCCESS, "older success, superseded")));
        assertEquals(List.of(Kind.NOT_PROVISIONED, Kind.PROVISIONING_FAILED), kinds(items));
        assertNull(items.get(0).reason());
        assertEquals("'name.givenName' is required", items.get(1).reason(), "the newest log entry wins");
        MembershipChange fix = items.get(0).fixes().get(0);
        assertEquals(Action.PROVISION, fix.action());
        assertEquals(Where.ENTRA, fix.where());
        assertEquals("e-admins", fix.group().entraId());
        assertEquals("a-admins", fix.group().awsId());
        assertEquals("e-bob", fix.user().entraId());
    }

    @Test
    void aMemberOnlyInAwsIsAManualEditFixedByRemovingItOrAddingItInEntra() {
        DirectoryUser manual = awsUser("a-jana", "jana.novak", null);
        GroupSide side = new GroupSide(ENTRA_ADMINS, AWS_ADMINS, List.of(), Map.of(), List.of(manual));
        List<Item> items = Drift.compute(List.of(side), List.of());
        assertEquals(List.of(Kind.MANUAL_IN_AWS), kinds(items));
        List<MembershipChange> fixes = items.get(0).fixes();
        assertEquals(List.of(Action.REMOVE, Action.ADD), fixes.stream().map(MembershipChange::action).toList());
        assertEquals(List.of(Where.IDENTITY_STORE, Where.ENTRA), fixes.stream().map(MembershipChange::where).toList());
        assertEquals("a-jana", fixes.get(0).user().awsId());
    }

    @Test
    void usersAreMatchedByExternalIdOrByUserNameEqualToTheUserPrincipalName() {
        GroupSide side = new GroupSide(ENTRA_ADMINS, AWS_ADMINS,
                List.of(user("e-alice", "Alice"), user("e-megan", "Megan")),
                Map.of("e-megan", "Megan.Bowen@contoso.com"),
                List.of(awsUser("a-alice", "alice@contoso.com", "e-alice"),
                        awsUser("a-megan", "megan.bowen@contoso.com", null)));
        assertEquals(List.of(), Drift.compute(List.of(side), List.of()));
    }

    @Test
    void anAssignedGroupWithoutAnAwsCopyIsOneRowWhoseFixProvisionsTheGroup() {
        GroupSide side = new GroupSide(ENTRA_ADMINS, null, List.of(user("e-bob", "Bob")), Map.of(), List.of());
        List<Item> items = Drift.compute(List.of(side), List.of());
        assertEquals(List.of(Kind.GROUP_MISSING_IN_AWS), kinds(items));
        MembershipChange fix = items.get(0).fixes().get(0);
        assertEquals(Action.PROVISION, fix.action());
        assertNull(fix.user());
    }

    @Test
    void aNestedGroupIsSkippedAndItsFixAssignsItToTheApp() {
        GroupMember nested = new GroupMember("e-contractors", PrincipalType.GROUP, "Contractors");
        GroupSide side = new GroupSide(ENTRA_ADMINS, AWS_ADMINS, List.of(nested), Map.of(), List.of());
        List<Item> items = Drift.compute(List.of(side), List.of());
        assertEquals(List.of(Kind.NESTED_SKIPPED), kinds(items));
        MembershipChange fix = items.get(0).fixes().get(0);
        assertEquals(Action.ASSIGN, fix.action());
        assertEquals("e-contractors", fix.group().entraId());
    }

    @Test
    void theAwsCopyIsFoundByExternalIdFirstThenByName() {
        DirectoryGroup byName = new DirectoryGroup("a-2", "AWS-Admins", null, null);
        DirectoryGroup byId = new DirectoryGroup("a-1", "renamed in AWS", null, "e-admins");
        assertEquals("a-1", Drift.match(ENTRA_ADMINS, List.of(byName, byId)).orElseThrow().id());
        assertEquals("a-2", Drift.match(ENTRA_ADMINS, List.of(byName)).orElseThrow().id());
        assertTrue(Drift.match(ENTRA_ADMINS, List.of()).isEmpty());
    }

    @Test
    void groupsAreReportedInTheGivenOrder() {
        DirectoryGroup entraDevs = new DirectoryGroup("e-devs", "aws-devs", null, null);
        List<Item> items = Drift.compute(List.of(
                new GroupSide(entraDevs, null, List.of(), Map.of(), List.of()),
                new GroupSide(ENTRA_ADMINS, AWS_ADMINS, List.of(user("e-x", "X")), Map.of(), List.of())), List.of());
        assertEquals(List.of("aws-devs", "aws-admins"), items.stream().map(i -> i.entraGroup().displayName()).toList());
    }
}
