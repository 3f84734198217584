package dev.fedpilot.entra;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.core.exception.ClientAuthenticationException;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.InteractiveBrowserCredential;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.entra.fake.GraphFake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in at our seam: azure-identity refuses an http login page, so the credential is substituted. */
class EntraSignInTest {
    private static final String CLIENT_ID = "0b1c2d3e-4f50-4617-8899-aabbccddeeff";
    private static final String TENANT = "5f2b9c1e-7a44-4d0b-9d7e-0c3f5e1a2b3c";

    @TempDir
    Path home;

    private final List<AuthenticationRecord> previousSeen = new ArrayList<>();
    private final List<List<String>> scopesAsked = new ArrayList<>();

    @Test
    void signInAsksForTheGraphScopesAndKeepsTheCredential() {
        FakeCredential credential = new FakeCredential(null);
        EntraSignIn signIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false), credential);

        assertSame(credential, signIn.signIn());

        assertEquals(List.of(GraphScopes.DELEGATED), scopesAsked);
        assertEquals(Optional.of(credential), signIn.credential());
        assertTrue(GraphScopes.DELEGATED.contains("https://graph.microsoft.com/Synchronization.ReadWrite.All"));
    }

    @Test
    void failedSignInSaysWhatToDoAndKeepsNoCredential() {
        EntraSignIn signIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false),
                new FakeCredential(new ClientAuthenticationException("User canceled the sign-in", null)));

        CloudException e = assertThrows(CloudException.class, signIn::signIn);

        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertTrue(e.getMessage().contains("User canceled the sign-in"), e.getMessage());
        assertTrue(e.fix().contains("register your own public client"), e.fix());
        assertEquals(Optional.empty(), signIn.credential());
    }

    @Test
    void rememberedAccountIsUsedOnlyWhenTheUserOptedIn() throws Exception {
        writeAccount("alice@contoso.example");

        signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false), new FakeCredential(null)).signIn();
        signIn(new EntraSignInConfig(TENANT, CLIENT_ID, true), new FakeCredential(null)).signIn();

        assertNull(previousSeen.get(0), "without opt-in nothing is read from disk");
        assertEquals("alice@contoso.example", previousSeen.get(1).getUsername());
    }

    @Test
    void signOutForgetsTheCredentialAndTheRememberedAccount() throws Exception {
        writeAccount("alice@contoso.example");
        EntraSignIn signIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, true), new FakeCredential(null));
        signIn.signIn();

        signIn.signOut();

        assertEquals(Optional.empty(), signIn.credential());
        assertFalse(Files.exists(accountFile()));
        signIn.signIn();
        assertNull(previousSeen.get(1), "the next sign-in starts from scratch");
    }

    @Test
    void signedInCredentialAuthorisesGraphCalls() {
        try (GraphFake fake = GraphFake.start()) {
            FakeCredential credential = new FakeCredential(null);
            TokenCredential signedIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false), credential).signIn();
            GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(signedIn,
                    GraphScopes.DELEGATED, fake.graphBaseUrl()));

            assertEquals(GraphFake.TENANT_ID, tenant.tenant().tenantId());
            assertEquals("Bearer " + GraphFake.ACCESS_TOKEN, fake.requests().get(0).header("Authorization"));
            assertEquals(GraphScopes.DELEGATED, scopesAsked.get(scopesAsked.size() - 1));
        }
    }

    @Test
    void theRealCredentialIsAnInteractiveBrowserSignIn() {
        assertInstanceOf(InteractiveBrowserCredential.class,
                EntraSignIn.interactiveBrowser(new EntraSignInConfig(TENANT, CLIENT_ID, false), null));
    }

    @Test
    void configNeedsATenantAndAClientIdGuid() {
        assertEquals(new EntraSignInConfig("organizations", EntraSignInConfig.DEFAULT_CLIENT_ID, false),
                EntraSignInConfig.defaults());
        assertEquals("contoso.example", new EntraSignInConfig(" contoso.example ", CLIENT_ID, false).tenantId());
        IllegalArgumentException badClient = assertThrows(IllegalArgumentException.class,
                () -> new EntraSignInConfig(TENANT, "my-app", false));
        assertTrue(badClient.getMessage().contains("Application (client) ID"), badClient.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EntraSignInConfig(" ", CLIENT_ID, false));
        assertThrows(IllegalArgumentException.class, () -> new EntraSignInConfig("https://evil/", CLIENT_ID, false));
    }

    @Test
    void withoutABrowserTheDeviceCodeIsOfferedAndItsUrlShown() {
        List<String> prompts = new ArrayList<>();
        FakeCredential browser = new FakeCredential(null);
        EntraSignIn signIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false), browser)
                .withDeviceCode((config, prompt) -> request -> {
                    prompt.accept("To sign in, open https://microsoft.com/devicelogin and enter the code QX4R7T.");
                    return reactor.core.publisher.Mono.just(new com.azure.core.credential.AccessToken("t",
                            java.time.OffsetDateTime.now().plusHours(1)));
                }, () -> false);

        TokenCredential signedIn = signIn.signIn(prompts::add);

        assertTrue(prompts.get(0).contains("https://microsoft.com/devicelogin"), prompts.toString());
        assertEquals(Optional.of(signedIn), signIn.credential());
        assertTrue(scopesAsked.isEmpty(), "the browser credential was not tried");
    }

    @Test
    void aBrowserThatFailsToOpenFallsBackToTheDeviceCode() {
        List<String> prompts = new ArrayList<>();
        EntraSignIn signIn = signIn(new EntraSignInConfig(TENANT, CLIENT_ID, false), new FakeCredential(
                new ClientAuthenticationException("Unable to open default system browser", null)))
                .withDeviceCode((config, prompt) -> request -> {
                    prompt.accept("open https://microsoft.com/devicelogin, code ZZ9");
                    return reactor.core.publisher.Mono.just(new com.azure.core.credential.AccessToken("t",
                            java.time.OffsetDateTime.now().plusHours(1)));
                }, () -> true);

        signIn.signIn(prompts::add);

        assertEquals(List.of("open https://microsoft.com/devicelogin, code ZZ9"), prompts);
    }

    @Test
    void withoutAKeyringAnOptedInCacheFallsBackToMemoryWithANotice() {
        List<Boolean> persisted = new ArrayList<>();
        EntraSignIn signIn = new EntraSignIn(new EntraSignInConfig(TENANT, CLIENT_ID, true), accountFile(),
                (c, previous) -> {
                    persisted.add(c.persistCache());
                    return c.persistCache()
                            ? new FakeCredential(new ClientAuthenticationException("Persistence check failed",
                            null, new IllegalStateException("libsecret-1.so.0: cannot open shared object file")))
                            : new FakeCredential(null);
                }, GraphScopes.DELEGATED);

        signIn.signIn();

        assertEquals(List.of(true, false), persisted);
        assertTrue(signIn.notice().orElseThrow().contains("no keyring"), signIn.notice().toString());
        assertTrue(signIn.credential().isPresent());
    }

    private EntraSignIn signIn(EntraSignInConfig config, TokenCredential credential) {
        return new EntraSignIn(config, accountFile(), (c, previous) -> {
            assertEquals(config, c);
            previousSeen.add(previous);
            return credential;
        }, GraphScopes.DELEGATED);
    }

    private Path accountFile() {
        return home.resolve("entra-account.json");
    }

    private void writeAccount(String username) throws Exception {
        Files.writeString(accountFile(), """
                {"authority":"login.microsoftonline.com","homeAccountId":"uid.%s","tenantId":"%s",
                 "username":"%s","clientId":"%s"}
                """.formatted(TENANT, TENANT, username, CLIENT_ID));
    }

    /** Answers like azure-identity: a token, or the failure it was given. */
    private final class FakeCredential implements TokenCredential {
        private final RuntimeException failure;

        FakeCredential(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Mono<AccessToken> getToken(TokenRequestContext request) {
            scopesAsked.add(request.getScopes());
            return failure != null ? Mono.error(failure)
                    : Mono.just(new AccessToken(GraphFake.ACCESS_TOKEN, OffsetDateTime.now().plusHours(1)));
        }
    }
}
