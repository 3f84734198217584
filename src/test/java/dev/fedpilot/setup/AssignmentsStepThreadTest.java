package dev.fedpilot.setup;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.MemoryAuditLog;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.MovingSleeper;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.testing.TestClock;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.OwnerThreadTaskRunner;
import dev.fedpilot.ui.RecordingDialogs;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Lists the FX thread owns are read only on it (trust issue item 7): the assignments step checks the picked
 * groups in a background task of a multi-threaded runner while its assigned list asserts its owner thread.
 */
class AssignmentsStepThreadTest {
    final OwnerThreadTaskRunner tasks = new OwnerThreadTaskRunner();
    @TempDir
    Path exports;

    @AfterEach
    void stop() {
        tasks.close();
    }

    /** A list that notes every touch from a thread other than its owner. */
    static final class OwnedList<E> extends AbstractList<E> {
        final List<E> items = new ArrayList<>();
        final Thread owner;
        final List<String> offThread = Collections.synchronizedList(new ArrayList<>());

        OwnedList(Thread owner) {
            this.owner = owner;
        }

        private void check(String what) {
            if (Thread.currentThread() != owner) {
                offThread.add(what + " on " + Thread.currentThread().getName());
                throw new IllegalStateException("FX-owned list touched off its thread: " + what);
            }
        }

        @Override
        public E get(int index) {
            check("get");
            return items.get(index);
        }

        @Override
        public int size() {
            check("size");
            return items.size();
        }

        @Override
        public void add(int index, E element) {
            check("add");
            items.add(index, element);
        }

        @Override
        public E set(int index, E element) {
            check("set");
            return items.set(index, element);
        }

        @Override
        public E remove(int index) {
            check("remove");
            return items.remove(index);
        }
    }

    @Test
    void checkingPickedGroupsReadsTheAssignedListOnlyOnTheFxThread() throws Exception {
        TestClock clock = new TestClock(SetupFixture.START);
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO), clock);
        EnterpriseApp app = world.entraTenant().instantiateAwsIdcApp("AWS IAM Identity Center");
        List<DirectoryGroup> groups = world.entraTenant().searchGroups("", 5);
        DirectoryGroup assignedGroup = groups.get(0);
        DirectoryGroup pickedGroup = groups.get(1);
        MemoryStateStore store = new MemoryStateStore();
        SetupContext ctx = new SetupContext(world.entraTenant(), world.identityCenter(), world.scimProbe(),
                new SimulatedAwsConsole(world.console()), store, new MemoryAuditLog(), clock,
                new MovingSleeper(clock), tasks, Messages.english(), new RecordingDialogs(), exports);
        OwnedList<AppAssignment> owned = new OwnedList<>(tasks.ownerThread());

        AssignmentsStepViewModel model = tasks.onOwner(() -> {
            ctx.update(s -> s.withApp(app).withAssignments(List.of(new AppAssignment("a-1", assignedGroup.id(),
                    PrincipalType.GROUP, assignedGroup.displayName()))));
            ObservableList<AppAssignment> assigned = FXCollections.observableList(owned);
            return new AssignmentsStepViewModel(ctx, assigned);
        });
        tasks.onOwner(() -> {
            model.pick(new Candidate(pickedGroup.id(), PrincipalType.GROUP, pickedGroup.displayName(), null));
            return null;
        });
        tasks.awaitIdle();

        assertEquals(List.of(), owned.offThread, "the background check read the FX-owned assigned list");
        assertFalse(tasks.onOwner(model::findings).isEmpty(), "the check ran and reported (users left out)");
        assertEquals(1, tasks.onOwner(() -> model.assigned().size()));
    }
}
