package dev.fedpilot.directory;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.MembershipChange.GroupRef;
import dev.fedpilot.domain.MembershipChange.UserRef;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.text.Messages;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the Entra group and user behind identity store ones: the group by its externalId (the Entra object id
 * SCIM stored) or its displayName, the user by externalId or by userName = userPrincipalName. Caches per apply.
 */
final class EntraIds {
    private static final int SEARCH_LIMIT = 25;
    private final EntraTenant entra;
    private final Throttle throttle;
    private final Messages messages;
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final Map<String, String> users = new ConcurrentHashMap<>();

    EntraIds(EntraTenant entra, Throttle throttle, Messages messages) {
        this.entra = entra;
        this.throttle = throttle;
        this.messages = messages;
    }

    /** The change with both Entra ids filled in; a CloudException NOT_FOUND when either has no match. */
    MembershipChange resolve(MembershipChange change) throws InterruptedException {
        GroupRef g = change.group();
        GroupRef group = new GroupRef(g.awsId(), groupId(g), g.displayName(), g.scimManaged());
        UserRef u = change.user();
        UserRef user = u == null ? null : new UserRef(u.awsId(), userId(u), u.userName(), u.displayName());
        return new MembershipChange(change.action(), change.where(), group, user);
    }

    private String groupId(GroupRef ref) throws InterruptedException {
        String key = ref.entraId() + "|" + ref.displayName();
        String cached = groups.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<DirectoryGroup> found = ref.entraId() == null ? Optional.empty()
                : throttle.call(() -> entra.group(ref.entraId()));
        if (found.isEmpty() && ref.displayName() != null) {
            found = throttle.call(() -> entra.searchGroups(ref.displayName(), SEARCH_LIMIT)).stream()
                    .filter(e -> ref.displayName().equalsIgnoreCase(e.displayName())).findFirst();
        }
        String id = found.map(DirectoryGroup::id).orElseThrow(() -> new CloudException(
                CloudException.Problem.NOT_FOUND, messages.get("directory.fail.noEntraGroup", ref.displayName()),
                messages.get("directory.fail.noEntraGroupFix")));
        groups.put(key, id);
        return id;
    }

    private String userId(UserRef ref) throws InterruptedException {
        String key = ref.entraId() + "|" + ref.userName();
        String cached = users.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<DirectoryUser> found = ref.entraId() == null ? Optional.empty()
                : throttle.call(() -> entra.user(ref.entraId()));
        if (found.isEmpty() && ref.userName() != null) {
            found = throttle.call(() -> entra.searchUsers(ref.userName(), SEARCH_LIMIT)).stream()
                    .filter(e -> ref.userName().equalsIgnoreCase(e.userName())).findFirst();
        }
        String id = found.map(DirectoryUser::id).orElseThrow(() -> new CloudException(
                CloudException.Problem.NOT_FOUND, messages.get("directory.fail.noEntraUser", ref.userName()),
                messages.get("directory.fail.noEntraUserFix")));
        users.put(key, id);
        return id;
    }
}
