package dev.fedpilot.aws.signin;

import java.util.Objects;
import java.util.Optional;

/**
 * One way to get AWS credentials the user already has: a profile of ~/.aws/config or ~/.aws/credentials, or the
 * AWS_* environment variables. Holds no secret: {@code detail} is a short, harmless description for the UI.
 *
 * @param name         the profile name ({@link #ENVIRONMENT} for the environment variables)
 * @param kind         how the credentials are obtained
 * @param region       the profile's region, if set
 * @param detail       e.g. the role ARN, "account 123456789012 · AdministratorAccess", a masked access key id
 * @param sso          the IAM Identity Center session of an SSO profile
 * @param ssoAccountId sso_account_id of an SSO profile
 * @param ssoRoleName  sso_role_name of an SSO profile
 * @param tokenStatus  whether the shared token cache holds a usable token ({@code NOT_APPLICABLE} unless SSO)
 */
public record AwsProfile(String name, Kind kind, Optional<String> region, String detail,
                         Optional<SsoSessionConfig> sso, Optional<String> ssoAccountId, Optional<String> ssoRoleName,
                         SsoTokenStatus tokenStatus) {

    /** The pseudo-profile name for credentials from AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY. */
    public static final String ENVIRONMENT = "(environment)";

    /** How a profile obtains credentials, in the order the AWS SDK checks them. */
    public enum Kind {
        /** aws_access_key_id + aws_secret_access_key (optionally aws_session_token). */
        STATIC_KEYS,
        /** IAM Identity Center: sso_session (or legacy sso_start_url) with sso_account_id + sso_role_name. */
        SSO,
        /** role_arn with source_profile or credential_source. */
        ASSUME_ROLE,
        /** role_arn with web_identity_token_file. */
        WEB_IDENTITY,
        /** credential_process. */
        PROCESS,
        /** The AWS_* environment variables. */
        ENVIRONMENT,
        /** Another source the AWS SDK understands (e.g. login_session). */
        OTHER,
        /** Settings only (region, output), no credentials. */
        NO_CREDENTIALS
    }

    public AwsProfile {
        Objects.requireNonNull(name);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(region);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(sso);
        Objects.requireNonNull(ssoAccountId);
        Objects.requireNonNull(ssoRoleName);
        Objects.requireNonNull(tokenStatus);
    }

    public boolean hasUsableSsoToken() {
        return tokenStatus.isUsable();
    }

    /** Whether FedPilot can build credentials from it without asking anything (an SSO profile may need sign-in). */
    public boolean hasCredentials() {
        return kind != Kind.NO_CREDENTIALS;
    }
}
