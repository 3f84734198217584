package dev.fedpilot.domain;

/** What provisioning did with one user or group, from a cycle or from provision on demand. */
public record ProvisioningOutcome(String subjectId, PrincipalType subjectType, String subjectName, Result result,
                                  String message) {

    public enum Result { SUCCESS, SKIPPED, FAILURE }
}
