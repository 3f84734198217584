package dev.fedpilot.domain;

/** A direct member of an Entra group: a user, or a nested group (which provisioning skips). */
public record GroupMember(String id, PrincipalType type, String displayName) {
}
