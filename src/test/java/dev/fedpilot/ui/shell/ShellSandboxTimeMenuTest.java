package dev.fedpilot.ui.shell;

import dev.fedpilot.sandbox.SandboxClock;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.TestClock;
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

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The sandbox menu's "Move time forward…": it asks how many days, and only an answer moves the clock. */
@ExtendWith(ApplicationExtension.class)
class ShellSandboxTimeMenuTest {
    private final SandboxClock clock = new SandboxWorld(SandboxOptions.defaults(),
            new TestClock(Instant.parse("2027-03-01T09:00:00Z"))).clock();
    private final dev.fedpilot.ui.RecordingDialogs dialogs = new dev.fedpilot.ui.RecordingDialogs();

    @Start
    void start(Stage stage) {
        Messages messages = Messages.english();
        ShellViewModel model = new ShellViewModel(new SameThreadTaskRunner(), new MemoryStateStore(), messages,
                Optional.empty(), Optional.empty(), true);
        model.setSandboxTime(clock, clock::moveForward);
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
    void askingForDaysThenAnAnswerMovesTheClockAndCancelDoesNot(FxRobot robot) {
        robot.clickOn("#sandbox-menu").clickOn("#sandbox-time");
        assertEquals(java.util.List.of(Messages.english().get("shell.sandbox.timeAsk")), dialogs.asked);
        assertEquals(Duration.ZERO, clock.offset(), "cancelled");

        dialogs.answers.add("400");
        robot.clickOn("#sandbox-menu").clickOn("#sandbox-time");
        assertEquals(Duration.ofDays(400), clock.offset());
    }
}
