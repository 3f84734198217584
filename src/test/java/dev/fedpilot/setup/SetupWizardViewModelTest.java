package dev.fedpilot.setup;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.SetupFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole guided setup on the sandbox, step by step, without a toolkit. */
class SetupWizardViewModelTest {
    @TempDir
    Path exports;

    private SetupFixture fixture;
    private SetupWizardViewModel wizard;

    private void start() {
        fixture = new SetupFixture(exports);
        wizard = fixture.wizard();
    }

    private void runThrough(SetupStep last) {
        for (SetupStep step : SetupStep.values()) {
            if (step.compareTo(last) > 0) {
                return;
            }
            switch (step) {
                case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
                case SCIM -> wizard.<ScimStepViewModel>step(step).takeFromSimulatedConsole();
                case ASSIGNMENTS -> pickGroup("AWS-ReadOnly");
                default -> {
                }
            }
            wizard.step(step).run();
            if (step == SetupStep.IDP_METADATA_TO_AWS) {
                wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
            }
            if (step != SetupStep.WATCH) {
                assertEquals(StepStatus.DONE, wizard.step(step).status(), step + ": " + wizard.step(step).noteProperty().get());
            }
        }
    }

    private void pickGroup(String name) {
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        assignments.queryProperty().set(name);
        assignments.search();
        Candidate group = assignments.results().stream().filter(c -> c.displayName().equals(name)).findFirst().orElseThrow();
        assignments.pick(group);
    }

    @Test
    void opensAtTheFirstStepAndAdvancesAsStepsAreDone() {
        start();
        assertEquals(SetupStep.SIGN_IN, wizard.selectedProperty().get().step());
        wizard.runSelected();
        assertEquals(StepStatus.DONE, wizard.step(SetupStep.SIGN_IN).status());
        assertEquals(SetupStep.FIND_INSTANCE, wizard.selectedProperty().get().step());
        wizard.runSelected();
        assertTrue(wizard.awsFacts().stream().anyMatch(f -> f.value().startsWith("d-")), wizard.awsFacts().toString());
        assertEquals(SetupStep.ENTRA_APP, wizard.selectedProperty().get().step());
    }

    @Test
    void fromNothingToProvisionedUsersInTheIdentityStore() {
        start();
        runThrough(SetupStep.WATCH);
        var store = fixture.world.identityCenter();
        var instance = store.instances().get(0);
        List<DirectoryUser> users = new ArrayList<>();
        store.listUsers(instance, users::addAll);
        long provisioned = users.stream().filter(u -> u.externalId() != null).count();
        assertEquals(8, provisioned, "the 8 members of AWS-ReadOnly were provisioned on demand");
        OnDemandStepViewModel onDemand = wizard.step(SetupStep.PROVISION_ON_DEMAND);
        assertTrue(onDemand.outcomes().size() >= 8);
        assertFalse(wizard.provisionedUsers().isEmpty(), "the AWS pane lists provisioned users");
        assertTrue(wizard.awsFacts().stream().anyMatch(f -> f.value().contains("8 provisioned from Entra")),
                wizard.awsFacts().toString());
        assertTrue(Files.exists(Path.of(fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow()
                .idpMetadataFile())), "the IdP metadata was saved for the AWS console");
    }

    @Test
    void aWrongScimTokenSaysWhatWentWrongAndTheRightOneConnects() {
        start();
        runThrough(SetupStep.IDP_METADATA_TO_AWS);
        ScimStepViewModel scim = wizard.step(SetupStep.SCIM);
        scim.endpointProperty().set(fixture.world.console().scimEndpoint().toString());
        scim.setToken("not-the-token".toCharArray());
        scim.run();
        assertEquals(StepStatus.ATTENTION, scim.status());
        String note = scim.noteProperty().get();
        assertTrue(note.toLowerCase().contains("token"), note);
        assertFalse(note.contains("not-the-token"), "the token never appears in a message");
        scim.takeFromSimulatedConsole();
        scim.run();
        assertEquals(StepStatus.DONE, scim.status(), scim.noteProperty().get());
        assertNotNull(fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().jobId());
    }

    @Test
    void aBrokenEndpointIsRefusedBeforeAnythingIsSent() {
        start();
        ScimStepViewModel scim = wizard.step(SetupStep.SCIM);
        scim.endpointProperty().set("ftp://nope");
        assertFalse(scim.endpointErrorProperty().get().isEmpty());
        scim.endpointProperty().set("https://example.com/scim");
        assertTrue(scim.endpointErrorProperty().get().contains("AWS SCIM endpoint"));
        assertFalse(scim.canRunProperty().get());
    }

    @Test
    void theSavedProgressNeverHoldsTheToken() {
        start();
        runThrough(SetupStep.SCIM);
        String saved = ((MemoryStateStore) fixture.store).raw(SetupState.STORE_NAME).orElseThrow();
        for (var token : fixture.world.console().scimTokens()) {
            assertFalse(saved.contains(token.id()));
        }
        assertFalse(saved.toLowerCase().contains("secret"), saved);
        assertTrue(saved.contains("scimEndpoint"));
    }

    @Test
    void aRestartResumesAtTheRightStepAndDoesNotAskForTheTokenAgain() {
        start();
        runThrough(SetupStep.SCIM);
        SetupWizardViewModel restarted = fixture.wizard();
        assertEquals(SetupStep.ASSIGNMENTS, restarted.selectedProperty().get().step());
        assertEquals(StepStatus.DONE, restarted.step(SetupStep.SCIM).status());
        assertTrue(restarted.entraFacts().stream().anyMatch(f -> f.value().startsWith("aWSSingleSignon.")),
                restarted.entraFacts().toString());
    }

    @Test
    void runningTheAppStepAgainAdoptsInsteadOfDuplicating() {
        start();
        runThrough(SetupStep.ENTRA_APP);
        String first = fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().app().servicePrincipalId();
        wizard.step(SetupStep.ENTRA_APP).run();
        SetupWizardViewModel restarted = fixture.wizard();
        restarted.step(SetupStep.ENTRA_APP).run();
        assertEquals(1, fixture.world.entraTenant().findAwsIdcApps().size());
        assertEquals(first, fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().app().servicePrincipalId());
        assertTrue(restarted.step(SetupStep.ENTRA_APP).noteProperty().get().contains("adopts"));
    }

    @Test
    void metadataOfTheWrongSideIsAnErrorFindingAndCannotBeWritten() {
        start();
        runThrough(SetupStep.SP_METADATA_TO_ENTRA);
        SpMetadataStepViewModel sp = wizard.step(SetupStep.SP_METADATA_TO_ENTRA);
        var app = fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().app();
        sp.paste(fixture.world.entraTenant().downloadFederationMetadata(app));
        assertTrue(sp.findings().stream().anyMatch(f -> f.isError()), sp.findings().toString());
        assertFalse(sp.canRunProperty().get());
        sp.paste("<html>not metadata</html>");
        assertTrue(sp.findings().stream().anyMatch(f -> f.code().equals("metadata-unreadable")));
        sp.paste("");
        assertTrue(sp.findings().isEmpty());
    }

    @Test
    void assigningAGroupWithANestedGroupWarnsAboutIt() {
        start();
        runThrough(SetupStep.SCIM);
        pickGroup("AWS-Developers");
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        assertTrue(assignments.findings().stream().anyMatch(f -> f.code().equals("group-nested")),
                assignments.findings().toString());
    }

    @Test
    void assigningThePilotGroupShowsMembersThatWillFail() {
        start();
        runThrough(SetupStep.SCIM);
        pickGroup("AWS-Pilot-Users");
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        var codes = assignments.findings().stream().map(f -> f.code()).toList();
        assertTrue(codes.contains("user-missing-names"), codes.toString());
        assertTrue(codes.contains("user-multi-valued"), codes.toString());
        pickGroup("AWS-Developers-Contractors");
        var withContractors = assignments.findings().stream().map(f -> f.code()).toList();
        assertTrue(withContractors.contains("user-rejected-characters"), withContractors.toString());
    }

    @Test
    void pickingAGroupSaysHowManyUsersStayOutOfAws() {
        start();
        runThrough(SetupStep.SCIM);
        pickGroup("AWS-Billing");
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        var note = assignments.findings().stream().filter(f -> f.code().equals("users-unassigned")).findFirst().orElseThrow();
        assertTrue(note.message().startsWith("247 of the tenant's 250 users"), note.message());
    }

    @Test
    void expiryFindingsAppearWhenTheTokenGetsOld() {
        start();
        runThrough(SetupStep.SCIM);
        fixture.clock.advance(java.time.Duration.ofDays(340));
        SetupWizardViewModel later = fixture.wizard();
        assertTrue(later.findings().stream().anyMatch(f -> f.code().equals("scim-token-expiring")),
                later.findings().toString());
    }
}
