package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The AWS identity store of the sandbox instance. Users and groups live in insertion order (the paging order);
 * memberships are sorted int sets both ways, so the LARGE preset stays compact. Not thread-safe: the world's
 * lock guards it.
 */
final class IdentityStore {
    static final IdcInstance INSTANCE = new IdcInstance("arn:aws:sso:::instance/ssoins-72238e5c1b4d9a07",
            "d-9067a3c1f2", "us-east-1", "contoso-sandbox");
    /** identitystore ids look like {@code 9067a3c1f2-<uuid>}. */
    private static final String ID_PREFIX = "9067a3c1f2-";

    private final Random random;
    private final List<DirectoryUser> users = new ArrayList<>();
    private final Map<String, Integer> userById = new HashMap<>();
    private final Map<String, Integer> userByName = new HashMap<>();
    private final Map<String, Integer> userByExternalId = new HashMap<>();
    private final List<DirectoryGroup> groups = new ArrayList<>();
    private final Map<String, Integer> groupById = new HashMap<>();
    private final Map<String, Integer> groupByName = new HashMap<>();
    private final Map<String, Integer> groupByExternalId = new HashMap<>();
    private final List<SortedIntSet> membersOfGroup = new ArrayList<>();
    private final List<SortedIntSet> groupsOfUser = new ArrayList<>();
    private long membershipCount;
    // what changed since the seed, so a saved world holds only the changes (the LARGE seed is 100,000 users)
    private int seededUsers = -1;
    private int seededGroups = -1;
    private final java.util.Set<Integer> changedSeedUsers = new java.util.TreeSet<>();
    private final java.util.Set<Integer> changedSeedGroups = new java.util.TreeSet<>();
    /** Memberships whose state differs from the seed's, as group index << 32 | user index. */
    private final java.util.Set<Long> flippedMemberships = new java.util.HashSet<>();

    IdentityStore(long seed) {
        this.random = new Random(seed ^ 0x1d5_7043L);
    }

    /** Throws what AWS says for an instance or identity store this account does not have. */
    void requireInstance(IdcInstance instance) {
        if (instance == null || !INSTANCE.identityStoreId().equals(instance.identityStoreId())) {
            throw CloudException.notFound("ResourceNotFoundException: identity store "
                    + (instance == null ? "(none)" : instance.identityStoreId()) + " does not exist in this account.");
        }
    }

    // --- users ------------------------------------------------------------------------------------------------

    DirectoryUser createUser(String userName, String displayName, String givenName, String familyName,
                             List<String> emails, List<String> phones, String externalId) {
        if (userByName.containsKey(key(userName))) {
            throw new CloudException(CloudException.Problem.CONFLICT, "ConflictException: a user named " + userName
                    + " already exists (UNIQUENESS_CONSTRAINT_VIOLATION).", "Use the existing user.");
        }
        DirectoryUser user = new DirectoryUser(ID_PREFIX + Names.guid(random), userName, displayName, givenName,
                familyName, emails, phones, externalId);
        int index = users.size();
        users.add(user);
        groupsOfUser.add(new SortedIntSet());
        index(user, index);
        return user;
    }

    /** Replaces a user's attributes (same id), as a SCIM PUT/PATCH does. */
    DirectoryUser updateUser(DirectoryUser user) {
        int index = userIndex(user.id());
        DirectoryUser old = users.get(index);
        userByName.remove(key(old.userName()));
        if (old.externalId() != null) {
            userByExternalId.remove(old.externalId());
        }
        users.set(index, user);
        index(user, index);
        if (index < seededUsers) {
            changedSeedUsers.add(index);
        }
        return user;
    }

    Optional<DirectoryUser> userByName(String userName) {
        Integer index = userName == null ? null : userByName.get(key(userName));
        return index == null ? Optional.empty() : Optional.of(users.get(index));
    }

    Optional<DirectoryUser> userByExternalId(String externalId) {
        Integer index = userByExternalId.get(externalId);
        return index == null ? Optional.empty() : Optional.of(users.get(index));
    }

    List<DirectoryUser> users(int offset, int size) {
        return EntraDirectory.slice(users, offset, size);
    }

    int userCount() {
        return users.size();
    }

    // --- groups -----------------------------------------------------------------------------------------------

    DirectoryGroup createGroup(String displayName, String description, String externalId) {
        if (groupByName.containsKey(key(displayName))) {
            throw new CloudException(CloudException.Problem.CONFLICT, "ConflictException: a group named "
                    + displayName + " already exists (UNIQUENESS_CONSTRAINT_VIOLATION).", "Use the existing group.");
        }
        DirectoryGroup group = new DirectoryGroup(ID_PREFIX + Names.guid(random), displayName, description,
                externalId);
        int index = groups.size();
        groups.add(group);
        membersOfGroup.add(new SortedIntSet());
        index(group, index);
        return group;
    }

    DirectoryGroup updateGroup(DirectoryGroup group) {
        int index = groupIndex(group.id());
        DirectoryGroup old = groups.get(index);
        groupByName.remove(key(old.displayName()));
        if (old.externalId() != null) {
            groupByExternalId.remove(old.externalId());
        }
        groups.set(index, group);
        index(group, index);
        if (index < seededGroups) {
            changedSeedGroups.add(index);
        }
        return group;
    }

    Optional<DirectoryGroup> groupByName(String displayName) {
        Integer index = displayName == null ? null : groupByName.get(key(displayName));
        return index == null ? Optional.empty() : Optional.of(groups.get(index));
    }

    Optional<DirectoryGroup> groupByExternalId(String externalId) {
        Integer index = groupByExternalId.get(externalId);
        return index == null ? Optional.empty() : Optional.of(groups.get(index));
    }

    List<DirectoryGroup> groups(int offset, int size) {
        return EntraDirectory.slice(groups, offset, size);
    }

    int groupCount() {
        return groups.size();
    }

    // --- memberships ------------------------------------------------------------------------------------------

    MembershipResult addMember(String groupId, String userId) {
        int group = groupIndex(groupId);
        int user = userIndex(userId);
        if (!membersOfGroup.get(group).add(user)) {
            return MembershipResult.ALREADY_MEMBER;
        }
        groupsOfUser.get(user).add(group);
        membershipCount++;
        flip(group, user);
        return MembershipResult.ADDED;
    }

    MembershipResult removeMember(String groupId, String userId) {
        int group = groupIndex(groupId);
        int user = userIndex(userId);
        if (!membersOfGroup.get(group).remove(user)) {
            return MembershipResult.ALREADY_ABSENT;
        }
        groupsOfUser.get(user).remove(group);
        membershipCount--;
        flip(group, user);
        return MembershipResult.REMOVED;
    }

    List<Membership> membersOf(String groupId, int offset, int size) {
        int group = groupIndex(groupId);
        SortedIntSet members = membersOfGroup.get(group);
        List<Membership> page = new ArrayList<>();
        for (int i = offset; i < Math.min(members.size(), offset + size); i++) {
            page.add(membership(group, members.get(i)));
        }
        return page;
    }

    List<Membership> groupsOf(String userId, int offset, int size) {
        int user = userIndex(userId);
        SortedIntSet memberOf = groupsOfUser.get(user);
        List<Membership> page = new ArrayList<>();
        for (int i = offset; i < Math.min(memberOf.size(), offset + size); i++) {
            page.add(membership(memberOf.get(i), user));
        }
        return page;
    }

    /** Every member's user id, for the provisioning cycle's membership sync. */
    List<String> memberIds(String groupId) {
        SortedIntSet members = membersOfGroup.get(groupIndex(groupId));
        List<String> ids = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            ids.add(users.get(members.get(i)).id());
        }
        return ids;
    }

    long membershipCount() {
        return membershipCount;
    }

    /**
     * Loads generated memberships at once; {@code membersPerGroup[g]} holds ascending distinct user indexes
     * of group index g. Only for a store whose groups all came from the same generator.
     */
    void loadMemberships(int[][] membersPerGroup) {
        if (membersPerGroup.length != groups.size() || membershipCount != 0) {
            throw new IllegalStateException("bulk memberships need a fresh store with exactly these groups");
        }
        int[] perUser = new int[users.size()];
        for (int g = 0; g < membersPerGroup.length; g++) {
            membersOfGroup.set(g, SortedIntSet.ofSorted(membersPerGroup[g], membersPerGroup[g].length));
            for (int user : membersPerGroup[g]) {
                perUser[user]++;
            }
            membershipCount += membersPerGroup[g].length;
        }
        int[][] groupsPerUser = new int[users.size()][];
        for (int u = 0; u < perUser.length; u++) {
            groupsPerUser[u] = new int[perUser[u]];
            perUser[u] = 0;
        }
        for (int g = 0; g < membersPerGroup.length; g++) {
            for (int user : membersPerGroup[g]) {
                groupsPerUser[user][perUser[user]++] = g;
            }
        }
        for (int u = 0; u < groupsPerUser.length; u++) {
            groupsOfUser.set(u, SortedIntSet.ofSorted(groupsPerUser[u], groupsPerUser[u].length));
        }
    }

    // --- changes since the seed ---------------------------------------------------------------------------------

    /** Ends seeding: from now on the store records what differs from the seed. */
    void markSeeded() {
        seededUsers = users.size();
        seededGroups = groups.size();
    }

    /** A new sequence for new ids after a restore, so they do not repeat ids the saved world already holds. */
    void reseed(long seed) {
        random.setSeed(seed ^ 0x1d5_7043L);
    }

    private void flip(int group, int user) {
        if (seededUsers >= 0) {
            long key = ((long) group << 32) | user;
            if (!flippedMemberships.remove(key)) {
                flippedMemberships.add(key);
            }
        }
    }

    /** What differs from the seed: created and edited users and groups, and memberships added or removed. */
    WorldSnapshot.StoreChanges changes() {
        List<DirectoryUser> newUsers = new ArrayList<>(users.subList(seededUsers, users.size()));
        List<DirectoryUser> editedUsers = changedSeedUsers.stream().map(users::get).toList();
        List<DirectoryGroup> newGroups = new ArrayList<>(groups.subList(seededGroups, groups.size()));
        List<DirectoryGroup> editedGroups = changedSeedGroups.stream().map(groups::get).toList();
        List<List<String>> added = new ArrayList<>();
        List<List<String>> removed = new ArrayList<>();
        flippedMemberships.stream().sorted().forEach(key -> {
            int group = (int) (key >>> 32);
            int user = (int) (long) key;
            List<String> pair = List.of(groups.get(group).id(), users.get(user).id());
            (membersOfGroup.get(group).contains(user) ? added : removed).add(pair);
        });
        return new WorldSnapshot.StoreChanges(seededUsers, seededGroups, newUsers, editedUsers, newGroups,
                editedGroups, added, removed);
    }

    /** Applies saved changes to a freshly seeded store; false when they were made on another seed. */
    boolean apply(WorldSnapshot.StoreChanges changes) {
        if (changes.seededUsers() != seededUsers || changes.seededGroups() != seededGroups) {
            return false;
        }
        for (DirectoryUser user : changes.newUsers()) {
            restoreUser(user);
        }
        changes.editedUsers().forEach(this::updateUser);
        for (DirectoryGroup group : changes.newGroups()) {
            restoreGroup(group);
        }
        changes.editedGroups().forEach(this::updateGroup);
        changes.addedMemberships().forEach(pair -> addMember(pair.get(0), pair.get(1)));
        changes.removedMemberships().forEach(pair -> removeMember(pair.get(0), pair.get(1)));
        return true;
    }

    private void restoreUser(DirectoryUser user) {
        int index = users.size();
        users.add(user);
        groupsOfUser.add(new SortedIntSet());
        index(user, index);
    }

    private void restoreGroup(DirectoryGroup group) {
        int index = groups.size();
        groups.add(group);
        membersOfGroup.add(new SortedIntSet());
        index(group, index);
    }

    // --- internals --------------------------------------------------------------------------------------------

    /** Membership ids encode the pair, so 500,000 of them need no storage. */
    private Membership membership(int group, int user) {
        String id = ID_PREFIX + hex(group, 8) + "-" + hex(user >>> 16, 4) + "-4" + hex(user >>> 4, 3) + "-8"
                + hex(user, 1) + "00-" + hex(group ^ user, 12);
        return new Membership(id, groups.get(group).id(), users.get(user).id());
    }

    private static String hex(long value, int digits) {
        char[] out = new char[digits];
        for (int i = digits - 1; i >= 0; i--) {
            out[i] = Character.forDigit((int) (value & 0xf), 16);
            value >>>= 4;
        }
        return new String(out);
    }

    private void index(DirectoryUser user, int index) {
        userById.put(user.id(), index);
        userByName.put(key(user.userName()), index);
        if (user.externalId() != null) {
            userByExternalId.put(user.externalId(), index);
        }
    }

    private void index(DirectoryGroup group, int index) {
        groupById.put(group.id(), index);
        groupByName.put(key(group.displayName()), index);
        if (group.externalId() != null) {
            groupByExternalId.put(group.externalId(), index);
        }
    }

    private int userIndex(String id) {
        Integer index = id == null ? null : userById.get(id);
        if (index == null) {
            throw CloudException.notFound("ResourceNotFoundException: no user with UserId " + id
                    + " in identity store " + INSTANCE.identityStoreId() + ".");
        }
        return index;
    }

    private int groupIndex(String id) {
        Integer index = id == null ? null : groupById.get(id);
        if (index == null) {
            throw CloudException.notFound("ResourceNotFoundException: no group with GroupId " + id
                    + " in identity store " + INSTANCE.identityStoreId() + ".");
        }
        return index;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
