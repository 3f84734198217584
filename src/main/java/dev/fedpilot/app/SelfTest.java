package dev.fedpilot.app;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.setup.AssignmentsStepViewModel;
import dev.fedpilot.setup.Candidate;
import dev.fedpilot.setup.IdpMetadataStepViewModel;
import dev.fedpilot.setup.ScimStepViewModel;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.setup.SpMetadataStepViewModel;
import dev.fedpilot.setup.StepViewModel;
import dev.fedpilot.ui.shell.Page;
import dev.fedpilot.ui.shell.ShellViewModel;
import javafx.animation.PauseTransition;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.IntConsumer;

/**
 * {@code --sandbox --self-test}: a short smoke of the setup flow in the open window, for installers and CI.
 * Drives the wizard as the buttons would, visits every page, then closes with 0 (passed) or 1 (failed).
 */
final class SelfTest {
    private static final Logger LOG = LoggerFactory.getLogger(SelfTest.class);
    private static final List<SetupStep> STEPS = List.of(SetupStep.SIGN_IN, SetupStep.FIND_INSTANCE, SetupStep.ENTRA_APP,
            SetupStep.SP_METADATA_TO_ENTRA, SetupStep.IDP_METADATA_TO_AWS, SetupStep.SCIM, SetupStep.ASSIGNMENTS,
            SetupStep.PROVISION_ON_DEMAND);
    static final String GROUP = "AWS-Billing";
    private final SetupWizardViewModel wizard;
    private final ShellViewModel shell;
    private final IntConsumer finish;
    private final PauseTransition deadline = new PauseTransition(Duration.seconds(150));
    private boolean over;

    SelfTest(SetupWizardViewModel wizard, ShellViewModel shell, IntConsumer finish) {
        this.wizard = wizard;
        this.shell = shell;
        this.finish = finish;
    }

    void start() {
        LOG.info("self-test started");
        deadline.setOnFinished(e -> fail("timed out"));
        deadline.play();
        step(0);
    }

    private void step(int index) {
        if (over) {
            return;
        }
        if (index == STEPS.size()) {
            visitPagesThenPass();
            return;
        }
        SetupStep current = STEPS.get(index);
        StepViewModel step = wizard.step(current);
        if (step.status() == StepStatus.DONE) {
            step(index + 1);
            return;
        }
        ChangeListener<StepStatus> listener = new ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends StepStatus> o, StepStatus a, StepStatus s) {
                if (s == StepStatus.DONE) {
                    step.statusProperty().removeListener(this);
                    LOG.info("self-test: {} done", current);
                    step(index + 1);
                } else if (s == StepStatus.ATTENTION && !awaitingConsole(step)) {
                    step.statusProperty().removeListener(this);
                    fail(current + ": " + step.noteProperty().get());
                }
            }
        };
        step.statusProperty().addListener(listener);
        prepareAndRun(step);
    }

    private static boolean awaitingConsole(StepViewModel step) {
        return step instanceof IdpMetadataStepViewModel idp && idp.awaitingConsoleProperty().get();
    }

    private void prepareAndRun(StepViewModel step) {
        wizard.selectedProperty().set(step);
        if (step instanceof SpMetadataStepViewModel sp) {
            sp.takeFromSimulatedConsole();
            step.run();
        } else if (step instanceof IdpMetadataStepViewModel idp) {
            idp.awaitingConsoleProperty().addListener((o, a, waiting) -> {
                if (waiting) {
                    idp.uploadInSimulatedConsole();
                }
            });
            step.run();
        } else if (step instanceof ScimStepViewModel scim) {
            scim.tokenPresentProperty().addListener((o, a, present) -> {
                if (present) {
                    scim.run();
                }
            });
            scim.takeFromSimulatedConsole();
        } else if (step instanceof AssignmentsStepViewModel assignments) {
            assignments.results().addListener((ListChangeListener<Candidate>) c -> assignments.results().stream()
                    .filter(candidate -> candidate.displayName().equals(GROUP)).findFirst().ifPresent(group -> {
                        if (assignments.picked().isEmpty() && assignments.status() != StepStatus.WORKING) {
                            assignments.pick(group);
                            assignments.run();
                        }
                    }));
            assignments.queryProperty().set(GROUP);
            assignments.search();
        } else {
            step.run();
        }
    }

    private void visitPagesThenPass() {
        // -Dfedpilot.selfTest.dwell=MILLIS keeps each page on screen longer (for screenshots of a demo run)
        PauseTransition pause = new PauseTransition(Duration.millis(Long.getLong("fedpilot.selfTest.dwell", 400)));
        int[] page = {0};
        pause.setOnFinished(e -> {
            if (page[0] < Page.values().length) {
                shell.navigate(Page.values()[page[0]++]);
                pause.playFromStart();
            } else {
                pass();
            }
        });
        pause.play();
    }

    private void pass() {
        if (!over) {
            over = true;
            deadline.stop();
            LOG.info("self-test passed");
            finish.accept(0);
        }
    }

    private void fail(String why) {
        if (!over) {
            over = true;
            deadline.stop();
            LOG.error("self-test failed: {}", why);
            finish.accept(1);
        }
    }
}
