package dev.fedpilot.aws.signin;

/** What the shared token cache holds for an IAM Identity Center session. */
public enum SsoTokenStatus {
    /** Not an IAM Identity Center profile. */
    NOT_APPLICABLE,
    /** No cached token: sign in first. */
    MISSING,
    /** A token that still works. */
    VALID,
    /** Expired or about to, but FedPilot can refresh it without the browser. */
    REFRESHABLE,
    /** Expired and not refreshable: sign in again. */
    EXPIRED;

    public boolean isUsable() {
        return this == VALID || this == REFRESHABLE;
    }
}
