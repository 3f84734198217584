package dev.fedpilot.domain;

import java.time.Instant;
import java.util.List;

/**
 * The directory's pending changes as saved after every edit and after every change an apply completes, so a
 * crash or restart loses nothing and a resumed apply skips what is done.
 *
 * @param identityStoreId the identity store these changes are for
 */
public record PendingJournal(int version, String identityStoreId, List<PendingChange> changes, Instant updated) {
    public static final int VERSION = 1;
    private static final String STORE_PREFIX = "directory-pending-";

    /** One journal per identity store, so changes meant for one are never applied to another. */
    public static String storeName(String identityStoreId) {
        return STORE_PREFIX + identityStoreId.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]", "_");
    }

    public PendingJournal {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
