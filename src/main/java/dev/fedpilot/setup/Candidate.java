package dev.fedpilot.setup;

import dev.fedpilot.domain.PrincipalType;

/** A user or group found in the Entra picker. */
public record Candidate(String id, PrincipalType type, String displayName, String detail) {

    @Override
    public String toString() {
        return (type == PrincipalType.GROUP ? "[group] " : "") + displayName + (detail == null || detail.isBlank() ? "" : "  " + detail);
    }
}
