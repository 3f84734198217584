package dev.fedpilot.domain;

/** A user or group assigned to the enterprise app (appRoleAssignedTo): only these are provisioned. */
public record AppAssignment(String id, String principalId, PrincipalType principalType, String principalDisplayName) {
}
