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

    /** Registrations this close to expiry are replaced, so that a sign-in never starts with a dying one. */
    static final Duration RENEW_BEFORE = Duration.ofHours(1);

    /**
     * The cached registration for this session and flow while it is valid, else a new one (then cached), as the
     * AWS CLI does: RegisterClient is rate-limited and each call leaves one more client behind in the account.
     *
     * @param flow "authorization_code" or "device_code": the two register different grant types
     */
    static OidcRegistration cachedOrRegister(SsoOidcClient oidc, SsoTokenCache cache, SsoSessionConfig session,
                                             String flow, Clock clock,
                                             Consumer<RegisterClientRequest.Builder> request) {
        String key = "{\"tool\":\"fedpilot\",\"flow\":\"" + flow + "\",\"startUrl\":\"" + session.startUrl()
                + "\",\"region\":\"" + session.region() + "\",\"scopes\":\"" + String.join(",",
                session.effectiveScopes()) + "\",\"session_name\":\"" + session.name().orElse("") + "\"}";
        Optional<OidcRegistration> cached = cache.loadRegistration(key, clock.instant(), RENEW_BEFORE);
        if (cached.isPresent()) {
            return cached.get();
        }
        OidcRegistration fresh = register(oidc, request);
        if (fresh.expiresAt().isAfter(clock.instant().plus(RENEW_BEFORE))) {
            cache.storeRegistration(key, fresh, session.effectiveScopes());
        }
        return fresh;
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
