package dev.fedpilot.aws.signin;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.Secret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

/**
 * The two IAM Identity Center sign-ins of the AWS CLI v2: authorization code with PKCE in the browser on a
 * loopback redirect ({@code aws sso login}), and the device code flow ({@code --use-device-code}) as fallback.
 * Both end with a token in the shared cache.
 */
final class OidcSignIn {

    private static final Logger LOG = LoggerFactory.getLogger(OidcSignIn.class);
    static final String GRANT_AUTHORIZATION_CODE = "authorization_code";
    static final String GRANT_REFRESH_TOKEN = "refresh_token";
    static final String GRANT_DEVICE_CODE = "urn:ietf:params:oauth:grant-type:device_code";
    /** RFC 8628: the default poll interval, and what slow_down adds to it. */
    private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
    private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);

    private enum Poll { PENDING, SLOW_DOWN }

    private final SignInClients clients;
    private final SsoTokenCache cache;
    private final BrowserOpener browser;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration browserTimeout;

    OidcSignIn(SignInClients clients, SsoTokenCache cache, BrowserOpener browser, Clock clock, Sleeper sleeper,
               Duration browserTimeout) {
        this.clients = clients;
        this.cache = cache;
        this.browser = browser;
        this.clock = clock;
        this.sleeper = sleeper;
        this.browserTimeout = browserTimeout;
    }

    SsoToken authorizationCode(SsoSessionConfig session, SignInListener listener) {
        Pkce pkce = Pkce.create();
        try (SsoOidcClient oidc = clients.oidc(session.region());
             LoopbackRedirect redirect = LoopbackRedirect.start(pkce.state())) {
            OidcRegistration registration = OidcRegistration.cachedOrRegister(oidc, cache, session,
                    GRANT_AUTHORIZATION_CODE, clock, b -> b
                    .clientName(OidcRegistration.clientName(session, clock))
                    .clientType("public")
                    .grantTypes(GRANT_AUTHORIZATION_CODE, GRANT_REFRESH_TOKEN)
                    .redirectUris(LoopbackRedirect.registeredRedirectUri().toString())
                    .issuerUrl(session.startUrl())
                    .scopes(session.effectiveScopes()));
            URI page = authorizePage(session, registration, redirect.redirectUri(), pkce);
            LOG.info("Opening the IAM Identity Center sign-in page for {} in the browser", session.label());
            listener.authorizationPage(page);
            open(page);
            Secret code = redirect.awaitCode(browserTimeout);
            try (code) {
                CreateTokenResponse response = SignInErrors.call("exchanging the sign-in code for a token",
                        () -> oidc.createToken(b -> b
                                .grantType(GRANT_AUTHORIZATION_CODE)
                                .clientId(registration.clientId())
                                .clientSecret(registration.clientSecret().revealAsString())
                                .code(code.revealAsString())
                                .codeVerifier(pkce.verifier())
                                .redirectUri(redirect.redirectUri().toString())));
                return saved(session, registration.token(session, response, clock));
            }
        }
    }

    SsoToken deviceCode(SsoSessionConfig session, SignInListener listener) {
        try (SsoOidcClient oidc = clients.oidc(session.region())) {
            OidcRegistration registration = OidcRegistration.cachedOrRegister(oidc, cache, session, "device_code",
                    clock, b -> b
                    .clientName(OidcRegistration.clientName(session, clock))
                    .clientType("public")
                    .scopes(session.effectiveScopes()));
            StartDeviceAuthorizationResponse start = SignInErrors.call("starting the sign-in with a code",
                    () -> oidc.startDeviceAuthorization(b -> b
                            .clientId(registration.clientId())
                            .clientSecret(registration.clientSecret().revealAsString())
                            .startUrl(session.startUrl())));
            Instant deadline = clock.instant().plusSeconds(start.expiresIn() == null ? 600 : start.expiresIn());
            URI complete = start.verificationUriComplete() == null ? null : URI.create(start.verificationUriComplete());
            listener.deviceCode(new DeviceAuthorization(start.userCode(), URI.create(start.verificationUri()),
                    complete, deadline));
            LOG.info("Waiting for the device code sign-in of {} to be approved", session.label());
            if (complete != null) {
                open(complete);
            }
            Duration interval = start.interval() == null || start.interval() <= 0 ? DEFAULT_INTERVAL
                    : Duration.ofSeconds(start.interval());
            while (true) {
                pause(interval);
                if (clock.instant().isAfter(deadline)) {
                    throw new CloudException(Problem.UNAUTHENTICATED, "The sign-in code expired before it was "
                            + "approved.", "Start the sign-in again and enter the code in the browser in time.");
                }
                Object answer = SignInErrors.call("waiting for the sign-in to be approved", () -> {
                    try {
                        return oidc.createToken(b -> b
                                .grantType(GRANT_DEVICE_CODE)
                                .clientId(registration.clientId())
                                .clientSecret(registration.clientSecret().revealAsString())
                                .deviceCode(start.deviceCode()));
                    } catch (AuthorizationPendingException pending) {
                        return Poll.PENDING;
                    } catch (SlowDownException slowDown) {
                        return Poll.SLOW_DOWN;
                    }
                });
                if (answer instanceof CreateTokenResponse response) {
                    return saved(session, registration.token(session, response, clock));
                }
                if (answer == Poll.SLOW_DOWN) {
                    interval = interval.plus(SLOW_DOWN_STEP);
                    LOG.info("IAM Identity Center asked to poll more slowly; waiting {} s", interval.toSeconds());
                } else {
                    LOG.debug("Device code sign-in still pending");
                }
            }
        }
    }

    /** The page the CLI opens: the region's OIDC endpoint + /authorize, parameters in the CLI's names. */
    URI authorizePage(SsoSessionConfig session, OidcRegistration registration, URI redirectUri, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", registration.clientId());
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", pkce.state());
        query.put("code_challenge_method", "S256");
        query.put("scopes", String.join(" ", session.effectiveScopes()));
        query.put("code_challenge", pkce.challenge());
        String encoded = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create(clients.authorizeBase(session.region()) + "/authorize?" + encoded);
    }

    private SsoToken saved(SsoSessionConfig session, SsoToken token) {
        cache.store(session, token);
        LOG.info("Signed in to IAM Identity Center {} (token valid until {}, refreshable: {})", session.label(),
                token.expiresAt(), token.refreshToken().isPresent());
        return token;
    }

    private void open(URI page) {
        try {
            browser.open(page);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not open the browser ({}); the user can open the link by hand",
                    e.getClass().getSimpleName());
        }
    }

    private void pause(Duration interval) {
        try {
            sleeper.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("AWS sign-in cancelled while waiting for approval");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("AWS sign-in cancelled while waiting for approval");
        }
    }

    /** Percent-encoding with %20 for spaces, as the CLI's percent_encode_sequence does. */
    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
