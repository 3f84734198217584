package dev.fedpilot.directory;

import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.PendingJournal;
import dev.fedpilot.port.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The pending changes on disk: rewritten atomically after every edit and after every change an apply
 * completes, so nothing is lost in a crash and a resumed apply skips what is done. Thread-safe: the workers of
 * an apply mark their changes as they finish.
 *
 * <p>Writes run on one thread of the journal's own, in the order they were asked for, so the FX thread never
 * touches the disk; {@link #mark} waits for its write, since an apply must not go on before its progress is safe.
 * The journal is claimed ({@link StateStore#claim}) while open: a second FedPilot on the same settings folder
 * reads it but writes nothing, so neither overwrites the other's edits.
 */
final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    private final StateStore store;
    private final Clock clock;
    private final String identityStoreId;
    private final Map<Long, PendingChange> changes = new TreeMap<>();
    // one writer for every journal of the process, so a journal opened after another one was closed (a restart
    // in tests, a second identity store) reads after the last write of the first
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "directory-journal");
        t.setDaemon(true);
        return t;
    });
    private AutoCloseable claim;

    static {
        // an edit queued just before the window closes is written before the JVM ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                WRITER.submit(() -> { }).get(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                // nothing more can be done while the JVM ends
            }
        }, "directory-journal-flush"));
    }

    /** What {@link #load} found: the changes, whether this instance may write them, and a copy set aside. */
    record Loaded(List<PendingChange> changes, boolean writable, Optional<String> setAside) {
    }

    Journal(StateStore store, Clock clock, String identityStoreId) {
        this.store = store;
        this.clock = clock;
        this.identityStoreId = identityStoreId;
    }

    /** Claims and reads what was saved for this identity store. Blocks: call it off the FX thread. */
    synchronized Loaded load() {
        flush();
        if (claim == null) {
            claim = store.claim(name()).orElse(null);
        }
        changes.clear();
        Optional<PendingJournal> saved = store.load(name(), PendingJournal.class);
        if (saved.isPresent() && identityStoreId.equals(saved.get().identityStoreId())) {
            saved.get().changes().forEach(c -> changes.put(c.seq(), c));
        }
        return new Loaded(List.copyOf(changes.values()), claim != null, store.setAside(name()));
    }

    synchronized boolean writable() {
        return claim != null;
    }

    /** Replaces the saved list; written in the background, in order. */
    synchronized void replaceAll(Collection<PendingChange> all) {
        changes.clear();
        all.forEach(c -> changes.put(c.seq(), c));
        save();
    }

    /** Records how far one change got, and returns once that is on disk. */
    void mark(PendingChange change) {
        Future<?> written;
        synchronized (this) {
            changes.put(change.seq(), change);
            written = save();
        }
        try {
            written.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
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

    /** Waits until every write asked for so far is on disk. */
    void flush() {
        try {
            WRITER.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Writes what is left and lets another instance have the journal. */
    @Override
    public void close() {
        flush();
        synchronized (this) {
            if (claim != null) {
                try {
                    claim.close();
                } catch (Exception e) {
                    LOG.warn("could not release the journal of {}", identityStoreId, e);
                }
                claim = null;
            }
        }
    }

    /** Queues the current list for writing; a journal another instance holds is never written. */
    private Future<?> save() {
        if (claim == null) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }
        List<PendingChange> snapshot = new ArrayList<>(changes.values());
        return WRITER.submit(() -> {
            try {
                if (snapshot.isEmpty()) {
                    store.delete(name());
                } else {
                    store.save(name(), new PendingJournal(PendingJournal.VERSION, identityStoreId, snapshot,
                            clock.instant()));
                }
            } catch (RuntimeException e) {
                LOG.error("could not save the pending changes of {}", identityStoreId, e);
                throw e;
            }
        });
    }
}
