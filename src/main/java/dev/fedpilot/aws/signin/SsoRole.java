package dev.fedpilot.aws.signin;

import java.util.Objects;

/** A permission set role the user may assume in one account (sso ListAccountRoles). */
public record SsoRole(String accountId, String roleName) {

    public SsoRole {
        Objects.requireNonNull(accountId);
        Objects.requireNonNull(roleName);
    }
}
