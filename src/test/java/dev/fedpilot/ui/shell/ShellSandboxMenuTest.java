package dev.fedpilot.ui.shell;

import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's menu in the connection bar: starting over asks first, and only OK starts over. */
@ExtendWith(ApplicationExtension.class)
class ShellSandboxMenuTest {
    private final AtomicInteger resets = new AtomicInteger();

    private final dev.fedpilot.ui.RecordingDialogs dialogs = new dev.fedpilot.ui.RecordingDialogs();

    @Start
    void start(Stage stage) {
        Messages messages = Messages.english();
        ShellViewModel model = new ShellViewModel(new SameThreadTaskRunner(), new MemoryStateStore(), messages,
                Optional.empty(), Optional.empty(), true);
        model.setOnResetSandbox(resets::incrementAndGet);
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        for (Page page : Page.values()) {
            pages.put(page, new Label(page.name()));
        }
        Scene scene = new Scene(new ShellView(model, messages, dialogs, pages), 1000, 700);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void startingOverAsksFirstAndCancelKeepsTheWorld(FxRobot robot) {
        dialogs.confirmations.add(false);
        robot.clickOn("#sandbox-menu").clickOn("#sandbox-reset");
        assertTrue(dialogs.asked.stream().anyMatch(q -> q.contains(Messages.english().get("shell.sandbox.resetConfirm"))),
                dialogs.asked.toString());
        assertEquals(0, resets.get());
        dialogs.confirmations.add(true);
        robot.clickOn("#sandbox-menu").clickOn("#sandbox-reset");
        assertEquals(1, resets.get());
    }
}
