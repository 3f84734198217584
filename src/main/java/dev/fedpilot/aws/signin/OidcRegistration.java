package dev.fedpilot.aws.signin;

import dev.fedpilot.domain.Secret;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientRequest;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/** FedPilot's public OIDC client registration for one sign-in (RegisterClient), and the token it yields. */
record OidcRegistration(String clientId, Secret clientSecret, Instant expiresAt) {

    static OidcRegistration register(SsoOidcClient oidc, Consumer<RegisterClientRequest.Builder> request) {
        RegisterClientResponse response = SignInErrors.call("registering FedPilot with IAM Identity Center",
                () -> oidc.registerClient(request));
        // Unknown expiry: treat the registration as unusable for later refreshes.
        Instant expires = response.clientSecretExpiresAt() == null ? Instant.EPOCH
                : Instant.ofEpochSecond(response.clientSecretExpiresAt());
        return new OidcRegistration(response.clientId(), Secret.of(response.clientSecret()), expires);
    }

    /** The CLI names its clients botocore-client-SESSION; FedPilot's show up as fedpilot-SESSION. */
    static String clientName(SsoSessionConfig session, Clock clock) {
        return "fedpilot-" + session.name().orElse(String.valueOf(clock.instant().getEpochSecond()));
    }

    SsoToken token(SsoSessionConfig session, CreateTokenResponse response, Clock clock) {
        Instant now = clock.instant();
        int seconds = response.expiresIn() == null ? 0 : response.expiresIn();
        return new SsoToken(session.startUrl(), session.region(), Secret.of(response.accessToken()),
                now.plus(Duration.ofSeconds(seconds)), Optional.of(clientId), Optional.of(clientSecret.copy()),
                Optional.of(expiresAt), Optional.ofNullable(response.refreshToken()).map(Secret::of));
    }

    @Override
    public String toString() {
        return "OidcRegistration[clientId=" + clientId + ", expiresAt=" + expiresAt + "]";
    }
}
