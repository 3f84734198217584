package dev.fedpilot.ui.shell;

import dev.fedpilot.setup.SetupWizardView;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ShellViewTest {
    private ShellViewModel model;
    private final MemoryStateStore store = new MemoryStateStore();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    @org.junit.jupiter.api.io.TempDir
    static java.nio.file.Path exports;

    @Start
    void start(Stage stage) {
        Messages messages = Messages.english();
        var tasks = new SameThreadTaskRunner();
        model = new ShellViewModel(tasks, store, messages, Optional.empty(), Optional.empty(), false);
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        SetupFixture fixture = new SetupFixture(exports);
        pages.put(Page.SETUP, new SetupWizardView(fixture.wizard(), messages, new RecordingDialogs()));
        Label directory = new Label("the directory page");
        directory.setId("directory-page");
        pages.put(Page.DIRECTORY, directory);
        Label report = new Label("the report page");
        report.setId("report-page");
        pages.put(Page.REPORT, report);
        Scene scene = new Scene(new ShellView(model, messages, dialogs, pages), 1200, 760);
        Theme.apply(scene, false);
        model.darkProperty().addListener((o, a, dark) -> Theme.apply(scene, dark));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void setupShowsGuideAwsAndEntraSideBySide(FxRobot robot) {
        SplitPane panes = robot.lookup("#setup-panes").queryAs(SplitPane.class);
        assertEquals(3, panes.getItems().size());
        assertEquals(java.util.List.of("pane-guide", "pane-aws", "pane-entra"),
                java.util.List.of(panes.getItems().get(0).getId(), panes.getItems().get(1).getId(), panes.getItems().get(2).getId()));
        assertTrue(robot.lookup("AWS IAM IDENTITY CENTER").tryQuery().isPresent());
        assertTrue(robot.lookup("MICROSOFT ENTRA ID").tryQuery().isPresent());
    }

    @Test
    void navigationByClickAndKeyboardSwitchesPages(FxRobot robot) {
        robot.clickOn("#nav-directory");
        assertTrue(robot.lookup("#directory-page").tryQuery().isPresent());
        assertFalse(robot.lookup("#setup-panes").tryQuery().isPresent());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT3).release(KeyCode.DIGIT3, KeyCode.CONTROL);
        assertTrue(robot.lookup("#report-page").tryQuery().isPresent());
        assertEquals(Page.REPORT, model.pageProperty().get());
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        assertTrue(robot.lookup("#setup-panes").tryQuery().isPresent());
    }

    @Test
    void themeToggleSwitchesToDarkAndIsRemembered(FxRobot robot) {
        assertFalse(model.darkProperty().get());
        robot.clickOn("#theme-toggle");
        assertTrue(model.darkProperty().get());
        assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-dark"),
                javafx.application.Application.getUserAgentStylesheet());
        robot.interact(() -> model.saveWindow(10, 20, 900, 600, false, new double[0]));
        assertTrue(store.load(WindowPlacement.STORE_NAME, WindowPlacement.class).orElseThrow().dark());
        robot.clickOn("#theme-toggle");
        assertTrue(javafx.application.Application.getUserAgentStylesheet().contains("primer-light"));
    }

    @Test
    void connectionBarSaysSignedOutWhenNoCloudIsConfigured(FxRobot robot) {
        Label entra = robot.lookup("#fp-entra-status").queryAs(Label.class);
        Label aws = robot.lookup("#fp-aws-status").queryAs(Label.class);
        assertEquals("Entra: signed out", entra.getText());
        assertEquals("AWS: signed out", aws.getText());
    }
}
