package dev.fedpilot.directory;

import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.PendingJournal;
import dev.fedpilot.port.StateStore;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pending changes on disk: rewritten atomically after every edit and after every change an apply
 * completes, so nothing is lost in a crash and a resumed apply skips what is done. Thread-safe: the workers of
 * an apply mark their changes as they finish.
 */
final class Journal {
    private final StateStore store;
    private final Clock clock;
    private final String identityStoreId;
    private final Map<Long, PendingChange> changes = new TreeMap<>();

    Journal(StateStore store, Clock clock, String identityStoreId) {
        this.store = store;
        this.clock = clock;
        this.identityStoreId = identityStoreId;
    }

    /** Reads what was saved for this identity store. */
    synchronized List<PendingChange> load() {
        changes.clear();
        Optional<PendingJournal> saved = store.load(name(), PendingJournal.class);
        if (saved.isPresent() && identityStoreId.equals(saved.get().identityStoreId())) {
            saved.get().changes().forEach(c -> changes.put(c.seq(), c));
        }
        return List.copyOf(changes.values());
    }

    synchronized void replaceAll(Collection<PendingChange> all) {
        changes.clear();
        all.forEach(c -> changes.put(c.seq(), c));
        save();
    }

    /** Records how far one change got. */
    synchronized void mark(PendingChange change) {
        changes.put(change.seq(), change);
        save();
    }

    private String name() {
        return PendingJournal.storeName(identityStoreId);
    }

    synchronized List<PendingChange> all() {
        return List.copyOf(changes.values());
    }

    /** Forgets the changes that are done, once their results have been shown. */
    synchronized void pruneDone() {
        changes.values().removeIf(PendingChange::done);
        save();
    }

    private void save() {
        if (changes.isEmpty()) {
            store.delete(name());
            return;
        }
        store.save(name(), new PendingJournal(PendingJournal.VERSION, identityStoreId,
                new ArrayList<>(changes.values()), clock.instant()));
    }
}
