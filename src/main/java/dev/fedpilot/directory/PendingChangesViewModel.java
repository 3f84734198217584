package dev.fedpilot.directory;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.MembershipChange.Where;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The pending changes: every edit is a command (perform / revert / describe) on this list, with undo and redo;
 * the list is journaled after every edit and applied as one batch. Failed changes stay, with their reason.
 */
public final class PendingChangesViewModel {
    private final DirectoryContext ctx;
    private final Messages messages;
    private final ChangeText text;
    private final Map<Long, PendingChange> pending = new TreeMap<>();
    private final ObservableList<PendingChange> changes = FXCollections.observableArrayList();
    private final ObservableList<PendingChange> results = FXCollections.observableArrayList();
    private final Deque<PendingEdit> undo = new ArrayDeque<>();
    private final Deque<PendingEdit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper applying = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(true);
    private final IntegerBinding count = Bindings.size(changes);
    private IdcInstance instance;
    private Journal journal;
    private long nextSeq = 1;
    private TaskRunner.Cancellable applyTask;

    public PendingChangesViewModel(DirectoryContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.messages();
        this.text = new ChangeText(messages);
    }

    // --- properties -----------------------------------------------------------------------------------------

    /** The pending changes in the order they were made, failed ones with their reason. */
    public ObservableList<PendingChange> changes() {
        return changes;
    }

    /** Every change of the last apply with what became of it. */
    public ObservableList<PendingChange> results() {
        return results;
    }

    public IntegerBinding countProperty() {
        return count;
    }

    public ReadOnlyBooleanProperty applyingProperty() {
        return applying.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** What undo would take back, for its tooltip. */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** The last apply in one line, e.g. "3 done (1 already so), 1 failed and still pending". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ChangeText text() {
        return text;
    }

    /** True while a change for this AWS group is pending and would be undone by provisioning. */
    public boolean anyAtRisk(String awsGroupId) {
        return pending.values().stream().anyMatch(pc -> pc.change().mayBeUndoneByProvisioning()
                && awsGroupId.equals(pc.change().group().awsId()));
    }

    // --- commands -------------------------------------------------------------------------------------------

    /**
     * Starts using the journal of {@code target}'s identity store: changes left from an earlier run come back (read
     * off the FX thread). The user is told when another FedPilot holds the journal (this one then saves nothing)
     * and when an unreadable journal was set aside; a write that a crash interrupted is looked up in the identity
     * store.
     */
    public void attach(IdcInstance target) {
        close();
        this.instance = target;
        Journal opening = new Journal(ctx.store(), ctx.clock(), target.identityStoreId());
        pending.clear();
        undo.clear();
        redo.clear();
        show();
        ctx.tasks().task(messages.get("directory.task.journal"), c -> opening.load())
                .onSuccess(loaded -> restore(opening, loaded))
                .onFailure(e -> ctx.dialogs().showError(messages.get("directory.journal.failedTitle"), e))
                .start();
    }

    /** Lets another FedPilot have this identity store's journal, once every edit is on disk. */
    public void close() {
        if (journal != null) {
            journal.close();
            journal = null;
        }
    }

    /** False while another FedPilot has the pending changes of this identity store open: edits are refused. */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    private void restore(Journal opened, Journal.Loaded loaded) {
        journal = opened;
        writable.set(loaded.writable());
        List<PendingChange> interrupted = new ArrayList<>();
        for (PendingChange pc : loaded.changes()) {
            nextSeq = Math.max(nextSeq, pc.seq() + 1);
            if (!pc.done()) {
                pending.put(pc.seq(), pc);
                // restored changes can be taken back one by one
                undo.push(new PendingEdit(text.describe(pc.change()), List.of(), List.of(pc)));
                if (pc.stage() == PendingChange.Stage.WRITING) {
                    interrupted.add(pc);
                }
            }
        }
        String store = instance.identityStoreId();
        loaded.setAside().ifPresent(where -> ctx.dialogs().showInfo(messages.get("directory.journal.setAsideTitle"),
                messages.get("directory.journal.setAside", store, where)));
        if (!loaded.writable()) {
            ctx.dialogs().showInfo(messages.get("directory.journal.heldTitle"),
                    messages.get("directory.journal.held", store));
        } else {
            journal.replaceAll(pending.values());
            if (!interrupted.isEmpty()) {
                new InterruptedWrites(ctx, instance, text).check(interrupted, this::settled);
            }
        }
        show();
    }

    /** The interrupted writes as the identity store shows them: done ones leave the list, the rest stay pending. */
    private void settled(List<PendingChange> checked) {
        for (PendingChange pc : checked) {
            if (pc.done()) {
                pending.remove(pc.seq());
            } else if (pending.containsKey(pc.seq())) {
                pending.put(pc.seq(), pc);
            }
        }
        // a write found done happened in the cloud: it can no longer be taken back here
        undo.removeIf(edit -> edit.added().stream().anyMatch(a -> checked.stream()
                .anyMatch(pc -> pc.done() && pc.seq() == a.seq())));
        saved();
    }

    /**
     * Adds changes as one edit. A change that reverses a pending one cancels it; one already pending is skipped.
     * Returns false when nothing changed (or an apply is running).
     */
    public boolean propose(List<MembershipChange> wanted) {
        if (applying.get() || !editable() || wanted.isEmpty()) {
            return false;
        }
        List<PendingChange> removed = new ArrayList<>();
        List<PendingChange> added = new ArrayList<>();
        for (MembershipChange ch : wanted) {
            PendingChange opposite = find(pc -> !pc.done() && ch.cancels(pc.change()), removed);
            if (opposite != null) {
                removed.add(opposite);
            } else if (find(pc -> sameAs(pc.change(), ch), removed) == null
                    && added.stream().noneMatch(pc -> sameAs(pc.change(), ch))) {
                added.add(PendingChange.of(nextSeq++, ch));
            }
        }
        return perform(new PendingEdit(text.describe(wanted), removed, added));
    }

    /** Takes one change out of the list (undoable). */
    public void drop(PendingChange change) {
        if (!applying.get() && editable() && pending.containsKey(change.seq())) {
            perform(new PendingEdit(messages.get("directory.edit.drop", text.describe(change.change())),
                    List.of(pending.get(change.seq())), List.of()));
        }
    }

    /** Forgets every pending change (undoable until the next apply). */
    public void discard() {
        if (!applying.get() && editable() && !pending.isEmpty()) {
            perform(new PendingEdit(messages.get("directory.edit.discard", pending.size()),
                    new ArrayList<>(pending.values()), List.of()));
        }
    }

    /**
     * Moves the matching identity store changes of SCIM-managed groups to the source: the Entra group is changed
     * and provisioned on demand, so the next cycle keeps the change. Returns how many moved.
     */
    public int makeLasting(Predicate<MembershipChange> which) {
        if (applying.get() || !editable()) {
            return 0;
        }
        List<PendingChange> before = new ArrayList<>();
        List<PendingChange> after = new ArrayList<>();
        for (PendingChange pc : pending.values()) {
            if (pc.change().mayBeUndoneByProvisioning() && which.test(pc.change())) {
                before.add(pc);
                after.add(PendingChange.of(pc.seq(), pc.change().at(Where.ENTRA)));
            }
        }
        perform(new PendingEdit(messages.get("directory.edit.lasting", after.size()), before, after));
        return after.size();
    }

    public void undo() {
        if (!applying.get() && editable() && !undo.isEmpty()) {
            PendingEdit edit = undo.pop();
            edit.revert(pending);
            redo.push(edit);
            saved();
        }
    }

    public void redo() {
        if (!applying.get() && editable() && !redo.isEmpty()) {
            PendingEdit edit = redo.pop();
            edit.perform(pending);
            undo.push(edit);
            saved();
        }
    }

    /**
     * Applies every pending change (failed ones again) as one batch with progress. Changes marked done in the
     * journal by an interrupted apply are not in the list, so nothing is written twice.
     */
    public void apply() {
        if (applying.get() || pending.isEmpty() || !editable()) {
            return;
        }
        List<PendingChange> batch = List.copyOf(pending.values());
        Journal journal = this.journal;
        IdcInstance target = instance;
        applying.set(true);
        results.clear();
        summary.set(messages.get("directory.apply.running", batch.size()));
        applyTask = ctx.tasks().task(messages.get("directory.task.apply", batch.size()), c -> {
                    // read here, not on the FX thread
                    SetupState setup = ctx.store().load(SetupState.STORE_NAME, SetupState.class)
                            .orElse(SetupState.empty());
                    ChangeApplier applier = new ChangeApplier(new ChangeApplier.Target(ctx.aws(), ctx.entra(), target,
                            setup.app(), setup.jobId()), ctx.clock(), ctx.sleeper(), ctx.concurrency(), messages);
                    return applier.apply(batch, journal, c, this::showResult);
                })
                .onSuccess(this::finished)
                .onCancelled(() -> finished(journal.all()))
                .onFailure(e -> {
                    summary.set(ErrorText.what(e));
                    ctx.dialogs().showError(messages.get("directory.apply.failedTitle"), e);
                    finished(journal.all());
                })
                .onFinally(() -> applying.set(false))
                .start();
    }

    /** Stops an apply; what finished stays done, the rest stays pending. */
    public void cancelApply() {
        if (applyTask != null) {
            applyTask.cancel();
        }
    }

    // --- internals ------------------------------------------------------------------------------------------

    private boolean editable() {
        return journal != null && writable.get();
    }

    private boolean perform(PendingEdit edit) {
        if (edit.isEmpty()) {
            return false;
        }
        edit.perform(pending);
        undo.push(edit);
        redo.clear();
        saved();
        return true;
    }

    private void saved() {
        journal.replaceAll(pending.values());
        show();
    }

    private void show() {
        changes.setAll(pending.values());
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        undoText.set(undo.isEmpty() ? "" : undo.peek().describe());
        redoText.set(redo.isEmpty() ? "" : redo.peek().describe());
    }

    private void showResult(PendingChange pc) {
        results.add(pc);
        for (int i = 0; i < changes.size(); i++) {
            if (changes.get(i).seq() == pc.seq()) {
                changes.set(i, pc);
            }
        }
    }

    private void finished(List<PendingChange> batch) {
        long done = 0;
        long already = 0;
        long failed = 0;
        for (PendingChange pc : batch) {
            if (pc.done()) {
                done++;
                already += ChangeApplier.ALREADY_MEMBER.equals(pc.outcome())
                        || ChangeApplier.ALREADY_ABSENT.equals(pc.outcome())
                        || ChangeApplier.ALREADY_ASSIGNED.equals(pc.outcome()) ? 1 : 0;
                pending.remove(pc.seq());
            } else {
                pending.put(pc.seq(), pc);
            }
            if (pc.status() != PendingChange.Status.PENDING) {
                ctx.audit().record(new AuditEntry(ctx.clock().instant(), "directory", text.describe(pc.change()),
                        pc.done() ? AuditEntry.Outcome.OK : AuditEntry.Outcome.FAILED, text.outcome(pc)));
            }
        }
        journal.pruneDone();
        results.setAll(batch);
        // applied changes cannot be taken back locally, so the history starts again
        undo.clear();
        redo.clear();
        long notDone = batch.size() - done;
        summary.set(notDone == 0 ? messages.get("directory.apply.allDone", done, already)
                : messages.get("directory.apply.someFailed", done, already, notDone));
        show();
    }

    private PendingChange find(Predicate<PendingChange> test, List<PendingChange> except) {
        return pending.values().stream().filter(test).filter(pc -> !except.contains(pc)).findFirst().orElse(null);
    }

    private static boolean sameAs(MembershipChange a, MembershipChange b) {
        return a.action() == b.action() && a.pairKey().equals(b.pairKey());
    }
}
