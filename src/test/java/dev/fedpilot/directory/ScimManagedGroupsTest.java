package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PendingChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.fedpilot.directory.DirectoryFixture.group;
import static dev.fedpilot.directory.DirectoryFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Editing a group that provisioning owns: the warning, and the lasting change at the source. */
class ScimManagedGroupsTest {
    private static final String GROUP = "AWS-ReadOnly";
    private static final String MEGAN = "megan.bowen@contoso-sandbox.onmicrosoft.com";

    @TempDir
    Path exports;

    private DirectoryFixture provisioned() {
        DirectoryFixture f = new DirectoryFixture(exports);
        f.completeSetup(GROUP);
        return f;
    }

    private List<String> entraMembers(DirectoryFixture f) {
        String entraGroupId = f.awsGroup(GROUP).externalId();
        List<String> ids = new ArrayList<>();
        f.setup.world.entraTenant().listGroupMembers(entraGroupId, page -> page.stream().map(GroupMember::id)
                .forEach(ids::add));
        return ids;
    }

    private String entraId(DirectoryFixture f, String upn) {
        return f.setup.world.entraTenant().searchUsers(upn, 5).stream().filter(u -> u.userName().equals(upn))
                .map(DirectoryUser::id).findFirst().orElseThrow();
    }

    @Test
    void scimManagedGroupsAreMarkedAndAnEditWarnsThatProvisioningMayUndoIt() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        assertTrue(group(model, GROUP).scimManaged());
        assertFalse(group(model, "billing").scimManaged());

        model.addToGroup(group(model, "billing"), List.of(row(model, MEGAN)));
        assertEquals("", model.scimWarningProperty().get(), "a group made in AWS is not SCIM-managed");
        model.addToGroup(group(model, GROUP), List.of(row(model, MEGAN)));
        String warning = model.scimWarningProperty().get();
        assertTrue(warning.contains(GROUP) && warning.contains("next provisioning cycle may undo"), warning);
        assertTrue(model.lastingAvailableProperty().get(), "the setup knows the app and job");
        assertTrue(model.pending().changes().get(1).change().mayBeUndoneByProvisioning());
    }

    @Test
    void theWarningIsTrueAnAwsOnlyChangeIsUndoneByTheNextCycle() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, GROUP), List.of(row(model, MEGAN)));
        model.dismissScimWarning();
        model.pending().apply();
        assertTrue(f.isMember(GROUP, MEGAN));
        f.setup.world.runProvisioningCycle();
        assertFalse(f.isMember(GROUP, MEGAN), "the cycle made the AWS group equal to the Entra group again");
    }

    @Test
    void makingTheChangeInEntraAddsTheMemberAtTheSourceProvisionsItAndItLasts() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, GROUP), List.of(row(model, MEGAN)));
        model.makeLasting();
        assertEquals("", model.scimWarningProperty().get());
        PendingChange change = model.pending().changes().get(0);
        assertEquals(MembershipChange.Where.ENTRA, change.change().where());
        assertEquals("+ " + MEGAN + " \u2192 " + GROUP + " (in Entra, then provisioned)",
                model.pending().text().describe(change.change()));

        model.pending().apply();
        assertTrue(model.pending().changes().isEmpty(), model.pending().changes().toString());
        assertEquals("changed in Entra and provisioned", model.pending().text().outcome(model.pending().results().get(0)));
        assertTrue(entraMembers(f).contains(entraId(f, MEGAN)), "the Entra group has the member");
        assertTrue(f.isMember(GROUP, MEGAN), "provisioned on demand into AWS");
        f.setup.world.runProvisioningCycle();
        assertTrue(f.isMember(GROUP, MEGAN), "the next cycle keeps it");
    }

    @Test
    void removingAtTheSourceTakesTheMemberOutOfBothAndItLasts() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.selectGroup(group(model, GROUP));
        assertEquals(8, model.members().rows().size());
        MembersViewModel.Member first = model.members().rows().get(0);
        String userName = first.name();
        model.removeMembers(List.of(first));
        model.makeLasting();
        model.pending().apply();

        assertTrue(model.pending().changes().isEmpty(), model.pending().changes().toString());
        assertFalse(entraMembers(f).contains(entraId(f, userName)));
        assertFalse(f.isMember(GROUP, userName));
        assertEquals(7, model.members().rows().size());
        f.setup.world.runProvisioningCycle();
        assertFalse(f.isMember(GROUP, userName), "the next cycle agrees");
    }

    @Test
    void afterUndoTheLeftoverWarningDoesNotMoveADifferentPendingEditToEntra() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.selectGroup(group(model, GROUP));
        MembersViewModel.Member first = model.members().rows().get(0);
        model.removeMembers(List.of(first));
        model.dismissScimWarning(); // the user keeps this one as an AWS-only change
        model.addToGroup(group(model, GROUP), List.of(row(model, MEGAN)));
        assertTrue(model.scimWarningProperty().get().contains(GROUP));
        model.pending().undo(); // takes the add back: the warning named it and nothing else

        assertEquals("", model.scimWarningProperty().get(), "the warning went with the change it named");
        model.makeLasting(); // a click on the button as it was, e.g. a stale view
        assertEquals(1, model.pending().changes().size());
        assertEquals(MembershipChange.Where.IDENTITY_STORE, model.pending().changes().get(0).change().where(),
                "the kept edit is still an AWS change");
    }

    @Test
    void makeItInEntraActsOnlyOnTheChangeTheWarningNames() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.selectGroup(group(model, GROUP));
        model.removeMembers(List.of(model.members().rows().get(0)));
        model.dismissScimWarning();
        model.addToGroup(group(model, GROUP), List.of(row(model, MEGAN)));
        model.makeLasting();
        List<MembershipChange.Where> where = model.pending().changes().stream().map(pc -> pc.change().where())
                .toList();
        assertEquals(List.of(MembershipChange.Where.IDENTITY_STORE, MembershipChange.Where.ENTRA), where);
    }

    @Test
    void aUserMadeInAwsCannotBeAddedAtTheSourceAndTheChangeStaysPendingWithTheReason() {
        DirectoryFixture f = provisioned();
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, GROUP), List.of(row(model, "jana.novak")));
        model.makeLasting();
        model.pending().apply();
        PendingChange failed = model.pending().changes().get(0);
        assertEquals(PendingChange.Status.FAILED, failed.status());
        assertTrue(failed.failure().contains("No Entra user has the userPrincipalName jana.novak"), failed.failure());
        assertTrue(failed.failure().contains("make this change in AWS instead"), failed.failure());
    }
}
