package dev.fedpilot.aws.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.fedpilot.aws.signin.SignInFixture.MY_ORG;
import static dev.fedpilot.aws.signin.SignInFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After sign-in: accounts, roles and role credentials from the AWS access portal API (WireMock answering the sso
 * service's JSON), token refresh through the OIDC stand-in, and "who is signed in" from STS on moto.
 */
class IdentityCenterPortalTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    static final WireMockExtension PORTAL = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    static final String ROLE_KEY_ID = PortalStandIn.ROLE_KEY_ID;
    static final String ROLE_SESSION = PortalStandIn.ROLE_SESSION;

    @TempDir
    Path home;
    OidcStandIn oidc;
    SignInFixture fixture;
    AwsSignIn signIn;

    @BeforeEach
    void setUp() throws IOException {
        oidc = new OidcStandIn();
        fixture = new SignInFixture(home);
        signIn = fixture.signIn(Optional.of(oidc.endpoint()), Optional.of(URI.create(PORTAL.baseUrl())),
                Optional.of(MOTO.endpoint()), Map.of(), page -> { });
        PortalStandIn.stub(PORTAL, OidcStandIn.ACCESS_TOKEN);
        PortalStandIn.stub(PORTAL, OidcStandIn.REFRESHED_ACCESS_TOKEN);
        PORTAL.stubFor(get(urlPathEqualTo("/assignment/accounts")).atPriority(10).willReturn(aResponse()
                .withStatus(401).withHeader("x-amzn-ErrorType", "UnauthorizedException")
                .withBody("{\"message\":\"Session token not found or invalid\"}")));
    }

    @AfterEach
    void tearDown() {
        oidc.close();
    }

    void cacheToken(Instant expiresAt, String refreshToken) {
        fixture.writeCache("my-org", SignInFixture.cliToken(MY_ORG.startUrl(), MY_ORG.region(),
                OidcStandIn.ACCESS_TOKEN, expiresAt, refreshToken, NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void listsAccountsAndRolesAcrossPagesThenShowsWhoIsSignedIn() {
        cacheToken(NOW.plus(Duration.ofHours(1)), null);
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            assertEquals(List.of(new SsoAccount("111122223333", "Production", "aws-prod@example.com"),
                    new SsoAccount("444455556666", "Sandbox", "aws-sandbox@example.com")), session.accounts());
            assertEquals(List.of(new SsoRole("111122223333", "AdministratorAccess"),
                    new SsoRole("111122223333", "ReadOnlyAccess")), session.roles("111122223333"));

            try (SsoRoleCredentialsProvider credentials = session.credentials("111122223333", "AdministratorAccess")) {
                AwsCredentials resolved = credentials.resolveCredentials();
                assertEquals(ROLE_KEY_ID, resolved.accessKeyId());
                assertEquals(ROLE_SESSION, assertInstanceOf(AwsSessionCredentials.class, resolved).sessionToken());

                CallerIdentity who = signIn.whoAmI(credentials, "us-east-1");
                assertEquals("123456789012", who.account(), "moto's account");
                assertTrue(who.arn().startsWith("arn:aws:sts::123456789012:"), who.arn());
            }
        }
        PORTAL.verify(1, getRequestedFor(urlPathEqualTo("/federation/credentials")));
    }

    @Test
    void streamsPagesAndStopsWhenCancelled() {
        cacheToken(NOW.plus(Duration.ofHours(1)), null);
        List<List<SsoAccount>> pages = new ArrayList<>();
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            assertThrows(CancellationException.class, () -> session.accounts(page -> {
                pages.add(page);
                Thread.currentThread().interrupt();
            }));
        } finally {
            Thread.interrupted();
        }
        assertEquals(1, pages.size());
        PORTAL.verify(1, getRequestedFor(urlPathEqualTo("/assignment/accounts")));
    }

    @Test
    void refreshesAnExpiredTokenWithItsRefreshTokenAndSharesTheResult() throws Exception {
        cacheToken(NOW.minus(Duration.ofMinutes(3)), OidcStandIn.REFRESH_TOKEN);
        assertEquals(SsoTokenStatus.REFRESHABLE, signIn.tokenStatus(MY_ORG));
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            assertEquals(2, session.accounts().size());
        }
        JsonNode refresh = oidc.calls("/token").get(0).body();
        assertEquals("refresh_token", refresh.path("grantType").asText());
        assertEquals(OidcStandIn.CLIENT_ID, refresh.path("clientId").asText());
        JsonNode cached = new ObjectMapper().readTree(Files.readString(fixture.cacheFile("my-org")));
        assertEquals(OidcStandIn.REFRESHED_ACCESS_TOKEN, cached.path("accessToken").asText());
        assertEquals(OidcStandIn.REFRESHED_REFRESH_TOKEN, cached.path("refreshToken").asText());
        assertEquals("2029-06-01T11:00:00Z", cached.path("expiresAt").asText());
        assertEquals(SsoTokenStatus.VALID, signIn.tokenStatus(MY_ORG));
        assertEquals(1, oidc.calls("/token").size(), "refreshed once, then the fresh token is used");
    }

    @Test
    void asksToSignInAgainWhenTheRefreshTokenIsRevoked() {
        oidc.refreshRevoked = true;
        cacheToken(NOW.minus(Duration.ofMinutes(3)), OidcStandIn.REFRESH_TOKEN);
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            CloudException e = assertThrows(CloudException.class, session::accounts);
            assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
            assertEquals("Sign in to AWS again.", e.fix());
        }
    }

    @Test
    void keepsUsingATokenThatIsStillValidWhenRefreshFails() {
        oidc.refreshRevoked = true;
        cacheToken(NOW.plus(Duration.ofMinutes(2)), OidcStandIn.REFRESH_TOKEN);
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            assertEquals(2, session.accounts().size());
        }
        assertEquals(1, oidc.calls("/token").size());
    }

    @Test
    void hasNoCachedSessionWithoutAUsableToken() {
        assertTrue(signIn.cachedSession(MY_ORG).isEmpty());
        cacheToken(NOW.minus(Duration.ofMinutes(1)), null);
        assertTrue(signIn.cachedSession(MY_ORG).isEmpty());
        assertEquals(SsoTokenStatus.EXPIRED, signIn.tokenStatus(MY_ORG));
    }

    @Test
    void mapsPortalRefusalsToWhatTheUserCanDo() {
        fixture.writeCache("my-org", SignInFixture.cliToken(MY_ORG.startUrl(), MY_ORG.region(),
                "fp-REVOKED-ACCESS-TOKEN", NOW.plus(Duration.ofHours(1)), null, NOW.plus(Duration.ofDays(30))));
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            CloudException e = assertThrows(CloudException.class, session::accounts);
            assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        }
        cacheToken(NOW.plus(Duration.ofHours(1)), null);
        try (IdentityCenterSession session = signIn.cachedSession(MY_ORG).orElseThrow()) {
            CloudException e = assertThrows(CloudException.class,
                    () -> session.credentials("111122223333", "NoSuchRole"));
            assertEquals(CloudException.Problem.NOT_FOUND, e.problem());
            assertFalse(e.getMessage().contains(OidcStandIn.ACCESS_TOKEN));
        }
    }

    @Test
    void resolvesSsoProfilesFromTheSharedCache() throws Exception {
        Files.createDirectories(fixture.files.configFile().getParent());
        Files.writeString(fixture.files.configFile(), "[sso-session my-org]\nsso_start_url = " + MY_ORG.startUrl()
                + "\nsso_region = eu-central-1\n\n[profile admin]\nsso_session = my-org\n"
                + "sso_account_id = 111122223333\nsso_role_name = AdministratorAccess\nregion = eu-west-1\n");
        cacheToken(NOW.plus(Duration.ofHours(1)), null);
        AwsProfile admin = signIn.profiles().get(0);
        assertEquals(SsoTokenStatus.VALID, admin.tokenStatus());
        AwsCredentials resolved = signIn.credentials(admin).resolveCredentials();
        assertEquals(ROLE_KEY_ID, resolved.accessKeyId());
        assertEquals("123456789012", signIn.whoAmI(signIn.credentials(admin), "eu-west-1").account());
    }

    @Test
    void savesTheChosenAccountAndRoleAsAProfileTheCliUnderstands() throws Exception {
        Files.createDirectories(fixture.files.configFile().getParent());
        Files.writeString(fixture.files.configFile(), "# mine\n[default]\nregion = eu-west-1\n\n[profile admin]\n"
                + "sso_session = my-org\nsso_account_id = 111122223333\nsso_role_name = ReadOnlyAccess\n"
                + "output = table\n");
        cacheToken(NOW.plus(Duration.ofHours(1)), null);
        signIn.saveProfile(MY_ORG, "admin", "111122223333", "AdministratorAccess", Optional.of("eu-central-1"));
        signIn.saveProfile(MY_ORG, "sandbox", "444455556666", "ReadOnlyAccess", Optional.empty());

        String config = Files.readString(fixture.files.configFile());
        assertTrue(config.startsWith("# mine\n[default]\nregion = eu-west-1\n"), config);
        assertTrue(config.contains("[profile admin]\nsso_session = my-org\nsso_account_id = 111122223333\n"
                + "sso_role_name = AdministratorAccess\noutput = table\nregion = eu-central-1\n"), config);
        assertTrue(config.contains("[sso-session my-org]\nsso_start_url = https://my-org.awsapps.com/start\n"
                + "sso_region = eu-central-1\nsso_registration_scopes = sso:account:access\n"), config);
        assertEquals(1, config.split("\\[sso-session my-org]", -1).length - 1);

        AwsProfile sandbox = signIn.profiles().stream().filter(p -> p.name().equals("sandbox")).findFirst()
                .orElseThrow();
        assertEquals(AwsProfile.Kind.SSO, sandbox.kind());
        assertEquals(Optional.of(MY_ORG), sandbox.sso());
        assertEquals(SsoTokenStatus.VALID, sandbox.tokenStatus());

        CloudException bad = assertThrows(CloudException.class, () -> signIn.saveProfile(MY_ORG, "x]\n[evil",
                "111122223333", "Admin", Optional.empty()));
        assertEquals(CloudException.Problem.INVALID_INPUT, bad.problem());
    }
}
