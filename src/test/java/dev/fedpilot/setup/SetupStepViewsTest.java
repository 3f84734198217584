package dev.fedpilot.setup;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The step views as a first-time admin meets them: what each control says matches what will happen. */
@ExtendWith(ApplicationExtension.class)
class SetupStepViewsTest {
    @TempDir
    static Path exports;
    private SetupFixture fixture;
    private SetupWizardViewModel wizard;

    @Start
    void start(Stage stage) {
        fixture = new SetupFixture(exports);
        wizard = fixture.wizard();
        Scene scene = new Scene(new SetupWizardView(wizard, fixture.messages, fixture.dialogs), 1500, 1000);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
        wizard.resume();
    }

    private void runThrough(FxRobot robot, SetupStep last) {
        robot.interact(() -> {
            for (SetupStep step : SetupStep.values()) {
                if (step.compareTo(last) > 0) {
                    return;
                }
                switch (step) {
                    case SP_METADATA_TO_ENTRA -> wizard.<SpMetadataStepViewModel>step(step).takeFromSimulatedConsole();
                    case SCIM -> wizard.<ScimStepViewModel>step(step).takeFromSimulatedConsole();
                    default -> {
                    }
                }
                wizard.step(step).run();
                if (step == SetupStep.IDP_METADATA_TO_AWS) {
                    wizard.<IdpMetadataStepViewModel>step(step).uploadInSimulatedConsole();
                }
            }
        });
    }

    private void select(FxRobot robot, SetupStep step) {
        robot.interact(() -> wizard.selectedProperty().set(wizard.step(step)));
    }

    private static ListCell<?> guideCell(FxRobot robot, SetupStep step) {
        return robot.lookup("#guide-steps .list-cell").match((ListCell<?> c) -> c.getItem() instanceof StepViewModel s
                && s.step() == step).query();
    }

    @Test
    void aNewScimTokenReplacesTheTypedOneInTheBoxAndNoSpinnerIsLeft(FxRobot robot) {
        runThrough(robot, SetupStep.IDP_METADATA_TO_AWS);
        select(robot, SetupStep.SCIM);
        robot.clickOn("#scim-token").write("an-old-token");
        PasswordField box = robot.lookup("#scim-token").queryAs(PasswordField.class);
        assertEquals("an-old-token", box.getText());

        robot.clickOn("#scim-from-console");
        assertEquals("", box.getText(), "no dots of the old token");
        assertTrue(box.getPromptText().startsWith("New token from the console, generated"), box.getPromptText());
        ScimStepViewModel scim = wizard.step(SetupStep.SCIM);
        assertNotEquals(StepStatus.WORKING, scim.status(), "nothing runs any more");
        assertFalse(guideCell(robot, SetupStep.SCIM).getGraphic() instanceof ProgressIndicator, "no spinner");

        // typing again is what the box then holds
        robot.clickOn("#scim-token").write("x");
        assertTrue(box.getPromptText().startsWith("Paste the access token"), box.getPromptText());
    }

    @Test
    void revisitingAStepReusesItsViewInsteadOfAddingListenersAgain(FxRobot robot) {
        runThrough(robot, SetupStep.IDP_METADATA_TO_AWS);
        select(robot, SetupStep.SCIM);
        Node first = robot.lookup("#scim-token").query();
        select(robot, SetupStep.WATCH);
        select(robot, SetupStep.SCIM);
        assertSame(first, robot.lookup("#scim-token").query());
    }

    @Test
    void pasteWithAnEmptyClipboardSaysSoAndKeepsTheText(FxRobot robot) {
        runThrough(robot, SetupStep.ENTRA_APP);
        select(robot, SetupStep.SP_METADATA_TO_ENTRA);
        robot.clickOn("#sp-from-console");
        TextArea text = robot.lookup("#sp-metadata-text").queryAs(TextArea.class);
        String xml = text.getText();
        assertTrue(xml.contains("EntityDescriptor"));
        assertTrue(sourceLabel(robot).contains("simulated AWS console"), sourceLabel(robot));

        fixture.dialogs.clipboardText = null;
        robot.clickOn("#sp-paste");
        assertEquals(xml, text.getText(), "an empty clipboard clears nothing");
        assertTrue(robot.lookup("#step-note").queryAs(Label.class).getText().startsWith("The clipboard holds no text"));

        robot.clickOn("#sp-metadata-text").write(" ");
        assertEquals("", sourceLabel(robot), "edited: no longer what the console gave");
    }

    private static String sourceLabel(FxRobot robot) {
        return robot.lookup("#sp-source").queryAs(Label.class).getText();
    }

    @Test
    void theAssignButtonSaysWhatItAssignsAndEntriesCanBeRemovedFirst(FxRobot robot) {
        runThrough(robot, SetupStep.SCIM);
        select(robot, SetupStep.ASSIGNMENTS);
        Button run = robot.lookup("#step-run").queryButton();
        assertEquals("Check the assignments", run.getText(), "nothing picked: nothing is assigned");
        AssignmentsStepViewModel assignments = wizard.step(SetupStep.ASSIGNMENTS);
        robot.interact(() -> {
            assignments.queryProperty().set("AWS-");
            assignments.search();
            assignments.results().stream().filter(c -> c.displayName().equals("AWS-ReadOnly")
                    || c.displayName().equals("AWS-Billing")).toList().forEach(assignments::pick);
        });
        assertEquals("Assign these 2", run.getText());
        Candidate billing = assignments.picked().stream().filter(c -> c.displayName().equals("AWS-Billing"))
                .findFirst().orElseThrow();
        // the pane is taller than the window: the buttons are pressed as the keyboard would (scrolled to)
        robot.interact(() -> robot.lookup("#assign-remove-" + billing.id()).queryButton().fire());
        assertEquals("Assign AWS-ReadOnly", run.getText());
        robot.interact(run::fire);
        var names = fixture.world.entraTenant().assignments(fixture.store.load(dev.fedpilot.domain.SetupState.STORE_NAME,
                dev.fedpilot.domain.SetupState.class).orElseThrow().app()).stream()
                .map(dev.fedpilot.domain.AppAssignment::principalDisplayName).toList();
        assertTrue(names.contains("AWS-ReadOnly") && !names.contains("AWS-Billing"), names.toString());
    }
}
