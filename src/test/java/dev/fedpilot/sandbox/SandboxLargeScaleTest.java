package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxLargeScaleTest {
    private static SandboxFixture large;

    @BeforeAll
    static void buildOnce() {
        large = new SandboxFixture(SandboxOptions.defaults().withScale(SandboxScale.LARGE));
    }

    @Test
    void largePresetHasTheBenchmarkDirectory() {
        Set<String> userNames = new HashSet<>();
        AtomicLong scimUsers = new AtomicLong();
        large.idc.listUsers(large.instance, page -> page.forEach(u -> {
            userNames.add(u.userName());
            if (u.externalId() != null) {
                scimUsers.incrementAndGet();
            }
        }));
        assertEquals(100_000, userNames.size(), "100,000 users with distinct userNames");
        assertTrue(scimUsers.get() > 0 && scimUsers.get() < 100_000, "some users are SCIM-managed, some not");

        List<DirectoryGroup> groups = new ArrayList<>();
        large.idc.listGroups(large.instance, groups::addAll);
        assertEquals(20_000, groups.size());
        long memberships = 0;
        int largest = 0;
        for (DirectoryGroup group : groups) {
            int size = large.awsMembers(group.id()).size();
            memberships += size;
            largest = Math.max(largest, size);
        }
        assertEquals(500_000, memberships);
        assertTrue(largest > 100, "a few big groups, as in real directories");

        DirectoryUser someone = large.idc.findUserByName(large.instance, userNames.iterator().next()).orElseThrow();
        List<String> groupIds = new ArrayList<>();
        large.idc.listGroupsOfUser(large.instance, someone.id(), page -> page.forEach(m -> groupIds.add(m.groupId())));
        for (String groupId : groupIds) {
            assertTrue(large.awsMembers(groupId).stream().anyMatch(m -> m.userId().equals(someone.id())),
                    "both directions of a membership agree");
        }
    }

    @Test
    void largePresetIsDeterministic() {
        SandboxOptions options = SandboxOptions.defaults().withScale(SandboxScale.LARGE);
        assertEquals(firstPage(large), firstPage(new SandboxFixture(options)));
    }

    @Test
    void listingsComeInPagesOfAtMostOneHundred() {
        List<Integer> sizes = new ArrayList<>();
        large.idc.listGroups(large.instance, page -> sizes.add(page.size()));
        assertEquals(200, sizes.size());
        assertTrue(sizes.stream().allMatch(s -> s == 100));
    }

    private static List<DirectoryUser> firstPage(SandboxFixture sandbox) {
        List<List<DirectoryUser>> pages = new ArrayList<>();
        sandbox.idc.listUsers(sandbox.instance, pages::add);
        return pages.get(0);
    }
}
