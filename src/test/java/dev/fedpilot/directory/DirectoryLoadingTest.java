package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.store.MemoryStateStore;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order the two lists load in, and what stopping the load leaves behind. */
class DirectoryLoadingTest {
    @TempDir
    Path exports;
    private final QueuedTaskRunner tasks = new QueuedTaskRunner();

    private DirectoryFixture fixture() {
        return new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new MemoryStateStore(), tasks, exports);
    }

    private DirectoryViewModel openWithQueuedTasks() {
        DirectoryFixture f = fixture();
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        model.open();
        tasks.runAll(); // nothing queued yet is the lists: the instance lookup comes first
        return model;
    }

    @Test
    void groupsAreListedOnceTheFirstUsersAreShownAndBothLoadFully() {
        DirectoryFixture f = fixture();
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        model.open();
        assertEquals(1, tasks.queued(), "the instance lookup");
        tasks.runOne();
        assertEquals(2, tasks.queued(), "the pending changes' journal, read off the FX thread, and the users");
        tasks.runOne();
        assertEquals(1, tasks.queued(), "the users listing only: groups wait for the first users");
        assertTrue(model.groupsLoadingProperty().get(), "the groups count as loading meanwhile");
        tasks.runOne();
        assertTrue(model.users().loadedProperty().get() > 0);
        assertEquals(0, model.groups().loadedProperty().get());
        assertEquals(1, tasks.queued(), "the groups listing, started by the first page of users");
        tasks.runAll();
        assertTrue(model.groups().loadedProperty().get() > 0);
        assertFalse(model.usersLoadingProperty().get());
        assertFalse(model.groupsLoadingProperty().get());
    }

    @Test
    void stoppingBeforeTheFirstUsersStartsNoGroupListingAndLeavesNothingBusy() {
        DirectoryFixture f = fixture();
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        model.open();
        tasks.runOne(); // the instance is found, the users listing is queued
        model.cancelLoading();
        tasks.runAll();
        assertEquals(0, model.users().loadedProperty().get());
        assertEquals(0, model.groups().loadedProperty().get());
        assertEquals(0, tasks.queued());
        assertFalse(model.usersLoadingProperty().get());
        assertFalse(model.groupsLoadingProperty().get(), "no busy label left for a listing that never started");
    }

    @Test
    void reloadingListsBothAgain() {
        DirectoryViewModel model = openWithQueuedTasks();
        int users = model.users().loadedProperty().get();
        int groups = model.groups().loadedProperty().get();
        model.reload();
        tasks.runAll();
        assertEquals(users, model.users().loadedProperty().get());
        assertEquals(groups, model.groups().loadedProperty().get());
    }

    @Test
    void theRowsThatFillTheEmptyTableArriveFiveAtATimeAFrameApartThenWholePages() {
        DirectoryFixture f = fixture();
        List<DirectoryUser> users = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            users.add(new DirectoryUser("u-" + i, "user" + i + "@example.com", "User " + i, "User", "No. " + i,
                    List.of("user" + i + "@example.com"), List.of(), null));
        }
        f.aws.listUsersInstead(users);
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        List<Integer> added = new ArrayList<>();
        model.users().items().addListener((ListChangeListener<UserRow>) c -> {
            while (c.next()) {
                added.add(c.getAddedSize());
            }
        });
        model.open();
        tasks.runOne();
        tasks.runOne(); // the journal
        tasks.runOne();
        assertEquals(List.of(5, 5, 5, 5, 5, 5, 5, 5, 60, 100, 50), added, "the first rows in steps, then whole pages");
        assertEquals(250, model.users().loadedProperty().get());
        assertEquals(8, f.waits.stream().filter(d -> d.toMillis() < 100).count(), "one frame after each step");
    }
}
