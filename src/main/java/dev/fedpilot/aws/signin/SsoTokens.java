package dev.fedpilot.aws.signin;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Hands out a working access token for an IAM Identity Center session from the shared cache, refreshing it with
 * its refresh token (CreateToken, grant refresh_token) when it is about to expire, and writing the result back
 * so the AWS CLI sees it too. The cache file is the source of truth: the CLI may refresh it as well.
 */
final class SsoTokens {

    private static final Logger LOG = LoggerFactory.getLogger(SsoTokens.class);

    private final SsoTokenCache cache;
    private final SignInClients clients;
    private final Clock clock;
    /** Per session, the expiry of a token whose refresh AWS refused: not asked again until the cache changes. */
    private final Map<String, Instant> refusedRefresh = new HashMap<>();

    SsoTokens(SsoTokenCache cache, SignInClients clients, Clock clock) {
        this.cache = cache;
        this.clients = clients;
        this.clock = clock;
    }

    SsoTokenStatus status(SsoSessionConfig session) {
        return cache.load(session).map(token -> token.status(clock.instant())).orElse(SsoTokenStatus.MISSING);
    }

    /** A token with more than {@link SsoToken#REFRESH_WINDOW} left where possible; never an expired one. */
    synchronized SsoToken current(SsoSessionConfig session) {
        SsoToken token = cache.load(session).orElseThrow(() -> new CloudException(Problem.UNAUTHENTICATED,
                "You are not signed in to IAM Identity Center " + session.label() + ".", "Sign in to AWS."));
        Instant now = clock.instant();
        if (token.isFresh(now)) {
            return token;
        }
        if (token.canRefresh(now) && !token.expiresAt().equals(refusedRefresh.get(session.cacheKey()))) {
            try {
                return refresh(session, token);
            } catch (CloudException failure) {
                if (failure.problem() == Problem.UNAUTHENTICATED) {
                    refusedRefresh.put(session.cacheKey(), token.expiresAt());
                }
                if (!token.isExpired(now)) {
                    LOG.warn("Refreshing the IAM Identity Center token of {} failed ({}); using it until it expires "
                            + "at {}", session.label(), failure.problem(), token.expiresAt());
                    return token;
                }
                throw failure;
            }
        }
        if (!token.isExpired(now)) {
            return token;
        }
        LOG.info("The IAM Identity Center token of {} expired at {} and cannot be refreshed", session.label(),
                token.expiresAt());
        throw new CloudException(Problem.UNAUTHENTICATED, "Your IAM Identity Center sign-in for " + session.label()
                + " has expired.", "Sign in to AWS again.");
    }

    Secret accessToken(SsoSessionConfig session) {
        return current(session).accessToken();
    }

    private SsoToken refresh(SsoSessionConfig session, SsoToken token) {
        LOG.info("Refreshing the IAM Identity Center token of {} (expires at {})", session.label(), token.expiresAt());
        try (SsoOidcClient oidc = clients.oidc(session.region())) {
            CreateTokenResponse response = SignInErrors.call("refreshing the AWS sign-in", () -> oidc.createToken(b -> b
                    .grantType(OidcSignIn.GRANT_REFRESH_TOKEN)
                    .clientId(token.clientId().orElseThrow())
                    .clientSecret(token.clientSecret().orElseThrow().revealAsString())
                    .refreshToken(token.refreshToken().orElseThrow().revealAsString())));
            int seconds = response.expiresIn() == null ? 0 : response.expiresIn();
            SsoToken refreshed = new SsoToken(token.startUrl(), token.region(), Secret.of(response.accessToken()),
                    clock.instant().plus(Duration.ofSeconds(seconds)), token.clientId(), token.clientSecret(),
                    token.registrationExpiresAt(),
                    Optional.ofNullable(response.refreshToken()).map(Secret::of).or(token::refreshToken));
            cache.store(session, refreshed);
            return refreshed;
        }
    }
}
