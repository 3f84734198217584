package dev.fedpilot.directory;

import dev.fedpilot.ui.QuitGuard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Quitting with pending directory edits asks, and each answer does what it says: keep (the next start has them),
 * apply (written, then closed), discard (gone), or cancel (the window stays). Apply previews what it writes.
 */
class PendingEditsAtQuitTest {
    @TempDir
    Path exports;

    private DirectoryFixture fixture;
    private DirectoryViewModel model;
    private int closed;

    private void pendingAdd() {
        fixture = new DirectoryFixture(exports);
        model = fixture.open();
        model.addToGroup(DirectoryFixture.group(model, "auditors"), List.of(DirectoryFixture.row(model, "jana.novak")));
        assertEquals(1, model.pendingCount());
    }

    private boolean quit(Integer answer) {
        if (answer != null) {
            fixture.setup.dialogs.answers.add(answer);
        }
        return new QuitGuard(List.of(model), fixture.setup.dialogs, fixture.setup.messages).closeAfterAsking(() -> closed++);
    }

    @Test
    void nothingPendingClosesWithoutAQuestion() {
        fixture = new DirectoryFixture(exports);
        model = fixture.open();
        assertTrue(quit(null));
        assertEquals(1, closed);
        assertTrue(fixture.setup.dialogs.asked.isEmpty(), fixture.setup.dialogs.asked.toString());
    }

    @Test
    void keepClosesAndTheNextStartHasTheEdits() {
        pendingAdd();
        assertTrue(quit(0));
        assertEquals(1, closed);
        assertTrue(fixture.setup.dialogs.asked.get(0).contains("1 pending in Directory"), fixture.setup.dialogs.asked.toString());
        assertFalse(fixture.isMember("auditors", "jana.novak"));
        DirectoryViewModel nextStart = new DirectoryViewModel(fixture.context());
        nextStart.open();
        assertEquals(1, nextStart.pendingCount(), "journaled for next time");
    }

    @Test
    void applyWritesThenCloses() {
        pendingAdd();
        assertTrue(quit(1));
        assertEquals(1, closed);
        assertTrue(fixture.isMember("auditors", "jana.novak"));
        assertEquals(0, model.pendingCount());
    }

    @Test
    void discardDropsThemAndCloses() {
        pendingAdd();
        assertTrue(quit(2));
        assertEquals(1, closed);
        assertFalse(fixture.isMember("auditors", "jana.novak"));
        DirectoryViewModel nextStart = new DirectoryViewModel(fixture.context());
        nextStart.open();
        assertEquals(0, nextStart.pendingCount());
    }

    @Test
    void cancelKeepsTheWindowOpen() {
        pendingAdd();
        assertFalse(quit(null));
        assertEquals(0, closed);
        assertEquals(1, model.pendingCount());
    }

    @Test
    void applyFirstSaysPerGroupAndSideWhatItWillWrite() {
        pendingAdd();
        model.addToGroup(DirectoryFixture.group(model, "auditors"), List.of(DirectoryFixture.row(model, "sam.okoro")));
        fixture.setup.dialogs.confirmations.add(false);
        model.applyConfirmation().apply(model.pending());
        assertEquals(List.of("Apply these changes?: auditors: add 2 in the AWS identity store\n\n"
                + "Untick \"Ask first\" beside Apply to skip this question. [Apply 2]"), fixture.setup.dialogs.asked);
        assertFalse(fixture.isMember("auditors", "jana.novak"), "declined: nothing written");

        model.applyConfirmation().askFirstProperty().set(false);
        model.applyConfirmation().apply(model.pending());
        assertEquals(1, fixture.setup.dialogs.asked.size(), "turned off: no question");
        assertTrue(fixture.isMember("auditors", "jana.novak"));
        DirectoryViewModel nextStart = new DirectoryViewModel(fixture.context());
        assertFalse(nextStart.applyConfirmation().askFirstProperty().get(), "the choice is kept");
    }
}
