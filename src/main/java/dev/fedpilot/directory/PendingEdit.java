package dev.fedpilot.directory;

import dev.fedpilot.domain.PendingChange;

import java.util.List;
import java.util.Map;

/** One undoable edit of the pending list (a command): the changes it takes out and the ones it puts in. */
record PendingEdit(String description, List<PendingChange> removed, List<PendingChange> added) {

    PendingEdit {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
    }

    boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    void perform(Map<Long, PendingChange> pending) {
        removed.forEach(c -> pending.remove(c.seq()));
        added.forEach(c -> pending.put(c.seq(), c));
    }

    void revert(Map<Long, PendingChange> pending) {
        added.forEach(c -> pending.remove(c.seq()));
        removed.forEach(c -> pending.put(c.seq(), c));
    }

    String describe() {
        return description;
    }
}
