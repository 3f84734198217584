package dev.fedpilot.directory;

import dev.fedpilot.ui.Theme;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The directory page mounted on the sandbox: drag a user onto a group, apply, and the identity store has it. */
@ExtendWith(ApplicationExtension.class)
class DirectoryViewTest {
    @TempDir
    static Path exports;
    private DirectoryFixture fixture;
    private DirectoryViewModel model;

    @Start
    void start(Stage stage) {
        fixture = new DirectoryFixture(exports);
        model = new DirectoryViewModel(fixture.context());
        Scene scene = new Scene(new DirectoryView(model, fixture.setup.messages, fixture.setup.dialogs), 1280, 800);
        Theme.apply(scene, false);
        stage.setScene(scene);
        stage.show();
    }

    private static Node userRow(FxRobot robot, String userName) {
        return robot.lookup("#dir-users .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof UserRow u
                && u.userName().equals(userName)).query();
    }

    private static Node groupRow(FxRobot robot, String name) {
        return robot.lookup("#dir-groups .table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof GroupRow g
                && g.displayName().equals(name)).query();
    }

    @SuppressWarnings("unchecked")
    private static List<String> pendingLines(FxRobot robot) {
        ListView<?> list = robot.lookup("#dir-pending").queryAs(ListView.class);
        return ((ListView<Object>) list).getItems().stream().map(Object::toString).toList();
    }

    @Test
    void draggingAUserOntoAGroupQueuesTheAddAndApplyWritesIt(FxRobot robot) {
        robot.drag(userRow(robot, "jana.novak")).dropTo(groupRow(robot, "auditors"));
        assertEquals(1, model.pending().changes().size(), "one pending change after the drop");
        assertEquals("+ jana.novak \u2192 auditors", model.pending().text().describe(model.pending().changes().get(0).change()));
        assertFalse(fixture.isMember("auditors", "jana.novak"), "not written before apply");
        Button apply = robot.lookup("#dir-apply").queryButton();
        assertEquals("Apply 1", apply.getText());

        robot.clickOn(apply);
        assertTrue(fixture.isMember("auditors", "jana.novak"));
        assertTrue(model.pending().changes().isEmpty());
        assertEquals("1 done (0 already so).", robot.lookup("#dir-apply-summary").queryLabeled().getText());
        assertEquals(1, pendingLines(robot).size(), "the result of the apply is shown");
    }

    @Test
    void deleteRemovesSelectedMembersAndCtrlZBringsThemBack(FxRobot robot) {
        robot.clickOn(groupRow(robot, "billing"));
        ListView<?> members = robot.lookup("#dir-members").queryAs(ListView.class);
        assertEquals(3, members.getItems().size());
        robot.clickOn(robot.lookup("#dir-members .list-cell").nth(0).queryAs(Node.class));
        robot.type(KeyCode.DELETE);
        assertEquals(1, model.pending().changes().size());
        assertTrue(robot.lookup("#dir-members .fp-dir-removing").tryQuery().isPresent(), "the member is struck out");
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        assertTrue(model.pending().changes().isEmpty());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        assertEquals(1, model.pending().changes().size());
    }

    @Test
    void searchFiltersTheUserList(FxRobot robot) {
        TableView<?> users = robot.lookup("#dir-users").queryAs(TableView.class);
        assertEquals(4, users.getItems().size());
        robot.clickOn("#dir-user-search").write("okoro");
        assertEquals(1, users.getItems().size());
        assertEquals("1 of 4 users", robot.lookup("#dir-user-count").queryLabeled().getText());
    }

    @Test
    @SuppressWarnings("unchecked")
    void clickingAColumnHeaderSortsThroughTheModel(FxRobot robot) {
        TableView<UserRow> users = robot.lookup("#dir-users").queryAs(TableView.class);
        robot.clickOn(robot.lookup("#dir-users .column-header").nth(0).queryAs(Node.class));
        assertEquals(List.of("breakglass-admin", "jana.novak", "megan.bowen@contoso-sandbox.onmicrosoft.com",
                "sam.okoro"), users.getItems().stream().map(UserRow::userName).toList());
        robot.clickOn(robot.lookup("#dir-users .column-header").nth(0).queryAs(Node.class));
        assertEquals("sam.okoro", users.getItems().get(0).userName());
        assertEquals("userName desc", model.users().sortKeyProperty().get());
    }
}
