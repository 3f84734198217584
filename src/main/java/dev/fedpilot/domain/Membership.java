package dev.fedpilot.domain;

/** One user's membership in one identity store group. */
public record Membership(String membershipId, String groupId, String userId) {
}
