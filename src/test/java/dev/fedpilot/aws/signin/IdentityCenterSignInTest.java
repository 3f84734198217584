package dev.fedpilot.aws.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.domain.CloudException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;

import static dev.fedpilot.aws.signin.SignInFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Sign in with IAM Identity Center" end to end against a local OIDC stand-in: the test plays the browser, the
 * stand-in plays AWS, and the cache file must come out as the AWS CLI writes it.
 */
class IdentityCenterSignInTest {

    static final String START_URL = "https://my-org.awsapps.com/start";

    @TempDir
    Path home;
    OidcStandIn oidc;
    SignInFixture fixture;
    final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final List<HttpResponse<String>> pages = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        oidc = new OidcStandIn();
        fixture = new SignInFixture(home);
    }

    @AfterEach
    void stop() {
        oidc.close();
    }

    /** The user's browser: opens the page, signs in (the stand-in does that at once) and follows the redirect. */
    BrowserOpener followingBrowser() {
        return page -> pages.add(get(page));
    }

    AwsSignIn signIn(BrowserOpener opener) {
        return fixture.signIn(Optional.of(oidc.endpoint()), Optional.empty(), Optional.empty(), Map.of(), opener);
    }

    @Test
    void signsInWithPkceInTheBrowserAndCachesTheTokenLikeTheCli() throws Exception {
        AtomicReference<URI> shown = new AtomicReference<>();
        IdentityCenterSession session = signIn(followingBrowser()).signInWithIdentityCenter(START_URL,
                "eu-central-1", new SignInListener() {
                    @Override
                    public void authorizationPage(URI page) {
                        shown.set(page);
                    }
                });

        JsonNode registration = oidc.calls("/client/register").get(0).body();
        assertEquals("public", registration.path("clientType").asText());
        assertEquals(List.of("authorization_code", "refresh_token"), texts(registration.path("grantTypes")));
        assertEquals(List.of("http://127.0.0.1/oauth/callback"), texts(registration.path("redirectUris")));
        assertEquals(START_URL, registration.path("issuerUrl").asText());
        assertEquals(List.of("sso:account:access"), texts(registration.path("scopes")));
        assertEquals("fedpilot-my-org", registration.path("clientName").asText());

        Map<String, String> authorize = oidc.lastAuthorize;
        assertTrue(shown.get().toString().startsWith(oidc.endpoint() + "/authorize?response_type=code&client_id="),
                shown.get().toString());
        assertEquals("code", authorize.get("response_type"));
        assertEquals(OidcStandIn.CLIENT_ID, authorize.get("client_id"));
        assertTrue(authorize.get("redirect_uri").matches("http://127\\.0\\.0\\.1:\\d+/oauth/callback"),
                authorize.get("redirect_uri"));
        assertEquals("S256", authorize.get("code_challenge_method"));
        assertTrue(authorize.get("code_challenge").matches("[A-Za-z0-9_-]{43}"), authorize.get("code_challenge"));
        assertTrue(authorize.get("state").length() >= 32);
        assertEquals("sso:account:access", authorize.get("scopes"));

        HttpResponse<String> landing = pages.get(0);
        assertEquals(200, landing.statusCode());
        assertTrue(landing.body().contains("You can close this tab"), landing.body());

        JsonNode exchange = oidc.calls("/token").get(0).body();
        assertEquals("authorization_code", exchange.path("grantType").asText());
        assertEquals(OidcStandIn.AUTH_CODE, exchange.path("code").asText());
        assertEquals(authorize.get("redirect_uri"), exchange.path("redirectUri").asText());
        assertEquals(authorize.get("code_challenge"), Pkce.challengeOf(exchange.path("codeVerifier").asText()));

        Path file = fixture.cacheFile("my-org");
        JsonNode cached = new ObjectMapper().readTree(Files.readString(file));
        assertEquals(START_URL, cached.path("startUrl").asText());
        assertEquals("eu-central-1", cached.path("region").asText());
        assertEquals(OidcStandIn.ACCESS_TOKEN, cached.path("accessToken").asText());
        assertEquals("2029-06-01T11:00:00Z", cached.path("expiresAt").asText());
        assertEquals(OidcStandIn.CLIENT_ID, cached.path("clientId").asText());
        assertEquals(OidcStandIn.CLIENT_SECRET, cached.path("clientSecret").asText());
        assertEquals(Instant.ofEpochSecond(OidcStandIn.CLIENT_SECRET_EXPIRES_AT).toString(),
                cached.path("registrationExpiresAt").asText());
        assertEquals(OidcStandIn.REFRESH_TOKEN, cached.path("refreshToken").asText());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var files = Files.list(fixture.files.ssoCacheDirectory())) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), "the token and the client registration, no temp file: " + names);
            assertTrue(names.contains(file.getFileName().toString()), names.toString());
        }

        assertEquals(Instant.parse("2029-06-01T11:00:00Z"), session.tokenExpiresAt());
        assertEquals(SsoTokenStatus.VALID, signIn(followingBrowser()).tokenStatus(SignInFixture.MY_ORG));
        session.close();
    }

    @Test
    void reusesTheClientRegistrationUntilItIsAboutToExpire() throws Exception {
        signIn(followingBrowser()).signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()).close();
        signIn(followingBrowser()).signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()).close();
        assertEquals(1, oidc.calls("/client/register").size(), "the second sign-in reuses the registration");
        assertEquals(2, oidc.calls("/token").size());
        try (var files = Files.list(fixture.files.ssoCacheDirectory())) {
            Path registration = files.filter(p -> !p.equals(fixture.cacheFile("my-org"))).findFirst().orElseThrow();
            JsonNode cached = new ObjectMapper().readTree(Files.readString(registration));
            assertEquals(OidcStandIn.CLIENT_ID, cached.path("clientId").asText());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(registration)));
        }

        fixture.clock.advance(Duration.between(NOW, Instant.ofEpochSecond(OidcStandIn.CLIENT_SECRET_EXPIRES_AT))
                .minus(Duration.ofMinutes(30)));
        signIn(followingBrowser()).signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()).close();
        assertEquals(2, oidc.calls("/client/register").size(), "a registration about to expire is replaced");
    }

    @Test
    void reusesTheNameOfAConfiguredSsoSessionSoTheCliSharesTheToken() throws Exception {
        Files.createDirectories(fixture.files.configFile().getParent());
        Files.writeString(fixture.files.configFile(), "[sso-session corp]\nsso_start_url = " + START_URL
                + "/\nsso_region = eu-central-1\nsso_registration_scopes = sso:account:access\n");
        signIn(followingBrowser()).signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()).close();
        assertTrue(Files.exists(fixture.cacheFile("corp")));
        assertEquals("fedpilot-corp", oidc.calls("/client/register").get(0).body().path("clientName").asText());
    }

    @Test
    void refusesARedirectWithTheWrongStateAndWaitsForTheRightOne() {
        BrowserOpener forgedThenReal = page -> {
            Map<String, String> query = OidcStandIn.query(page.getRawQuery());
            URI forged = URI.create(query.get("redirect_uri") + "?code=attacker-code&state=not-the-state");
            pages.add(get(forged));
            pages.add(get(page));
        };
        signIn(forgedThenReal).signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()).close();

        assertEquals(400, pages.get(0).statusCode());
        assertTrue(pages.get(0).body().contains("does not belong"), pages.get(0).body());
        assertEquals(200, pages.get(1).statusCode());
        List<OidcStandIn.Call> exchanges = oidc.calls("/token");
        assertEquals(1, exchanges.size(), "only the real code is exchanged");
        assertEquals(OidcStandIn.AUTH_CODE, exchanges.get(0).body().path("code").asText());
    }

    @Test
    void aForgedRedirectAloneNeverSignsIn() {
        fixture.browserTimeout = Duration.ofSeconds(2);
        BrowserOpener forgedOnly = page -> {
            Map<String, String> query = OidcStandIn.query(page.getRawQuery());
            pages.add(get(URI.create(query.get("redirect_uri") + "?code=attacker-code&state=guess")));
        };
        CloudException e = assertThrows(CloudException.class, () -> signIn(forgedOnly)
                .signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
        assertEquals(400, pages.get(0).statusCode());
        assertTrue(oidc.calls("/token").isEmpty());
        assertFalse(Files.exists(fixture.cacheFile("my-org")));
    }

    @Test
    void tellsTheUserWhenTheyDeclineInTheBrowser() {
        BrowserOpener declines = page -> {
            Map<String, String> query = OidcStandIn.query(page.getRawQuery());
            pages.add(get(URI.create(query.get("redirect_uri") + "?error=access_denied&state=" + query.get("state"))));
        };
        CloudException e = assertThrows(CloudException.class, () -> signIn(declines)
                .signInWithIdentityCenter(START_URL, "eu-central-1", SignInListener.none()));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(e.getMessage().contains("access_denied"), e.getMessage());
        assertTrue(pages.get(0).body().contains("AWS did not sign you in"));
        assertTrue(oidc.calls("/token").isEmpty());
    }

    @Test
    void stillWaitsForTheBrowserWhenItCannotBeOpenedAndStopsOnCancel() throws Exception {
        CountDownLatch pageShown = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Object> result = CompletableFuture.supplyAsync(() -> {
            worker.set(Thread.currentThread());
            try {
                return signIn(page -> {
                    throw new IOException("no browser on this machine");
                }).signInWithIdentityCenter(START_URL, "eu-central-1", new SignInListener() {
                    @Override
                    public void authorizationPage(URI page) {
                        pageShown.countDown();
                    }
                });
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertTrue(pageShown.await(20, TimeUnit.SECONDS), "the link is shown even without a browser");
        worker.get().interrupt();
        assertInstanceOf(CancellationException.class, result.get(20, TimeUnit.SECONDS));
    }

    @Test
    void signsInWithADeviceCodeHonouringPendingAndSlowDown() throws Exception {
        oidc.devicePolls.add("pending");
        oidc.devicePolls.add("slow_down");
        List<DeviceAuthorization> shown = new ArrayList<>();
        List<URI> opened = new ArrayList<>();
        IdentityCenterSession session = signIn(opened::add).signInWithDeviceCode(START_URL, "eu-central-1",
                new SignInListener() {
                    @Override
                    public void deviceCode(DeviceAuthorization authorization) {
                        shown.add(authorization);
                    }
                });

        assertEquals(OidcStandIn.USER_CODE, shown.get(0).userCode());
        assertEquals(URI.create("https://device.sso.eu-central-1.amazonaws.com/"), shown.get(0).verificationUri());
        assertEquals(NOW.plusSeconds(600), shown.get(0).expiresAt());
        assertEquals(List.of(shown.get(0).verificationUriComplete()), opened);
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(6)), fixture.sleeps,
                "polls every interval, five seconds slower after slow_down");
        List<OidcStandIn.Call> polls = oidc.calls("/token");
        assertEquals(3, polls.size());
        polls.forEach(p -> assertEquals("urn:ietf:params:oauth:grant-type:device_code",
                p.body().path("grantType").asText()));
        JsonNode start = oidc.calls("/device_authorization").get(0).body();
        assertEquals(START_URL, start.path("startUrl").asText());
        JsonNode registration = oidc.calls("/client/register").get(0).body();
        assertTrue(registration.path("grantTypes").isMissingNode(), "device registration as the CLI makes it");

        JsonNode cached = new ObjectMapper().readTree(Files.readString(fixture.cacheFile("my-org")));
        assertEquals(OidcStandIn.DEVICE_ACCESS_TOKEN, cached.path("accessToken").asText());
        assertTrue(cached.path("refreshToken").isMissingNode());
        assertEquals("2029-06-01T11:00:08Z", cached.path("expiresAt").asText(), "one hour after the token came");
        session.close();
    }

    @Test
    void deviceCodeStopsWhenTheCodeExpires() {
        oidc.deviceExpiresIn = 3;
        for (int i = 0; i < 10; i++) {
            oidc.devicePolls.add("pending");
        }
        CloudException e = assertThrows(CloudException.class, () -> signIn(page -> { })
                .signInWithDeviceCode(START_URL, "eu-central-1", SignInListener.none()));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(e.getMessage().contains("expired"), e.getMessage());
        assertEquals(3, oidc.calls("/token").size());
        assertFalse(Files.exists(fixture.cacheFile("my-org")));
    }

    @Test
    void deviceCodeReportsTheServicesExpiredToken() {
        oidc.devicePolls.add("pending");
        oidc.devicePolls.add("expired");
        CloudException e = assertThrows(CloudException.class, () -> signIn(page -> { })
                .signInWithDeviceCode(START_URL, "eu-central-1", SignInListener.none()));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(e.getMessage().contains("expired before it was approved"), e.getMessage());
    }

    @Test
    void rejectsAStartUrlOrRegionThatCannotBeRight() {
        AwsSignIn signIn = signIn(followingBrowser());
        CloudException url = assertThrows(CloudException.class, () -> signIn.signInWithIdentityCenter(
                "my-org.awsapps.com/start", "eu-central-1", SignInListener.none()));
        assertEquals(CloudException.Problem.INVALID_INPUT, url.problem());
        CloudException region = assertThrows(CloudException.class, () -> signIn.signInWithIdentityCenter(
                START_URL, "Frankfurt", SignInListener.none()));
        assertEquals(CloudException.Problem.INVALID_INPUT, region.problem());
        assertTrue(oidc.calls.isEmpty());
    }

    private HttpResponse<String> get(URI page) throws IOException {
        try {
            return browser.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
