package dev.fedpilot.aws.signin;

import dev.fedpilot.domain.Secret;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM Identity Center access token with the client registration that can refresh it, as the AWS CLI caches it.
 * The access token, client secret and refresh token are {@link Secret}s, so {@link #toString()} shows none of them.
 */
public record SsoToken(String startUrl, String region, Secret accessToken, Instant expiresAt,
                       Optional<String> clientId, Optional<Secret> clientSecret,
                       Optional<Instant> registrationExpiresAt, Optional<Secret> refreshToken) {

    /** A token this close to its end is refreshed (or treated as expired) before use. */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(5);

    public SsoToken {
        Objects.requireNonNull(startUrl);
        Objects.requireNonNull(region);
        Objects.requireNonNull(accessToken);
        Objects.requireNonNull(expiresAt);
        Objects.requireNonNull(clientId);
        Objects.requireNonNull(clientSecret);
        Objects.requireNonNull(registrationExpiresAt);
        Objects.requireNonNull(refreshToken);
    }

    /** True when the access token still has more than {@link #REFRESH_WINDOW} to live. */
    public boolean isFresh(Instant now) {
        return expiresAt.isAfter(now.plus(REFRESH_WINDOW));
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** A refresh token and a client registration that has not expired yet. */
    public boolean canRefresh(Instant now) {
        return refreshToken.isPresent() && clientId.isPresent() && clientSecret.isPresent()
                && registrationExpiresAt.map(now::isBefore).orElse(false);
    }

    public SsoTokenStatus status(Instant now) {
        if (isFresh(now)) {
            return SsoTokenStatus.VALID;
        }
        if (canRefresh(now)) {
            return SsoTokenStatus.REFRESHABLE;
        }
        return isExpired(now) ? SsoTokenStatus.EXPIRED : SsoTokenStatus.VALID;
    }
}
