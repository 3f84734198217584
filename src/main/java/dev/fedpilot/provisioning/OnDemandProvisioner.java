package dev.fedpilot.provisioning;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.RateWindow;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Provisioning on demand, the one implementation the setup's step 8 and the Directory's changes at the source
 * share: requests of at most five group members, paced inside Entra's documented window (five requests per ten
 * seconds). A throttled request is retried by the adapter, never here. One instance per app keeps one window.
 */
public final class OnDemandProvisioner {
    private final EntraTenant entra;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RateWindow window = new RateWindow(OnDemandRequest.MAX_REQUESTS_PER_WINDOW,
            Duration.ofSeconds(OnDemandRequest.WINDOW_SECONDS));

    public OnDemandProvisioner(EntraTenant entra, Clock clock, Sleeper sleeper) {
        this.entra = entra;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** One request per five of {@code userIds}; a group without users still gets one request (the group itself). */
    public static List<OnDemandRequest> groupRequests(String groupId, List<String> userIds) {
        List<OnDemandRequest> requests = new ArrayList<>();
        if (userIds.isEmpty()) {
            requests.add(OnDemandRequest.group(groupId, List.of()));
        }
        for (int i = 0; i < userIds.size(); i += OnDemandRequest.MAX_GROUP_MEMBERS) {
            requests.add(OnDemandRequest.group(groupId,
                    userIds.subList(i, Math.min(userIds.size(), i + OnDemandRequest.MAX_GROUP_MEMBERS))));
        }
        return requests;
    }

    /** The requests for the assigned users and groups (direct user members only: nested groups are not sent). */
    public static List<OnDemandRequest> plan(List<AppAssignment> assignments,
                                             Function<String, List<GroupMember>> members) {
        List<OnDemandRequest> requests = new ArrayList<>();
        for (AppAssignment a : assignments) {
            if (a.principalType() == PrincipalType.USER) {
                requests.add(OnDemandRequest.user(a.principalId()));
            } else {
                requests.addAll(groupRequests(a.principalId(), directUsers(members.apply(a.principalId()))));
            }
        }
        return requests;
    }

    /** The plan for these assignments, reading each group's members from Entra. */
    public List<OnDemandRequest> plan(List<AppAssignment> assignments) {
        return plan(assignments, this::members);
    }

    /** The requests for a whole group: its direct user members from Entra, five at a time. */
    public List<OnDemandRequest> wholeGroup(String groupId) {
        return groupRequests(groupId, directUsers(members(groupId)));
    }

    /**
     * Sends one request once Entra's window allows it; {@code waiting} hears how long it waits first (for
     * progress), and nothing when it need not wait.
     */
    public List<ProvisioningOutcome> provision(EnterpriseApp app, String jobId, OnDemandRequest request,
                                               Consumer<Duration> waiting) throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (window) {
                wait = window.waitBefore(clock.instant());
                if (wait.isZero()) {
                    window.record(clock.instant());
                    break;
                }
            }
            waiting.accept(wait);
            sleeper.sleep(wait);
        }
        return entra.provisionOnDemand(app, jobId, request);
    }

    private List<GroupMember> members(String groupId) {
        List<GroupMember> all = new ArrayList<>();
        entra.listGroupMembers(groupId, all::addAll);
        return all;
    }

    private static List<String> directUsers(List<GroupMember> members) {
        return members.stream().filter(m -> m.type() == PrincipalType.USER).map(GroupMember::id).toList();
    }
}
