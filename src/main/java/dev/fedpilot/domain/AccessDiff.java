package dev.fedpilot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What changed between two access snapshots: grants added and removed, permission sets added, removed or changed. */
public record AccessDiff(List<AccessSnapshot.Grant> added, List<AccessSnapshot.Grant> removed,
                         List<PermissionSetChange> permissionSets) {

    public enum ChangeKind { ADDED, REMOVED, CHANGED }

    public record PermissionSetChange(String arn, String name, ChangeKind kind) {
    }

    public AccessDiff {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        permissionSets = List.copyOf(permissionSets);
    }

    public static AccessDiff between(AccessSnapshot older, AccessSnapshot newer) {
        Map<String, AccessSnapshot.Grant> before = new LinkedHashMap<>();
        older.grants().forEach(g -> before.put(g.key(), g));
        Map<String, AccessSnapshot.Grant> after = new LinkedHashMap<>();
        newer.grants().forEach(g -> after.put(g.key(), g));
        List<AccessSnapshot.Grant> added = after.values().stream().filter(g -> !before.containsKey(g.key())).toList();
        List<AccessSnapshot.Grant> removed = before.values().stream().filter(g -> !after.containsKey(g.key())).toList();
        Map<String, AccessSnapshot.PermissionSetState> oldSets = new LinkedHashMap<>();
        older.permissionSets().forEach(p -> oldSets.put(p.arn(), p));
        List<PermissionSetChange> sets = new ArrayList<>();
        for (AccessSnapshot.PermissionSetState now : newer.permissionSets()) {
            AccessSnapshot.PermissionSetState then = oldSets.remove(now.arn());
            if (then == null) {
                sets.add(new PermissionSetChange(now.arn(), now.name(), ChangeKind.ADDED));
            } else if (!then.fingerprint().equals(now.fingerprint())) {
                sets.add(new PermissionSetChange(now.arn(), now.name(), ChangeKind.CHANGED));
            }
        }
        oldSets.values().forEach(p -> sets.add(new PermissionSetChange(p.arn(), p.name(), ChangeKind.REMOVED)));
        return new AccessDiff(added, removed, sets);
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && permissionSets.isEmpty();
    }

    /** E.g. "14 grants added, 3 removed, 2 permission sets changed". */
    public String summary() {
        return count(added.size(), "grant", "grants") + " added, " + removed.size() + " removed, "
                + count(permissionSets.size(), "permission set", "permission sets") + " changed";
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
