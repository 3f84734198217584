package dev.fedpilot.aws.signin;

import java.util.Objects;

/** An AWS account the signed-in IAM Identity Center user may open (sso ListAccounts). */
public record SsoAccount(String accountId, String accountName, String emailAddress) {

    public SsoAccount {
        Objects.requireNonNull(accountId);
        accountName = accountName == null ? "" : accountName;
        emailAddress = emailAddress == null ? "" : emailAddress;
    }
}
