package dev.fedpilot.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The granted-access map at one moment, as saved for audits: every account assignment with readable names, and a
 * fingerprint of every permission set's policies. Assignments rather than expanded users keep a large organization's
 * snapshot to a few megabytes; memberships are the directory's own record.
 */
public record AccessSnapshot(int schemaVersion, Instant taken, String identityStoreId, List<Grant> grants,
                             List<PermissionSetState> permissionSets) {

    public static final int SCHEMA_VERSION = 1;

    /** One assignment, with names so the file reads without a lookup. */
    public record Grant(String accountId, String accountName, String permissionSetArn, String permissionSetName,
                        String principalType, String principalId, String principalName) {
        String key() {
            return accountId + "|" + permissionSetArn + "|" + principalType + "|" + principalId;
        }

        @Override
        public String toString() {
            return principalType.toLowerCase(java.util.Locale.ROOT) + " " + principalName + " → " + permissionSetName
                    + " in " + accountName + " (" + accountId + ")";
        }
    }

    public record PermissionSetState(String arn, String name, String fingerprint) {
    }

    public AccessSnapshot {
        grants = grants == null ? List.of() : List.copyOf(grants);
        permissionSets = permissionSets == null ? List.of() : List.copyOf(permissionSets);
    }

    public static AccessSnapshot of(AccessMap map, String identityStoreId, Instant taken) {
        List<Grant> grants = map.assignments().stream()
                .map(a -> new Grant(a.accountId(), map.accountName(a.accountId()), a.permissionSetArn(),
                        map.permissionSetName(a.permissionSetArn()), a.principalType().name(), a.principalId(),
                        map.principalName(a)))
                .sorted(Comparator.comparing(Grant::key)).toList();
        List<PermissionSetState> sets = map.permissionSets().stream()
                .map(p -> new PermissionSetState(p.arn(), p.name(), p.fingerprint()))
                .sorted(Comparator.comparing(PermissionSetState::arn)).toList();
        return new AccessSnapshot(SCHEMA_VERSION, taken, identityStoreId, grants, sets);
    }
}
