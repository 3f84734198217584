package dev.fedpilot.store;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.port.AuditLog;

import java.util.ArrayList;
import java.util.List;

/** An audit log that lives as long as the sandbox world it describes. */
public final class MemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }
}
