package dev.fedpilot.access;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.port.IdentityCenter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds users, groups and permission sets by the names administrators type: a user's userName (or display name,
 * when exactly one user has it), a group's displayName, a permission set's name; case-insensitive as AWS matches
 * them. A name that matches nothing, or several, is an {@link IllegalArgumentException} saying so.
 */
public final class PrincipalLookup {
    private final IdentityCenter identity;
    private final AccessCenter access;
    private final AccessCalls calls;

    public PrincipalLookup(IdentityCenter identity, AccessCenter access, AccessCalls calls) {
        this.identity = identity;
        this.access = access;
        this.calls = calls;
    }

    public DirectoryUser user(IdcInstance instance, String name) {
        Optional<DirectoryUser> byUserName = identity.findUserByName(instance, name);
        if (byUserName.isPresent()) {
            return byUserName.get();
        }
        List<DirectoryUser> byDisplayName = new ArrayList<>();
        identity.listUsers(instance, page -> page.stream()
                .filter(u -> u.displayName() != null && u.displayName().equalsIgnoreCase(name.strip()))
                .forEach(byDisplayName::add));
        if (byDisplayName.size() == 1) {
            return byDisplayName.get(0);
        }
        if (byDisplayName.isEmpty()) {
            throw new IllegalArgumentException("No user named '" + name + "' in identity store "
                    + instance.identityStoreId() + " (neither a userName nor a display name).");
        }
        throw new IllegalArgumentException(byDisplayName.size() + " users have the display name '" + name
                + "'; use the userName instead: " + String.join(", ",
                byDisplayName.stream().map(DirectoryUser::userName).sorted().toList()) + ".");
    }

    public DirectoryGroup group(IdcInstance instance, String name) {
        return identity.findGroupByName(instance, name).orElseThrow(() -> new IllegalArgumentException(
                "No group named '" + name + "' in identity store " + instance.identityStoreId() + "."));
    }

    /** Lists and describes permission sets until one has the name; the listing stops at the match. */
    public PermissionSet permissionSet(IdcInstance instance, String name) {
        List<String> arns = new ArrayList<>();
        calls.run(() -> {
            arns.clear();
            access.listPermissionSets(instance, arns::addAll);
        });
        List<String> names = new ArrayList<>();
        for (String arn : arns) {
            PermissionSet set = calls.call(() -> access.describePermissionSet(instance, arn));
            if (set.name().equalsIgnoreCase(name.strip())) {
                return set;
            }
            names.add(set.name());
        }
        names.sort(String.CASE_INSENSITIVE_ORDER);
        String known = names.isEmpty() ? "there are none" : "there are: "
                + String.join(", ", names.subList(0, Math.min(20, names.size()))) + (names.size() > 20 ? ", …" : "");
        throw new IllegalArgumentException("No permission set named '" + name + "'; " + known + ".");
    }
}
