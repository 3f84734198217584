package dev.fedpilot.entra;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.entra.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users, groups and members over several @odata.nextLink pages; advanced queries. */
class GraphEntraTenantDirectoryTest {
    private GraphFake fake;
    private GraphEntraTenant tenant;

    @BeforeEach
    void start() {
        fake = GraphFake.start().pageSize(2);
        tenant = FakeTenants.connect(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void usersArriveAsPagesUntilTheLastNextLink() {
        List<String> ids = seedUsers("Engineer", 5);
        List<List<DirectoryUser>> pages = new ArrayList<>();

        tenant.listUsers(pages::add);

        assertEquals(List.of(2, 2, 1), pages.stream().map(List::size).toList());
        assertEquals(ids, pages.stream().flatMap(List::stream).map(DirectoryUser::id).toList());
        DirectoryUser first = pages.get(0).get(0);
        assertEquals("engineer0@contoso.example", first.userName());
        assertEquals("Engineer 0", first.displayName());
        assertEquals("Given0", first.givenName());
        assertEquals("Family0", first.familyName());
        assertEquals(List.of("engineer0@contoso.example"), first.emails());
        assertTrue(first.hasRequiredNames());

        List<RecordedRequest> requests = fake.requests("GET", "/users");
        assertEquals(3, requests.size());
        assertEquals("999", requests.get(0).param("$top"));
        assertEquals(Set.of(GraphMapping.USER_FIELDS), Set.of(requests.get(0).param("$select").split(",")));
        assertNull(requests.get(0).param("$skiptoken"));
        assertTrue(requests.get(1).param("$skiptoken") != null && requests.get(2).param("$skiptoken") != null);
    }

    @Test
    void groupMembersAreAddedAndRemovedAndRepeatsAreNotErrors() {
        String team = fake.seedGroup("Team", "Team");
        String user = seedUsers("Member", 1).get(0);
        tenant.addGroupMember(team, user);
        tenant.addGroupMember(team, user);
        List<GroupMember> members = new ArrayList<>();
        tenant.listGroupMembers(team, members::addAll);
        assertEquals(List.of(user), members.stream().map(GroupMember::id).toList());
        assertEquals(2, fake.requests("POST", "/groups/" + team + "/members/\\$ref").size());
        tenant.removeGroupMember(team, user);
        tenant.removeGroupMember(team, user);
        members.clear();
        tenant.listGroupMembers(team, members::addAll);
        assertEquals(List.of(), members);
    }

    @Test
    void groupsAndMembersArriveAsPages() {
        List<String> groupIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            groupIds.add(fake.seedGroup("Team " + i, "Team number " + i));
        }
        List<String> userIds = seedUsers("Member", 3);
        String team = groupIds.get(0);
        userIds.forEach(u -> fake.addMember(team, u));
        fake.addMember(team, groupIds.get(1));

        List<List<DirectoryGroup>> groupPages = new ArrayList<>();
        tenant.listGroups(groupPages::add);
        assertEquals(List.of(2, 1), groupPages.stream().map(List::size).toList());
        assertEquals(new DirectoryGroup(team, "Team 0", "Team number 0", null), groupPages.get(0).get(0));

        List<List<GroupMember>> memberPages = new ArrayList<>();
        tenant.listGroupMembers(team, memberPages::add);
        assertEquals(List.of(2, 2), memberPages.stream().map(List::size).toList());
        List<GroupMember> members = memberPages.stream().flatMap(List::stream).toList();
        assertEquals(new GroupMember(userIds.get(0), PrincipalType.USER, "Member 0"), members.get(0));
        assertEquals(new GroupMember(groupIds.get(1), PrincipalType.GROUP, "Team 1"), members.get(3));
        assertEquals(2, fake.requests("GET", "/groups/" + team + "/members").size());
    }

    @Test
    void searchSendsConsistencyLevelAndCountOnEveryPage() {
        seedUsers("Analyst", 5);
        seedUsers("Designer", 2);

        List<DirectoryUser> found = tenant.searchUsers("analyst", 50);

        assertEquals(5, found.size());
        assertTrue(found.stream().allMatch(u -> u.displayName().startsWith("Analyst")));
        List<RecordedRequest> pages = fake.requests("GET", "/users");
        assertEquals(3, pages.size(), "five matches in pages of two");
        for (RecordedRequest page : pages) {
            assertEquals("eventual", page.header("ConsistencyLevel"), "page " + pages.indexOf(page));
            assertEquals("true", page.param("$count"), "page " + pages.indexOf(page));
            assertTrue(page.param("$search").contains("\"displayName:analyst\""), page.param("$search"));
        }
    }

    @Test
    void searchKeepsCountOnLaterPagesEvenWhenTheNextLinkDropsIt() {
        fake.dropCountFromNextLinks(true);
        seedUsers("Analyst", 5);

        assertEquals(5, tenant.searchUsers("analyst", 50).size());

        List<RecordedRequest> pages = fake.requests("GET", "/users");
        assertEquals(3, pages.size());
        assertTrue(pages.stream().allMatch(p -> "true".equals(p.param("$count"))
                && "eventual".equals(p.header("ConsistencyLevel"))));
    }

    @Test
    void searchStopsFetchingOnceTheLimitIsReached() {
        seedUsers("Analyst", 5);
        String team = fake.seedGroup("Analysts", "All analysts");
        fake.seedGroup("Designers", "All designers");

        assertEquals(3, tenant.searchUsers("Analyst", 3).size());
        assertEquals(2, fake.requests("GET", "/users").size());
        assertEquals(List.of(new DirectoryGroup(team, "Analysts", "All analysts", null)),
                tenant.searchGroups("analyst", 10));
        assertEquals("eventual", fake.requests("GET", "/groups").get(0).header("ConsistencyLevel"));
        assertEquals(List.of(), tenant.searchUsers("  ", 10), "blank text searches nothing");
    }

    @Test
    void singleObjectsAreReadAndMissingOnesAreEmpty() {
        String id = seedUsers("Solo", 1).get(0);
        String group = fake.seedGroup("Solo group", null);

        assertEquals("Solo 0", tenant.user(id).orElseThrow().displayName());
        assertEquals("Solo group", tenant.group(group).orElseThrow().displayName());
        assertEquals(Optional.empty(), tenant.user(UUID.randomUUID().toString()));
        assertEquals(Optional.empty(), tenant.group(UUID.randomUUID().toString()));
    }

    @Test
    void interruptingTheCallerStopsBeforeTheNextPage() {
        seedUsers("Many", 6);
        List<List<DirectoryUser>> pages = new ArrayList<>();
        try {
            assertThrows(CancellationException.class, () -> tenant.listUsers(page -> {
                pages.add(page);
                Thread.currentThread().interrupt();
            }));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
        }
        assertEquals(1, pages.size());
        assertEquals(1, fake.requests("GET", "/users").size());
        assertFalse(Thread.currentThread().isInterrupted());
    }

    private List<String> seedUsers(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String upn = prefix.toLowerCase() + i + "@contoso.example";
            ids.add(fake.seedUser(upn, prefix + " " + i, "Given" + i, "Family" + i, upn));
        }
        return ids;
    }
}
