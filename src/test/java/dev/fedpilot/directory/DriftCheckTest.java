package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.Drift;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.EntraTenant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drift against Entra on the sandbox, and its fixes applied as pending changes. */
class DriftCheckTest {
    @TempDir
    Path exports;

    private static String entraUser(EntraTenant entra, String upnStart) {
        return entra.searchUsers(upnStart, 5).stream().filter(u -> u.userName().startsWith(upnStart))
                .map(DirectoryUser::id).findFirst().orElseThrow();
    }

    private static String entraGroup(EntraTenant entra, String name) {
        return entra.searchGroups(name, 5).stream().filter(g -> g.displayName().equals(name))
                .map(DirectoryGroup::id).findFirst().orElseThrow();
    }

    @Test
    void findsEachKindOfDriftWithReasonsAndItsFixesRepairIt() {
        DirectoryFixture f = new DirectoryFixture(exports);
        f.completeSetup("AWS-ReadOnly");
        EntraTenant entra = f.setup.world.entraTenant();
        EnterpriseApp app = f.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().app();
        String jobId = f.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().jobId();
        String readOnly = entraGroup(entra, "AWS-ReadOnly");
        // a nested group comes with AWS-Developers, provisioned by a cycle
        entra.assign(app, entraGroup(entra, "AWS-Developers"), PrincipalType.GROUP);
        f.setup.world.runProvisioningCycle();
        // an edit in AWS, a member added in Entra only, and one that AWS refuses
        f.aws.addMember(f.instance, f.awsGroup("AWS-ReadOnly").id(), f.awsUser("jana.novak").id());
        String added = entraUser(entra, "megan.bowen");
        entra.addGroupMember(readOnly, added);
        String refused = entraUser(entra, "room.harbor");
        entra.addGroupMember(readOnly, refused);
        entra.provisionOnDemand(app, jobId, OnDemandRequest.group(readOnly, List.of(refused)));
        // assigned but never provisioned
        entra.assign(app, entraGroup(entra, "AWS-Billing"), PrincipalType.GROUP);

        DirectoryViewModel model = f.open();
        model.checkDrift();
        List<Drift.Item> items = model.drift().items();
        assertEquals(List.of(Drift.Kind.NOT_PROVISIONED, Drift.Kind.PROVISIONING_FAILED, Drift.Kind.MANUAL_IN_AWS,
                        Drift.Kind.NESTED_SKIPPED, Drift.Kind.GROUP_MISSING_IN_AWS),
                items.stream().map(Drift.Item::kind).toList(), items.toString());
        assertTrue(items.get(1).reason().contains("name.givenName"), items.get(1).reason());
        assertTrue(items.get(3).reason() != null && items.get(3).reason().contains("nested"), items.get(3).toString());
        assertEquals("5 differences in 3 assigned groups.", model.drift().statusProperty().get());
        var summary = model.drift().summaryFor(f.awsGroup("AWS-ReadOnly").id()).orElseThrow();
        assertEquals(10, summary.entraMembers());
        assertEquals(2, summary.notInAws());
        assertEquals(1, summary.onlyInAws());

        model.fix(items.get(0).fixes().get(0));
        model.fix(items.get(2).fixes().get(0));
        model.fix(items.get(4).fixes().get(0));
        assertEquals(3, model.pending().changes().size());
        model.pending().apply();
        assertTrue(model.pending().changes().isEmpty(), model.pending().changes().toString());
        assertTrue(f.isMember("AWS-ReadOnly", "megan.bowen@contoso-sandbox.onmicrosoft.com"));
        assertFalse(f.isMember("AWS-ReadOnly", "jana.novak"));
        assertEquals(3, f.memberIds("AWS-Billing").size(), "the missing group was provisioned with its members");

        model.reload();
        model.checkDrift();
        assertEquals(List.of(Drift.Kind.PROVISIONING_FAILED, Drift.Kind.NESTED_SKIPPED),
                model.drift().items().stream().map(Drift.Item::kind).toList());
    }

    @Test
    void withoutAnAppThereIsNothingToCompareAndItSaysWhy() {
        DirectoryFixture f = new DirectoryFixture(exports);
        DirectoryViewModel model = f.open();
        model.checkDrift();
        assertTrue(model.drift().items().isEmpty());
        assertTrue(model.drift().statusProperty().get().startsWith("Finish the setup first"));
    }
}
