package dev.fedpilot.domain;

import java.util.Objects;

/**
 * An asynchronous sso-admin write (CreateAccountAssignment, DeleteAccountAssignment, ProvisionPermissionSet) and
 * where it stands. AWS answers a request id at once; the outcome comes from the matching Describe…Status call.
 *
 * @param failureReason AWS's reason when FAILED; empty otherwise
 */
public record AsyncRequest(Kind kind, String requestId, Status status, String failureReason) {

    public enum Kind { CREATE_ASSIGNMENT, DELETE_ASSIGNMENT, PROVISION }

    public enum Status { IN_PROGRESS, SUCCEEDED, FAILED }

    public AsyncRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(status, "status");
        failureReason = failureReason == null ? "" : failureReason;
    }

    public boolean done() {
        return status != Status.IN_PROGRESS;
    }
}
