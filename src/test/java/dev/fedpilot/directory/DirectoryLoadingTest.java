package dev.fedpilot.directory;

import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.store.MemoryStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order the two lists load in, and what stopping the load leaves behind. */
class DirectoryLoadingTest {
    @TempDir
    Path exports;
    private final QueuedTaskRunner tasks = new QueuedTaskRunner();

    private DirectoryViewModel openWithQueuedTasks() {
        DirectoryFixture f = new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new MemoryStateStore(), tasks, exports);
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        model.open();
        tasks.runAll(); // nothing queued yet is the lists: the instance lookup comes first
        return model;
    }

    @Test
    void groupsAreListedOnceTheFirstUsersAreShownAndBothLoadFully() {
        DirectoryFixture f = new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new MemoryStateStore(), tasks, exports);
        DirectoryViewModel model = new DirectoryViewModel(f.context());
        model.open();
        assertEquals(1, tasks.queued(), "the instance lookup");
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
        DirectoryFixture f = new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO),
                new MemoryStateStore(), tasks, exports);
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
}
