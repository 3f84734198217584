package dev.fedpilot.port;

import dev.fedpilot.domain.AuditEntry;

import java.util.List;

/** The local, append-only record of what FedPilot changed in either cloud. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** All entries, oldest first. */
    List<AuditEntry> entries();
}
