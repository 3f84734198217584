package dev.fedpilot.domain;

import java.util.Objects;

/** One grant in IAM Identity Center: a user or group may use a permission set in an account. */
public record AccountAssignment(String accountId, String permissionSetArn, PrincipalType principalType,
                                String principalId) {
    public AccountAssignment {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(permissionSetArn, "permissionSetArn");
        Objects.requireNonNull(principalType, "principalType");
        Objects.requireNonNull(principalId, "principalId");
    }

    /** AWS runs one operation per permission set and account at a time; this is the key it locks on. */
    public String target() {
        return permissionSetArn + "|" + accountId;
    }
}
