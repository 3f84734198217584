package dev.fedpilot.report;

import dev.fedpilot.domain.SetupState;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Report screen mounted headless: it builds the report when shown, previews it, and saves it. */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    @TempDir
    static Path dir;
    private ReportFixture fixture;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ReportViewModel model;
    private Scene scene;

    @Start
    void start(Stage stage) {
        fixture = new ReportFixture(dir.resolve("exports-" + System.nanoTime())).complete();
        model = new ReportViewModel(fixture.builder(), new SameThreadTaskRunner(), dialogs,
                fixture.setup.messages);
        scene = new Scene(new ReportView(model, fixture.setup.messages, dialogs), 1100, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    private static boolean showsLabel(FxRobot robot, String parent, String text) {
        return robot.lookup(parent).queryAll().stream().findFirst()
                .map(p -> robot.from(p).lookup((Node n) -> n instanceof Label l && text.equals(l.getText())).tryQuery()
                        .isPresent())
                .orElse(false);
    }

    @Test
    void theReportIsBuiltWhenShownWithTheStatusOnTopAndTheValuesInTheirCards(FxRobot robot) {
        assertEquals("Set up and healthy", robot.lookup("#report-headline").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#report-summary-detail").queryAs(Label.class).getText().contains("9 of 9 steps done"));
        SetupState saved = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertTrue(showsLabel(robot, "#report-saml", saved.signingCertificate().sha256()), "thumbprint on the SAML card");
        assertTrue(showsLabel(robot, "#report-aws", saved.instance().instanceArn()), "ARN on the AWS card");
        assertTrue(showsLabel(robot, "#report-assignments", "AWS-ReadOnly"), "the assigned group");
        assertTrue(robot.lookup("#report-timeline").tryQuery().isPresent());
    }

    @Test
    void theMarkdownButtonSavesTheShownReportWhereTheUserChose(FxRobot robot) throws Exception {
        Path file = dir.resolve("from-the-screen.md");
        dialogs.files.add(file);
        assertFalse(robot.lookup("#report-export-md").queryAs(Button.class).isDisabled());
        robot.clickOn("#report-export-md");
        assertTrue(Files.readString(file).startsWith("# FedPilot setup report"));
        assertTrue(robot.lookup("#report-status").queryAs(Label.class).getText().startsWith("Saved "));
    }

    @Test
    void refreshShowsWhatChangedInTheClouds(FxRobot robot) {
        fixture.setup.world.console().scimTokens().forEach(t -> fixture.setup.world.console().deleteScimToken(t.id()));
        fixture.setup.world.runProvisioningCycle();
        robot.clickOn("#report-refresh");
        assertEquals("Needs fixing", robot.lookup("#report-headline").queryAs(Label.class).getText());
        assertTrue(robot.lookup((Node n) -> n instanceof Label l && l.getText() != null
                && l.getText().contains("Provisioning is in quarantine")).tryQuery().isPresent());
    }

    @Test
    void showingThePageAgainKeepsTheLastReportUntilRefresh(FxRobot robot) {
        SetupReport first = model.reportProperty().get();
        javafx.scene.Parent view = scene.getRoot();
        // the shell swaps pages in and out of the scene: coming back is no reason to read both clouds again
        robot.interact(() -> scene.setRoot(new javafx.scene.layout.Pane()));
        robot.interact(() -> scene.setRoot(view));
        org.junit.jupiter.api.Assertions.assertSame(first, model.reportProperty().get());
        robot.clickOn("#report-refresh");
        org.junit.jupiter.api.Assertions.assertNotSame(first, model.reportProperty().get(), "Refresh builds anew");
    }
}
