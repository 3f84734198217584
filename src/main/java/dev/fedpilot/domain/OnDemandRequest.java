package dev.fedpilot.domain;

import java.util.List;

/**
 * One provision-on-demand request: a user, or a group with at most {@link #MAX_GROUP_MEMBERS} of its members.
 *
 * @param memberIds for a group, the members to provision with it; empty for a user
 */
public record OnDemandRequest(String subjectId, PrincipalType subjectType, List<String> memberIds) {
    public static final int MAX_GROUP_MEMBERS = 5;
    /** Entra accepts at most this many requests in {@link #WINDOW_SECONDS}. */
    public static final int MAX_REQUESTS_PER_WINDOW = 5;
    public static final int WINDOW_SECONDS = 10;

    public OnDemandRequest {
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        if (subjectType == PrincipalType.USER && !memberIds.isEmpty()) {
            throw new IllegalArgumentException("a user request has no members");
        }
        if (memberIds.size() > MAX_GROUP_MEMBERS) {
            throw new IllegalArgumentException("at most " + MAX_GROUP_MEMBERS + " members per request, got "
                    + memberIds.size());
        }
    }

    public static OnDemandRequest user(String userId) {
        return new OnDemandRequest(userId, PrincipalType.USER, List.of());
    }

    public static OnDemandRequest group(String groupId, List<String> memberIds) {
        return new OnDemandRequest(groupId, PrincipalType.GROUP, memberIds);
    }
}
