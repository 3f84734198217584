package dev.fedpilot.aws.signin;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.auth.SsoCredentialsProvider;
import software.amazon.awssdk.services.sso.model.GetRoleCredentialsRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.util.Objects;

/**
 * Credentials of one account and permission set role from IAM Identity Center (sso GetRoleCredentials). The
 * SDK's {@link SsoCredentialsProvider} renews them before they expire; each renewal asks {@link SsoTokens} for
 * the access token again, so a refreshed sign-in is picked up (the SDK's own profile provider keeps the first).
 */
public final class SsoRoleCredentialsProvider implements AwsCredentialsProvider, SdkAutoCloseable {

    private final String accountId;
    private final String roleName;
    private final SsoClient portal;
    private final SsoCredentialsProvider delegate;

    SsoRoleCredentialsProvider(String accountId, String roleName, SsoClient portal, SsoTokens tokens,
                               SsoSessionConfig session) {
        this.accountId = Objects.requireNonNull(accountId);
        this.roleName = Objects.requireNonNull(roleName);
        this.portal = portal;
        SsoCredentialsProvider.Builder builder = SsoCredentialsProvider.builder();
        this.delegate = builder
                .ssoClient(portal)
                .refreshRequest(() -> GetRoleCredentialsRequest.builder()
                        .accountId(accountId)
                        .roleName(roleName)
                        .accessToken(tokens.accessToken(session).revealAsString())
                        .build())
                .build();
    }

    public String accountId() {
        return accountId;
    }

    public String roleName() {
        return roleName;
    }

    @Override
    public AwsCredentials resolveCredentials() {
        return delegate.resolveCredentials();
    }

    @Override
    public void close() {
        delegate.close();
        portal.close();
    }

    @Override
    public String toString() {
        return "SsoRoleCredentialsProvider[account=" + accountId + ", role=" + roleName + "]";
    }
}
