package dev.fedpilot.report;

import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.setup.AssignmentsStepViewModel;
import dev.fedpilot.setup.Candidate;
import dev.fedpilot.setup.IdpMetadataStepViewModel;
import dev.fedpilot.setup.ScimStepViewModel;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.setup.SpMetadataStepViewModel;
import dev.fedpilot.testing.SetupFixture;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sandbox setup driven through the real wizard, with a SCIM token whose text the test knows. */
public final class ReportFixture {
    public final SetupFixture setup;
    public final SetupWizardViewModel wizard;
    /** The SCIM token the setup was given; it must never appear in a report. */
    public String scimToken;

    public ReportFixture(Path exports) {
        setup = new SetupFixture(exports);
        wizard = setup.wizard();
    }

    /** Runs the setup's steps up to and including {@code last}, assigning {@code groups}. */
    public ReportFixture runThrough(SetupStep last, String... groups) {
        for (SetupStep step : SetupStep.values()) {
            if (step.compareTo(last) > 0) {
                return this;
            }
            switch (step) {
                case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
                case SCIM -> giveKnownToken(wizard.step(step));
                case ASSIGNMENTS -> List.of(groups).forEach(this::pickGroup);
                // a cycle has run, as it would within 40 minutes; the Watch step then has something to see
                case WATCH -> setup.world.runProvisioningCycle();
                default -> {
                }
            }
            wizard.step(step).run();
            if (step == SetupStep.IDP_METADATA_TO_AWS) {
                wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
            }
            // on-demand provisioning of users with pitfalls ends in "attention", which is what some tests want
            if (step != SetupStep.WATCH) {
                StepStatus status = wizard.step(step).status();
                assertTrue(status == StepStatus.DONE || status == StepStatus.ATTENTION && step == SetupStep.PROVISION_ON_DEMAND,
                        step + ": " + wizard.step(step).noteProperty().get());
            }
        }
        return this;
    }

    /** Everything, with one group assigned. */
    public ReportFixture complete() {
        return runThrough(SetupStep.WATCH, "AWS-ReadOnly");
    }

    /**
     * Set up with the demo tenant's troublesome groups assigned and one provisioning cycle run: findings of
     * every severity, groups with and without AWS counterparts, a last cycle with failures.
     */
    public ReportFixture withFindings() {
        runThrough(SetupStep.ASSIGNMENTS, "AWS-ReadOnly", "AWS-Pilot-Users", "AWS-Developers");
        setup.world.runProvisioningCycle();
        return this;
    }

    private void giveKnownToken(ScimStepViewModel scim) {
        try (Secret token = setup.world.console().generateScimToken()) {
            scimToken = token.revealAsString();
            scim.endpointProperty().set(setup.world.console().scimEndpoint().toString());
            scim.setToken(token.reveal());
        }
    }

    private void pickGroup(String name) {
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        assignments.queryProperty().set(name);
        assignments.search();
        Candidate group = assignments.results().stream().filter(c -> c.displayName().equals(name)).findFirst()
                .orElseThrow();
        assignments.pick(group);
    }

    public ReportBuilder builder() {
        return builder(setup.world.entraTenant(), setup.world.identityCenter());
    }

    public ReportBuilder builder(EntraTenant entra, IdentityCenter aws) {
        return new ReportBuilder(entra, aws, setup.store, setup.audit, setup.clock);
    }
}
