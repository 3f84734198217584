package dev.fedpilot.setup;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.RateWindow;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class OnDemandPlanTest {

    @Test
    void groupsGoInChunksOfFiveUsersAndNestedGroupsAreLeftOut() {
        List<GroupMember> members = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> members.add(new GroupMember("u" + i, PrincipalType.USER, "U" + i)));
        members.add(new GroupMember("g-nested", PrincipalType.GROUP, "nested"));
        var plan = dev.fedpilot.provisioning.OnDemandProvisioner.plan(List.of(
                new AppAssignment("a1", "g1", PrincipalType.GROUP, "Group"),
                new AppAssignment("a2", "u99", PrincipalType.USER, "Solo")), id -> members);
        assertEquals(List.of(5, 5, 2, 0), plan.stream().map(r -> r.memberIds().size()).toList());
        assertEquals(OnDemandRequest.user("u99"), plan.get(3));
        assertEquals(List.of("u10", "u11"), plan.get(2).memberIds());
    }

    @Test
    void theRateWindowAllowsFiveRequestsPerTenSeconds() {
        RateWindow window = new RateWindow(5, Duration.ofSeconds(10));
        Instant t = Instant.parse("2027-01-01T00:00:00Z");
        for (int i = 0; i < 5; i++) {
            assertEquals(Duration.ZERO, window.waitBefore(t.plusSeconds(i)));
            window.record(t.plusSeconds(i));
        }
        assertEquals(Duration.ofSeconds(6), window.waitBefore(t.plusSeconds(4)));
        assertEquals(Duration.ZERO, window.waitBefore(t.plusSeconds(10)));
    }
}
