package dev.fedpilot.directory;

import dev.fedpilot.domain.PendingJournal;
import dev.fedpilot.store.JsonFileStateStore;

import java.nio.file.Path;

/**
 * A second FedPilot process for {@link JournalOnDiskTest}: claims one identity store's journal in a settings folder
 * (as an open directory does), says "held", and keeps it until its stdin closes. A file lock is per process, so
 * only another JVM can show what a second instance sees.
 */
public final class JournalHolder {
    private JournalHolder() {
    }

    public static void main(String[] args) throws Exception {
        JsonFileStateStore store = new JsonFileStateStore(Path.of(args[0]));
        try (AutoCloseable claim = store.claim(PendingJournal.storeName(args[1])).orElseThrow()) {
            System.out.println("held");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held until the test closes our stdin
            }
        }
    }
}
