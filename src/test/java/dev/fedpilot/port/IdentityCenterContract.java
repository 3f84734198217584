package dev.fedpilot.port;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link IdentityCenter} must do, whatever is behind it (moto, the sandbox, real AWS).
 * Subclasses provide an empty identity store per test and seed it through their own back door.
 */
public abstract class IdentityCenterContract {

    /** The implementation under test. */
    protected abstract IdentityCenter subject();

    /** The instance whose identity store the seeds go into; empty at the start of each test. */
    protected abstract IdcInstance instance();

    /** Creates a user with display name "given family" and userName as its email; returns it as listed. */
    protected abstract DirectoryUser seedUser(String userName, String givenName, String familyName);

    /** Creates a group with that display name; returns it as listed. */
    protected abstract DirectoryGroup seedGroup(String displayName);

    @Test
    void instancesIncludeTheSeededInstance() {
        assertTrue(subject().instances().stream()
                .anyMatch(i -> i.identityStoreId().equals(instance().identityStoreId())));
    }

    @Test
    void callerIdentityIsKnown() {
        String caller = subject().callerIdentity();
        assertNotNull(caller);
        assertFalse(caller.isBlank());
    }

    @Test
    void listsUsersWithTheirNames() {
        Set<String> before = userNames(allUsers());
        DirectoryUser ana = seedUser("ana.lima@example.com", "Ana", "Lima");
        seedUser("bo.chen@example.com", "Bo", "Chen");

        List<DirectoryUser> users = allUsers();

        Set<String> added = new java.util.HashSet<>(userNames(users));
        added.removeAll(before);
        assertEquals(Set.of("ana.lima@example.com", "bo.chen@example.com"), added);
        DirectoryUser listedAna = users.stream().filter(u -> u.id().equals(ana.id())).findFirst().orElseThrow();
        assertEquals("Ana", listedAna.givenName());
        assertEquals("Lima", listedAna.familyName());
        assertEquals("Ana Lima", listedAna.displayName());
        assertTrue(listedAna.hasRequiredNames());
    }

    @Test
    void pagesUsersInPagesOfAtMostOneHundred() {
        int before = allUsers().size();
        IntStream.rangeClosed(1, 130).forEach(i -> seedUser("user" + i + "@example.com", "Given" + i, "Family" + i));
        List<Integer> pageSizes = new ArrayList<>();
        List<DirectoryUser> users = new ArrayList<>();

        subject().listUsers(instance(), page -> {
            pageSizes.add(page.size());
            users.addAll(page);
        });

        assertTrue(pageSizes.size() >= 2, "expected several pages, got " + pageSizes);
        assertTrue(pageSizes.stream().allMatch(size -> size >= 1 && size <= 100), "page sizes " + pageSizes);
        assertEquals(before + 130, users.size());
        assertEquals(before + 130, userNames(users).size(), "every user exactly once");
    }

    @Test
    void listsGroups() {
        List<DirectoryGroup> existing = new ArrayList<>();
        subject().listGroups(instance(), existing::addAll);
        DirectoryGroup admins = seedGroup("AWS-Admins");
        seedGroup("AWS-ReadOnly");
        List<DirectoryGroup> groups = new ArrayList<>();

        subject().listGroups(instance(), groups::addAll);

        Set<String> added = groups.stream().map(DirectoryGroup::displayName).collect(java.util.stream.Collectors.toSet());
        existing.forEach(g -> added.remove(g.displayName()));
        assertEquals(Set.of("AWS-Admins", "AWS-ReadOnly"), added);
        assertTrue(groups.stream().anyMatch(g -> g.id().equals(admins.id())));
    }

    @Test
    void findsUsersAndGroupsByName() {
        DirectoryUser ana = seedUser("ana.lima@example.com", "Ana", "Lima");
        DirectoryGroup admins = seedGroup("AWS-Admins");

        Optional<DirectoryUser> user = subject().findUserByName(instance(), "ana.lima@example.com");
        Optional<DirectoryGroup> group = subject().findGroupByName(instance(), "AWS-Admins");

        assertEquals(ana.id(), user.orElseThrow().id());
        assertEquals("Ana Lima", user.get().displayName());
        assertEquals(admins.id(), group.orElseThrow().id());
        assertTrue(subject().findUserByName(instance(), "nobody@example.com").isEmpty());
        assertTrue(subject().findGroupByName(instance(), "No Such Group").isEmpty());
    }

    @Test
    void addingAndRemovingMembersIsIdempotent() {
        DirectoryUser ana = seedUser("ana.lima@example.com", "Ana", "Lima");
        DirectoryGroup admins = seedGroup("AWS-Admins");

        assertEquals(MembershipResult.ADDED, subject().addMember(instance(), admins.id(), ana.id()));
        assertEquals(MembershipResult.ALREADY_MEMBER, subject().addMember(instance(), admins.id(), ana.id()));
        assertEquals(List.of(ana.id()), membersOf(admins), "one membership, not two");

        assertEquals(MembershipResult.REMOVED, subject().removeMember(instance(), admins.id(), ana.id()));
        assertEquals(MembershipResult.ALREADY_ABSENT, subject().removeMember(instance(), admins.id(), ana.id()));
        assertEquals(List.of(), membersOf(admins));
    }

    @Test
    void membershipsAreListedFromBothSides() {
        DirectoryUser ana = seedUser("ana.lima@example.com", "Ana", "Lima");
        DirectoryUser bo = seedUser("bo.chen@example.com", "Bo", "Chen");
        DirectoryGroup admins = seedGroup("AWS-Admins");
        DirectoryGroup readers = seedGroup("AWS-ReadOnly");
        subject().addMember(instance(), admins.id(), ana.id());
        subject().addMember(instance(), readers.id(), ana.id());
        subject().addMember(instance(), readers.id(), bo.id());

        assertEquals(Set.of(ana.id(), bo.id()), new HashSet<>(membersOf(readers)));
        List<Membership> anasGroups = new ArrayList<>();
        subject().listGroupsOfUser(instance(), ana.id(), anasGroups::addAll);
        assertEquals(Set.of(admins.id(), readers.id()),
                anasGroups.stream().map(Membership::groupId).collect(java.util.stream.Collectors.toSet()));
        assertTrue(anasGroups.stream().allMatch(m -> ana.id().equals(m.userId()) && m.membershipId() != null));
    }

    protected List<DirectoryUser> allUsers() {
        List<DirectoryUser> users = new ArrayList<>();
        subject().listUsers(instance(), users::addAll);
        return users;
    }

    protected List<String> membersOf(DirectoryGroup group) {
        List<Membership> memberships = new ArrayList<>();
        subject().listMembersOfGroup(instance(), group.id(), memberships::addAll);
        return memberships.stream().map(Membership::userId).toList();
    }

    private static Set<String> userNames(List<DirectoryUser> users) {
        Set<String> names = new HashSet<>();
        users.forEach(u -> names.add(u.userName()));
        return names;
    }
}
