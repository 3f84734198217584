package dev.fedpilot.app;

import dev.fedpilot.directory.DirectoryContext;
import dev.fedpilot.directory.DirectoryView;
import dev.fedpilot.directory.DirectoryViewModel;
import dev.fedpilot.report.ReportBuilder;
import dev.fedpilot.report.ReportView;
import dev.fedpilot.report.ReportViewModel;
import dev.fedpilot.setup.SetupWizardView;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.Theme;
import dev.fedpilot.ui.shell.Page;
import dev.fedpilot.ui.shell.ShellView;
import dev.fedpilot.ui.shell.ShellViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Border;
import javafx.scene.layout.BorderStroke;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window by keyboard on the sandbox: Tab reaches the sidebar, every Tab stop is something the user can see
 * and shows a ring in light and dark, and every control that shows only an icon says what it is to a screen reader.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardAccessTest {
    @TempDir
    static Path exports;
    private ShellViewModel shell;
    private Scene scene;
    private SetupFixture fixture;

    @Start
    void start(Stage stage) {
        fixture = new SetupFixture(exports);
        SetupWizardViewModel wizard = fixture.wizard();
        shell = new ShellViewModel(fixture.tasks, fixture.store, fixture.messages,
                Optional.of(fixture.world.entraTenant()), Optional.of(fixture.world.identityCenter()), true);
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        pages.put(Page.SETUP, new SetupWizardView(wizard, fixture.messages, fixture.dialogs));
        pages.put(Page.DIRECTORY, new DirectoryView(new DirectoryViewModel(new DirectoryContext(
                fixture.world.identityCenter(), fixture.world.entraTenant(), fixture.store, fixture.audit,
                fixture.clock, fixture.tasks, fixture.messages, fixture.dialogs, fixture.clock::advance,
                DirectoryContext.DEFAULT_CONCURRENCY)), fixture.messages, fixture.dialogs));
        pages.put(Page.REPORT, new ReportView(new ReportViewModel(new ReportBuilder(fixture.world.entraTenant(),
                fixture.world.identityCenter(), fixture.store, fixture.audit, fixture.clock), fixture.tasks,
                fixture.dialogs, fixture.messages), fixture.messages, fixture.dialogs));
        scene = new Scene(new ShellView(shell, fixture.messages, fixture.dialogs, pages), 1280, 800);
        Theme.apply(scene, false);
        shell.darkProperty().addListener((o, a, dark) -> Theme.apply(scene, dark));
        stage.setScene(scene);
        stage.show();
        wizard.resume();
    }

    @Test
    void everyIconOnlyControlSaysWhatItIsOnEveryPage(FxRobot robot) {
        List<String> silent = new ArrayList<>();
        for (Page page : Page.values()) {
            robot.interact(() -> shell.navigate(page));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> walk(scene.getRoot(), n -> {
                if (n instanceof Labeled l && l.getGraphic() != null && (l.getText() == null || l.getText().isBlank())
                        && (l.getAccessibleText() == null || l.getAccessibleText().isBlank())
                        && (n instanceof javafx.scene.control.ButtonBase || n instanceof javafx.scene.control.Label
                        && n.isFocusTraversable())) {
                    silent.add(page + ": " + describe(n));
                }
            }));
        }
        assertEquals(List.of(), silent, "icon-only controls without an accessible text");
    }

    @Test
    void tabReachesTheSidebarAndEveryStopIsVisibleWithARingInBothThemes(FxRobot robot) {
        for (boolean dark : new boolean[]{false, true}) {
            robot.interact(() -> shell.darkProperty().set(dark));
            robot.interact(() -> scene.lookup("#theme-toggle").requestFocus());
            Set<String> reached = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < 45; i++) {
                robot.press(KeyCode.TAB).release(KeyCode.TAB);
                WaitForAsyncUtils.waitForFxEvents();
                Node focused = scene.getFocusOwner();
                if (focused == null) {
                    problems.add("focus left the window");
                    break;
                }
                reached.add(describe(focused));
                if (focused instanceof ScrollPane || !(focused instanceof Control)) {
                    problems.add("a Tab stop with nothing to operate: " + describe(focused));
                }
                if (!shownOnScreen(focused)) {
                    problems.add("an invisible Tab stop: " + describe(focused));
                }
                // a tab pane shows its focus on the selected tab
                Region ringed = focused instanceof javafx.scene.control.TabPane tabs
                        ? (Region) tabs.lookup(".tab:selected") : (Region) focused;
                if (!hasRing(ringed)) {
                    problems.add((dark ? "dark" : "light") + ": no focus ring on " + describe(focused));
                }
            }
            assertTrue(reached.stream().anyMatch(s -> s.contains("#nav-")), "Tab reaches the sidebar: " + reached);
            // within the sidebar the arrow keys move, as in any group of toggles
            robot.interact(() -> scene.lookup("#nav-setup").requestFocus());
            robot.press(KeyCode.DOWN).release(KeyCode.DOWN);
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("nav-directory", scene.getFocusOwner().getId());
            assertEquals(List.of(), problems.stream().distinct().toList());
        }
    }

    /** Our stylesheet draws a 2-pixel border in the accent colour around the focused control. */
    private static boolean hasRing(Region focused) {
        Border border = focused.getBorder();
        if (border == null) {
            return false;
        }
        for (BorderStroke stroke : border.getStrokes()) {
            if (stroke.getWidths().getTop() >= 2 && stroke.getTopStroke() instanceof javafx.scene.paint.Color c
                    && c.getOpacity() > 0.5 && c.getSaturation() > 0.3) {
                return true;
            }
        }
        return false;
    }

    private static boolean shownOnScreen(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() == 0) {
                return false;
            }
        }
        var b = node.localToScene(node.getLayoutBounds());
        return b.getWidth() >= 4 && b.getHeight() >= 4 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < node.getScene().getWidth() && b.getMinY() < node.getScene().getHeight();
    }

    private static String describe(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof Labeled l && l.getText() != null ? " \"" + l.getText() + "\"" : "");
    }

    private static void walk(Node node, java.util.function.Consumer<Node> visit) {
        if (!node.isVisible()) {
            return;
        }
        visit.accept(node);
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, visit);
            }
        }
    }
}
