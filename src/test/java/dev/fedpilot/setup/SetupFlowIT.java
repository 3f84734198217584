package dev.fedpilot.setup;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.store.JsonFileStateStore;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.FxTaskRunner;
import dev.fedpilot.ui.Theme;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole guided setup through the window on the sandbox, clicking as a user would: from nothing to
 * provisioned users in the AWS pane, through a wrong SCIM token and its fix, and a restart that resumes.
 */
@ExtendWith(ApplicationExtension.class)
class SetupFlowIT {
    @TempDir
    Path home;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SetupFixture fixture;
    private SetupWizardViewModel wizard;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fixture = new SetupFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new JsonFileStateStore(home.resolve("config")), new FxTaskRunner(executor), home.resolve("exports"));
        show(fixture.wizard());
    }

    private void show(SetupWizardViewModel model) {
        wizard = model;
        Scene scene = new Scene(new SetupWizardView(model, fixture.messages, fixture.dialogs), 1580, 1180);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        model.resume();
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    private void waitFor(SetupStep step, StepStatus status) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> wizard.step(step).status() == status);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(step + " did not reach " + status + ", note: " + wizard.step(step).noteProperty().get()
                    + ", status: " + wizard.step(step).status());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void run(FxRobot robot, SetupStep step) {
        assertEquals(step, wizard.selectedProperty().get().step(), "the step in focus");
        robot.clickOn("#step-run");
    }

    @Test
    void fromNothingToProvisionedUsersWithAWrongTokenOnTheWayAndAResume(FxRobot robot) throws Exception {
        waitFor(SetupStep.SIGN_IN, StepStatus.DONE);
        run(robot, SetupStep.FIND_INSTANCE);
        waitFor(SetupStep.FIND_INSTANCE, StepStatus.DONE);
        run(robot, SetupStep.ENTRA_APP);
        waitFor(SetupStep.ENTRA_APP, StepStatus.DONE);

        robot.clickOn("#sp-from-console");
        waitUntil(() -> !wizard.<SpMetadataStepViewModel>step(SetupStep.SP_METADATA_TO_ENTRA).findings().isEmpty()
                || wizard.<SpMetadataStepViewModel>step(SetupStep.SP_METADATA_TO_ENTRA).parsedProperty().get() != null);
        run(robot, SetupStep.SP_METADATA_TO_ENTRA);
        waitFor(SetupStep.SP_METADATA_TO_ENTRA, StepStatus.DONE);
        assertTrue(robot.lookup("#entra-flow").queryAs(Label.class).getText().contains("copied from AWS metadata"));

        run(robot, SetupStep.IDP_METADATA_TO_AWS);
        waitUntil(() -> wizard.<IdpMetadataStepViewModel>step(SetupStep.IDP_METADATA_TO_AWS).awaitingConsoleProperty().get());
        robot.clickOn("#idp-simulated-upload");
        waitFor(SetupStep.IDP_METADATA_TO_AWS, StepStatus.DONE);

        // a wrong token: a clear message and a fix, nothing started
        robot.clickOn("#scim-endpoint").write(fixture.world.console().scimEndpoint().toString());
        robot.clickOn("#scim-token").write("this-is-not-the-token");
        run(robot, SetupStep.SCIM);
        waitFor(SetupStep.SCIM, StepStatus.ATTENTION);
        String note = robot.lookup("#step-note").queryAs(Label.class).getText();
        assertTrue(note.toLowerCase().contains("token"), note);
        assertFalse(note.contains("this-is-not-the-token"), "the token is never shown");
        // the fix: a real token from the (simulated) console
        robot.clickOn("#scim-from-console");
        waitUntil(() -> wizard.<ScimStepViewModel>step(SetupStep.SCIM).tokenPresentProperty().get());
        robot.clickOn("#step-run");
        waitFor(SetupStep.SCIM, StepStatus.DONE);

        robot.clickOn("#assign-search").write("AWS-ReadOnly");
        waitUntil(() -> wizard.<AssignmentsStepViewModel>step(SetupStep.ASSIGNMENTS).results().stream()
                .anyMatch(c -> c.displayName().equals("AWS-ReadOnly")));
        robot.doubleClickOn(robot.lookup("#assign-results").lookup((javafx.scene.control.ListCell<?> cell) ->
                cell.getText() != null && cell.getText().startsWith("[group] AWS-ReadOnly")).<javafx.scene.Node>query());
        waitUntil(() -> !wizard.<AssignmentsStepViewModel>step(SetupStep.ASSIGNMENTS).picked().isEmpty());
        run(robot, SetupStep.ASSIGNMENTS);
        waitFor(SetupStep.ASSIGNMENTS, StepStatus.DONE);

        run(robot, SetupStep.PROVISION_ON_DEMAND);
        waitFor(SetupStep.PROVISION_ON_DEMAND, StepStatus.DONE);
        ListView<?> provisioned = robot.lookup("#aws-provisioned-users").queryAs(ListView.class);
        waitUntil(() -> provisioned.getItems().size() == 8);
        assertTrue(robot.lookup(n -> n instanceof Label l && l.getText() != null
                && l.getText().contains("8 provisioned from Entra")).tryQuery().isPresent(), "the AWS pane counts them");

        fixture.world.runProvisioningCycle();
        run(robot, SetupStep.WATCH);
        waitFor(SetupStep.WATCH, StepStatus.DONE);

        // restart: a new window over the same saved progress opens at the end and asks for no token
        robot.interact(() -> show(fixture.wizard()));
        assertEquals(SetupStep.WATCH, wizard.selectedProperty().get().step());
        for (SetupStep step : SetupStep.values()) {
            assertEquals(StepStatus.DONE, wizard.step(step).status(), step.toString());
        }
        waitUntil(() -> robot.lookup("#aws-provisioned-users").queryAs(ListView.class).getItems().size() == 8);
    }

    @Test
    void aRestartInTheMiddleOpensAtTheNextStep(FxRobot robot) throws Exception {
        waitFor(SetupStep.SIGN_IN, StepStatus.DONE);
        run(robot, SetupStep.FIND_INSTANCE);
        waitFor(SetupStep.FIND_INSTANCE, StepStatus.DONE);
        run(robot, SetupStep.ENTRA_APP);
        waitFor(SetupStep.ENTRA_APP, StepStatus.DONE);
        robot.interact(() -> show(fixture.wizard()));
        assertEquals(SetupStep.SP_METADATA_TO_ENTRA, wizard.selectedProperty().get().step());
        assertTrue(robot.lookup("#guide-steps").queryAs(ListView.class).getItems().size() == 9);
    }
}
