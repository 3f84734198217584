package dev.fedpilot.directory;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.ui.DialogService;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;

import java.time.Clock;

/**
 * What the directory browser works with, built once by the composition root.
 *
 * @param store       where the pending-change journal lives and the setup progress is read from
 * @param sleeper     how waits for throttling pass
 * @param concurrency how many membership writes an apply keeps in flight
 */
public record DirectoryContext(IdentityCenter aws, EntraTenant entra, StateStore store, AuditLog audit, Clock clock,
                               TaskRunner tasks, Messages messages, DialogService dialogs, Sleeper sleeper,
                               int concurrency) {
    public static final int DEFAULT_CONCURRENCY = 4;

    public static DirectoryContext of(IdentityCenter aws, EntraTenant entra, StateStore store, AuditLog audit,
                                      Clock clock, TaskRunner tasks, Messages messages, DialogService dialogs) {
        return new DirectoryContext(aws, entra, store, audit, clock, tasks, messages, dialogs, Sleeper.real(),
                DEFAULT_CONCURRENCY);
    }
}
