package dev.fedpilot.entra;

import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.Access;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.InteractiveBrowserCredential;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import dev.fedpilot.domain.CloudException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Interactive Entra sign-in (browser, auth code + PKCE on a localhost port) through azure-identity.
 * The credential it returns feeds {@link GraphClientFactory#forCredential}. Tests substitute the
 * {@link CredentialFactory}, because azure-identity refuses an http login page.
 */
public final class EntraSignIn {
    private static final Logger log = LoggerFactory.getLogger(EntraSignIn.class);
    public static final String REDIRECT_URL = "http://localhost";
    /** Name of the MSAL token cache in the OS keychain. */
    public static final String CACHE_NAME = "fedpilot";

    /** Makes the credential; {@code previous} is the account remembered from an earlier run, or null. */
    @FunctionalInterface
    public interface CredentialFactory {
        TokenCredential create(EntraSignInConfig config, AuthenticationRecord previous);
    }

    private final EntraSignInConfig config;
    private final Path accountFile;
    private final CredentialFactory factory;
    private final List<String> scopes;
    private TokenCredential credential;

    /** @param accountFile where the signed-in account (no token) is remembered when the user opted in */
    public EntraSignIn(EntraSignInConfig config, Path accountFile) {
        this(config, accountFile, EntraSignIn::interactiveBrowser, GraphScopes.DELEGATED);
    }

    public EntraSignIn(EntraSignInConfig config, Path accountFile, CredentialFactory factory, List<String> scopes) {
        this.config = Objects.requireNonNull(config, "config");
        this.accountFile = Objects.requireNonNull(accountFile, "accountFile");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.scopes = List.copyOf(scopes);
    }

    public EntraSignInConfig config() {
        return config;
    }

    /**
     * Signs in (opens the browser unless a remembered account signs in silently) and blocks until done.
     *
     * @throws CloudException UNAUTHENTICATED when the sign-in fails or the user closes the browser
     */
    public synchronized TokenCredential signIn() {
        AuthenticationRecord previous = config.persistCache() ? loadAccount().orElse(null) : null;
        TokenCredential candidate = factory.create(config, previous);
        TokenRequestContext request = new TokenRequestContext().setScopes(scopes);
        try {
            if (candidate instanceof InteractiveBrowserCredential browser && config.persistCache() && previous == null) {
                saveAccount(browser.authenticate(request).block());
            } else {
                candidate.getTokenSync(request);
            }
        } catch (RuntimeException e) {
            log.warn("Entra sign-in failed: {}", e.toString());
            throw new CloudException(CloudException.Problem.UNAUTHENTICATED,
                    EntraMessages.text("entra.error.signIn", String.valueOf(e.getMessage())),
                    EntraMessages.text("entra.fix.signIn"), null, e);
        }
        credential = candidate;
        log.info("Signed in to Entra (tenant {}, client {})", config.tenantId(), config.clientId());
        return candidate;
    }

    public synchronized Optional<TokenCredential> credential() {
        return Optional.ofNullable(credential);
    }

    /**
     * Forgets the credential and the remembered account, so the next sign-in asks again. MSAL's token cache
     * in the keychain is not readable without that account and expires by itself.
     */
    public synchronized void signOut() {
        credential = null;
        try {
            Files.deleteIfExists(accountFile);
        } catch (IOException e) {
            log.warn("Could not delete the remembered Entra account {}: {}", accountFile, e.toString());
        }
        log.info("Signed out of Entra");
    }

    /** The real credential: browser sign-in; persistent token cache only when the user opted in. */
    public static TokenCredential interactiveBrowser(EntraSignInConfig config, AuthenticationRecord previous) {
        InteractiveBrowserCredentialBuilder builder = new InteractiveBrowserCredentialBuilder()
                .tenantId(config.tenantId())
                .clientId(config.clientId())
                .redirectUrl(REDIRECT_URL);
        if (config.persistCache()) {
            builder.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(CACHE_NAME));
            if (previous != null) {
                builder.authenticationRecord(previous);
            }
        }
        return builder.build();
    }

    private Optional<AuthenticationRecord> loadAccount() {
        if (!Files.isRegularFile(accountFile)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(accountFile)) {
            return Optional.ofNullable(AuthenticationRecord.deserialize(in));
        } catch (IOException | RuntimeException e) {
            log.warn("Ignoring unreadable remembered Entra account {}: {}", accountFile, e.toString());
            return Optional.empty();
        }
    }

    private void saveAccount(AuthenticationRecord record) {
        if (record == null) {
            return;
        }
        try {
            AtomicFiles.write(accountFile, Access.OWNER_ONLY, record::serialize);
        } catch (IOException e) {
            log.warn("Could not remember the Entra account in {}: {}", accountFile, e.toString());
        }
    }
}
