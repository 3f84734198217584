package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.PrincipalType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** The users and groups of the sandbox Entra tenant. Not thread-safe: the world's lock guards it. */
final class EntraDirectory {
    private final Map<String, DirectoryUser> users = new LinkedHashMap<>();
    private final Map<String, DirectoryGroup> groups = new LinkedHashMap<>();
    private final Map<String, List<GroupMember>> members = new LinkedHashMap<>();
    private List<DirectoryUser> userOrder = List.of();
    private List<DirectoryGroup> groupOrder = List.of();
    // what changed since the seed, for the saved world; null while seeding
    private java.util.Set<String> editedUsers;
    private java.util.Set<String> changedGroups;

    void addUser(DirectoryUser user) {
        users.put(user.id(), user);
        userOrder = null;
    }

    /** An edit in the Entra portal (e.g. giving a user a first name), for demos and tests. */
    void replaceUser(DirectoryUser user) {
        if (!users.containsKey(user.id())) {
            throw CloudException.notFound("No user with id " + user.id() + " in the Entra tenant.");
        }
        users.put(user.id(), user);
        userOrder = null;
        if (editedUsers != null) {
            editedUsers.add(user.id());
        }
    }

    void addGroup(DirectoryGroup group) {
        groups.put(group.id(), group);
        members.put(group.id(), new ArrayList<>());
        groupOrder = null;
    }

    void addMember(String groupId, String memberId) {
        GroupMember member = users.containsKey(memberId)
                ? new GroupMember(memberId, PrincipalType.USER, users.get(memberId).displayName())
                : new GroupMember(memberId, PrincipalType.GROUP, groups.get(memberId).displayName());
        List<GroupMember> list = members.get(groupId);
        if (list.stream().noneMatch(m -> m.id().equals(memberId))) {
            list.add(member);
            if (changedGroups != null) {
                changedGroups.add(groupId);
            }
        }
    }

    /** Removes a direct member; false when it was not one. */
    boolean removeMember(String groupId, String memberId) {
        List<GroupMember> list = members.get(groupId);
        boolean removed = list != null && list.removeIf(m -> m.id().equals(memberId));
        if (removed && changedGroups != null) {
            changedGroups.add(groupId);
        }
        return removed;
    }

    // --- changes since the seed -------------------------------------------------------------------------------

    /** Ends seeding: from now on edits are recorded for the saved world. */
    EntraDirectory markSeeded() {
        editedUsers = new java.util.LinkedHashSet<>();
        changedGroups = new java.util.LinkedHashSet<>();
        return this;
    }

    /** The users edited since the seed, and the member ids of every group whose members changed. */
    WorldSnapshot.EntraChanges changes() {
        Map<String, List<String>> groupMembers = new LinkedHashMap<>();
        for (String groupId : changedGroups) {
            groupMembers.put(groupId, members.get(groupId).stream().map(GroupMember::id).toList());
        }
        return new WorldSnapshot.EntraChanges(editedUsers.stream().map(users::get).toList(), groupMembers);
    }

    void apply(WorldSnapshot.EntraChanges changes) {
        for (DirectoryUser user : changes.editedUsers()) {
            if (users.containsKey(user.id())) {
                replaceUser(user);
            }
        }
        changes.groupMembers().forEach((groupId, memberIds) -> {
            List<GroupMember> list = members.get(groupId);
            if (list == null) {
                return;
            }
            list.clear();
            memberIds.stream().filter(id -> users.containsKey(id) || groups.containsKey(id))
                    .forEach(id -> addMember(groupId, id));
            changedGroups.add(groupId);
        });
    }

    Optional<DirectoryUser> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    Optional<DirectoryGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    DirectoryUser requireUser(String id) {
        return user(id).orElseThrow(() -> CloudException.notFound("No user with id " + id + " in the Entra tenant."));
    }

    DirectoryGroup requireGroup(String id) {
        return group(id).orElseThrow(() -> CloudException.notFound("No group with id " + id + " in the Entra tenant."));
    }

    List<DirectoryUser> users(int offset, int size) {
        if (userOrder == null) {
            userOrder = List.copyOf(users.values());
        }
        return slice(userOrder, offset, size);
    }

    List<DirectoryGroup> groups(int offset, int size) {
        if (groupOrder == null) {
            groupOrder = List.copyOf(groups.values());
        }
        return slice(groupOrder, offset, size);
    }

    int userCount() {
        return users.size();
    }

    /** Direct members of a group: users and nested groups. */
    List<GroupMember> members(String groupId) {
        requireGroup(groupId);
        return List.copyOf(members.get(groupId));
    }

    List<GroupMember> members(String groupId, int offset, int size) {
        requireGroup(groupId);
        return slice(members.get(groupId), offset, size);
    }

    /** Groups that hold {@code groupId} as a direct member. */
    List<DirectoryGroup> parentsOf(String groupId) {
        return members.entrySet().stream()
                .filter(e -> e.getValue().stream().anyMatch(m -> m.id().equals(groupId)))
                .map(e -> groups.get(e.getKey())).toList();
    }

    List<DirectoryUser> searchUsers(String text, int limit) {
        String needle = needle(text);
        return search(users.values().stream(), u -> Stream.concat(
                        Stream.of(u.displayName(), u.userName(), u.givenName(), u.familyName()), u.emails().stream()),
                needle, Comparator.comparing(u -> String.valueOf(u.displayName()), String.CASE_INSENSITIVE_ORDER), limit);
    }

    List<DirectoryGroup> searchGroups(String text, int limit) {
        String needle = needle(text);
        return search(groups.values().stream(), g -> Stream.of(g.displayName(), g.description()), needle,
                Comparator.comparing(DirectoryGroup::displayName, String.CASE_INSENSITIVE_ORDER), limit);
    }

    private static <T> List<T> search(Stream<T> all, java.util.function.Function<T, Stream<String>> fields,
                                      String needle, Comparator<T> order, int limit) {
        Predicate<T> hit = t -> fields.apply(t).anyMatch(f -> f != null && f.toLowerCase(Locale.ROOT).contains(needle));
        return all.filter(hit).sorted(order).limit(Math.max(0, limit)).toList();
    }

    private static String needle(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }

    static <T> List<T> slice(List<T> list, int offset, int size) {
        int from = Math.min(offset, list.size());
        int to = Math.min(list.size(), from + size);
        return List.copyOf(list.subList(from, to));
    }
}
