package dev.fedpilot.ui.shell;

import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window at first start without the sandbox, on a laptop-sized screen: nothing signed in yet. */
@ExtendWith(ApplicationExtension.class)
class FirstStartViewTest {
    private Stage stage;

    /** No cloud answers yet: the user has not signed in; nothing here is called by these tests. */
    private static final class NotSignedIn implements Connections {
        @Override
        public String signInEntra() {
            throw new IllegalStateException("not in this test");
        }

        @Override
        public void signOutEntra() {
        }

        @Override
        public List<String> awsProfiles() {
            return List.of();
        }

        @Override
        public String signInAws(String profile) {
            throw new IllegalStateException("not in this test");
        }

        @Override
        public void signOutAws() {
        }

        @Override
        public List<String> signInIdentityCenter(String startUrl, String region) {
            return List.of();
        }

        @Override
        public List<String> identityCenterRoles(String account) {
            return List.of();
        }

        @Override
        public String useIdentityCenterRole(String account, String role) {
            throw new IllegalStateException("not in this test");
        }

        @Override
        public boolean ready() {
            return false;
        }
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Messages messages = Messages.english();
        ShellViewModel model = new ShellViewModel(new SameThreadTaskRunner(), new MemoryStateStore(), messages,
                Optional.empty(), Optional.empty(), false, new NotSignedIn(), () -> { });
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            pages.put(page, new WelcomeView(messages, page, () -> { }));
        }
        Scene scene = new Scene(new ShellView(model, messages, new RecordingDialogs(), pages), 1024, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void directoryAndReportSayWhatTheyNeedInsteadOfTheWelcome(FxRobot robot) {
        assertTrue(robot.lookup("#welcome").tryQuery().isPresent());
        robot.clickOn("#nav-directory");
        assertFalse(robot.lookup("#welcome").tryQuery().isPresent());
        String directory = robot.lookup("#needs-directory .label").queryAll().stream()
                .map(n -> ((Label) n).getText()).reduce("", String::concat);
        assertTrue(directory.contains("users and groups") && directory.contains("sign in"), directory);
        robot.clickOn("#nav-report");
        assertTrue(robot.lookup("#needs-report").tryQuery().isPresent());
    }

    @Test
    void signOutIsNotOfferedWhileSignedOut(FxRobot robot) {
        for (String menu : List.of("#entra-menu", "#aws-menu")) {
            MenuButton button = robot.lookup(menu).queryAs(MenuButton.class);
            List<String> offered = button.getItems().stream().filter(MenuItem::isVisible).map(MenuItem::getText).toList();
            assertFalse(offered.contains("Sign out"), menu + " offers " + offered);
            assertTrue(offered.contains("Sign in\u2026"), menu + " offers " + offered);
        }
    }

    @Test
    void theTitleAndChipsKeepTheirSizeAndMenusStayInsideTheWindow(FxRobot robot) {
        Label title = robot.lookup(".fp-title").queryAs(Label.class);
        assertTrue(title.getWidth() >= title.prefWidth(-1) - 1, "the app name is not cut");
        for (String chip : List.of("#fp-entra-status", "#fp-aws-status")) {
            assertTrue(robot.lookup(chip).queryAs(Label.class).getWidth() <= ShellView.CHIP_MAX_WIDTH, chip);
        }
        robot.clickOn("#aws-menu");
        WaitForAsyncUtils.waitForFxEvents();
        Window popup = robot.listWindows().stream().filter(w -> w != stage && w.isShowing()).findFirst().orElseThrow();
        assertTrue(popup.getX() >= stage.getX() && popup.getX() + popup.getWidth() <= stage.getX() + stage.getWidth(),
                "the menu stays inside the window: " + popup.getX() + "+" + popup.getWidth() + " in " + stage.getX()
                        + "+" + stage.getWidth());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        assertEquals(1, robot.listWindows().stream().filter(Window::isShowing).count());
    }
}
