package dev.fedpilot.entra;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.CredentialUnavailableException;
import dev.fedpilot.entra.UnattendedEntraSignIn.Result;
import dev.fedpilot.entra.UnattendedEntraSignIn.Source;
import dev.fedpilot.entra.fake.GraphFake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which Entra credential the command line uses (cache, Azure CLI, device code, none), chosen at our seam; the
 * Graph calls that follow go over HTTP to the Graph fake, named by the cloud's Graph endpoint setting.
 */
class UnattendedEntraSignInTest {
    private static final List<String> MEMBER_WRITES = List.of("GroupMember.ReadWrite.All");
    private static final String[] AZURE_CLI_PRESET = {"User.Read", "Application.ReadWrite.All", "Group.Read.All",
            "User.Read.All", "Synchronization.ReadWrite.All", "AppRoleAssignment.ReadWrite.All"};

    @TempDir
    Path dir;
    private GraphFake fake;
    private EntraSignInConfig cached;
    private EntraSignInConfig uncached;
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private final AtomicInteger deviceCodes = new AtomicInteger();

    @BeforeEach
    void start() {
        fake = GraphFake.start();
        EntraCloud cloud = EntraCloud.GLOBAL.withGraphBaseUrl(fake.graphBaseUrl()).withAuthority(fake.loginBase());
        cached = new EntraSignInConfig(GraphFake.TENANT_ID, EntraSignInConfig.DEFAULT_CLIENT_ID, true, cloud);
        uncached = new EntraSignInConfig(GraphFake.TENANT_ID, EntraSignInConfig.DEFAULT_CLIENT_ID, false, cloud);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void theEnabledTokenCacheComesFirst() throws Exception {
        rememberAccount();
        Result result = signIn(cached, credentials(consenting(), azureCli(AZURE_CLI_PRESET)), false, false);

        assertEquals(Source.TOKEN_CACHE, result.source(), result.problem());
        assertEquals(GraphFake.SIGNED_IN_USER, result.tenant().tenant().signedInUser());
    }

    @Test
    void theAzureCliLoginIsUsedWhenItCarriesTheScopes() {
        Result result = signIn(uncached, credentials(unavailable(), azureCli(AZURE_CLI_PRESET)), false, false,
                List.of("User.Read.All"));

        assertEquals(Source.AZURE_CLI, result.source(), result.problem());
        assertEquals(GraphFake.TENANT_ID, result.tenant().tenant().tenantId());
        assertEquals(0, deviceCodes.get());
    }

    @Test
    void anAzureCliLoginLackingAScopeSaysWhichAndOffersFedPilotsSignIn() {
        Result result = signIn(uncached, credentials(unavailable(), azureCli(AZURE_CLI_PRESET)), false, false);

        assertFalse(result.signedIn());
        assertTrue(result.problem().contains("GroupMember.ReadWrite.All"), result.problem());
        assertTrue(result.problem().contains("--device-code"), result.problem());
        assertEquals(0, deviceCodes.get());
    }

    @Test
    void onATerminalTheDeviceCodeTakesOverAndIsShownOnStderr() {
        Result result = signIn(uncached, credentials(unavailable(), azureCli(AZURE_CLI_PRESET)), true, false);

        assertEquals(Source.DEVICE_CODE, result.source(), result.problem());
        assertTrue(stderr.stream().anyMatch(l -> l.contains("GroupMember.ReadWrite.All")), stderr.toString());
        assertTrue(stderr.stream().anyMatch(l -> l.contains("enter the code FAKE-CODE")), stderr.toString());
        result.tenant().addGroupMember(fake.seedGroup("Admins", null),
                fake.seedUser("a@contoso.example", "A", "A", "B", "a@contoso.example"));
    }

    @Test
    void withoutATerminalTheDeviceCodeNeedsTheFlag() {
        Result result = signIn(uncached, credentials(unavailable(), unavailable()), false, true);

        assertEquals(Source.DEVICE_CODE, result.source(), result.problem());
    }

    @Test
    void unattendedWithoutAnySignInFailsAtOnceNamingIt() {
        Result result = signIn(uncached, credentials(unavailable(), unavailable()), false, false);

        assertFalse(result.signedIn());
        assertNull(result.tenant());
        assertTrue(result.problem().contains("az login") && result.problem().contains("--device-code"),
                result.problem());
        assertEquals(0, deviceCodes.get(), "no device code without a terminal");
        assertEquals(0, fake.requests().size(), "nothing was sent to Graph");
    }

    private Result signIn(EntraSignInConfig config, UnattendedEntraSignIn.Credentials credentials, boolean terminal,
                          boolean deviceCodeFlag) {
        return signIn(config, credentials, terminal, deviceCodeFlag, MEMBER_WRITES);
    }

    private Result signIn(EntraSignInConfig config, UnattendedEntraSignIn.Credentials credentials, boolean terminal,
                          boolean deviceCodeFlag, List<String> needed) {
        return new UnattendedEntraSignIn(config, dir.resolve("entra-account.json"), credentials, terminal,
                deviceCodeFlag, stderr::add).signIn(needed);
    }

    private UnattendedEntraSignIn.Credentials credentials(TokenCredential cache, TokenCredential cli) {
        return new UnattendedEntraSignIn.Credentials() {
            @Override
            public TokenCredential tokenCache(EntraSignInConfig config, AuthenticationRecord account) {
                return cache;
            }

            @Override
            public TokenCredential azureCli(EntraSignInConfig config) {
                return cli;
            }

            @Override
            public TokenCredential deviceCode(EntraSignInConfig config, Consumer<String> prompt) {
                deviceCodes.incrementAndGet();
                return request -> {
                    prompt.accept("To sign in, use a web browser to open the page https://microsoft.com/devicelogin "
                            + "and enter the code FAKE-CODE to authenticate.");
                    return consenting().getToken(request);
                };
            }
        };
    }

    /** Issues a token with exactly the scopes asked, as Entra does after consent. */
    private TokenCredential consenting() {
        return request -> Mono.just(new AccessToken(fake.issueToken(request.getScopes().stream()
                .map(GraphScopes::shortName).toArray(String[]::new)), OffsetDateTime.now().plusHours(1)));
    }

    private TokenCredential azureCli(String... preset) {
        return request -> Mono.just(new AccessToken(fake.issueToken(preset), OffsetDateTime.now().plusHours(1)));
    }

    private static TokenCredential unavailable() {
        return request -> Mono.error(new CredentialUnavailableException("not signed in this way"));
    }

    private void rememberAccount() throws Exception {
        Files.writeString(dir.resolve("entra-account.json"), """
                {"authority":"login.microsoftonline.com","homeAccountId":"uid.utid","tenantId":"%s",
                 "username":"%s","clientId":"%s"}""".formatted(GraphFake.TENANT_ID, GraphFake.SIGNED_IN_USER,
                EntraSignInConfig.DEFAULT_CLIENT_ID));
    }
}
