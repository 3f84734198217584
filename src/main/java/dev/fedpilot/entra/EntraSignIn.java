package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
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

    /** A device-code credential that hands the sign-in URL and code to {@code prompt}. */
    @FunctionalInterface
    public interface DeviceCodeFactory {
        TokenCredential create(EntraSignInConfig config, java.util.function.Consumer<String> prompt);
    }

    private final EntraSignInConfig config;
    private final Path accountFile;
    private final CredentialFactory factory;
    private final List<String> scopes;
    private DeviceCodeFactory deviceCodes = EntraSignIn::deviceCode;
    private java.util.function.BooleanSupplier browserAvailable = EntraSignIn::browserAvailable;
    private TokenCredential credential;
    private DelegatedScopes delegatedScopes;
    private String notice;

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

    /** Replaces how the device code and the browser check are made (tests: no browser, no http authority). */
    public EntraSignIn withDeviceCode(DeviceCodeFactory factory, java.util.function.BooleanSupplier canOpenBrowser) {
        this.deviceCodes = Objects.requireNonNull(factory, "factory");
        this.browserAvailable = Objects.requireNonNull(canOpenBrowser, "canOpenBrowser");
        return this;
    }

    /** The scopes the signed-in credential asks for, grown per feature on first use. */
    public synchronized DelegatedScopes scopes() {
        return delegatedScopes == null ? DelegatedScopes.incremental(scopes) : delegatedScopes;
    }

    /** What the user should know about the last sign-in (e.g. tokens kept in memory only), if anything. */
    public synchronized Optional<String> notice() {
        return Optional.ofNullable(notice);
    }

    /**
     * Signs in in the browser; when no browser can be opened, or opening it fails, signs in with a device code
     * instead and hands the sign-in URL and code to {@code prompt}, so the window can show them.
     */
    public synchronized TokenCredential signIn(java.util.function.Consumer<String> prompt) {
        notice = null;
        if (!browserAvailable.getAsBoolean()) {
            log.info("No browser can be opened here: signing in to Entra with a device code");
            return signInWithDeviceCode(prompt);
        }
        try {
            return signIn();
        } catch (CloudException e) {
            if (!browserFailed(e)) {
                throw e;
            }
            log.info("The browser could not be opened: signing in to Entra with a device code");
            return signInWithDeviceCode(prompt);
        }
    }

    /** Device-code sign-in: the URL and code go to {@code prompt}; blocks until the user signed in. */
    public synchronized TokenCredential signInWithDeviceCode(java.util.function.Consumer<String> prompt) {
        TokenCredential candidate = deviceCodes.create(config, prompt);
        try {
            candidate.getTokenSync(new TokenRequestContext().setScopes(scopes));
        } catch (RuntimeException e) {
            log.warn("Entra device-code sign-in failed: {}", e.toString());
            throw new CloudException(CloudException.Problem.UNAUTHENTICATED,
                    Messages.english().get("entra.error.signIn", String.valueOf(e.getMessage())),
                    Messages.english().get("entra.fix.signIn"), null, e);
        }
        credential = candidate;
        delegatedScopes = DelegatedScopes.incremental(scopes);
        return candidate;
    }

    /**
     * Signs in (opens the browser unless a remembered account signs in silently) and blocks until done.
     *
     * @throws CloudException UNAUTHENTICATED when the sign-in fails or the user closes the browser
     */
    public synchronized TokenCredential signIn() {
        AuthenticationRecord previous = config.persistCache() ? rememberedAccount(accountFile).orElse(null) : null;
        TokenCredential candidate = factory.create(config, previous);
        TokenRequestContext request = new TokenRequestContext().setScopes(scopes);
        try {
            try {
                authenticate(candidate, request, previous, config.persistCache());
            } catch (RuntimeException e) {
                if (!config.persistCache() || !keyringMissing(e)) {
                    throw e;
                }
                // Linux without a keyring (libsecret): keep the tokens in memory for this session instead
                log.warn("No keyring for the persistent token cache ({}); keeping Entra tokens in memory", e.toString());
                EntraSignInConfig inMemory = new EntraSignInConfig(config.tenantId(), config.clientId(), false,
                        config.cloud());
                candidate = factory.create(inMemory, null);
                authenticate(candidate, request, null, false);
                notice = Messages.english().get("entra.notice.noKeyring");
            }
        } catch (RuntimeException e) {
            log.warn("Entra sign-in failed: {}", e.toString());
            throw new CloudException(CloudException.Problem.UNAUTHENTICATED,
                    Messages.english().get("entra.error.signIn", String.valueOf(e.getMessage())),
                    Messages.english().get("entra.fix.signIn"), null, e);
        }
        credential = candidate;
        delegatedScopes = DelegatedScopes.incremental(scopes);
        log.info("Signed in to Entra (tenant {}, client {})", config.tenantId(), config.clientId());
        return candidate;
    }

    private void authenticate(TokenCredential candidate, TokenRequestContext request, AuthenticationRecord previous,
                              boolean persist) {
        if (candidate instanceof InteractiveBrowserCredential browser && persist && previous == null) {
            saveAccount(browser.authenticate(request).block());
        } else {
            candidate.getTokenSync(request);
        }
    }

    /** MSAL's persistence extension failing for want of a keyring (libsecret / D-Bus secret service). */
    static boolean keyringMissing(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = (t.getClass().getName() + " " + t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (text.contains("msal4jextensions") || text.contains("libsecret") || text.contains("keyring")
                    || text.contains("persistence")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** MSAL could not start the system browser ("Unable to open default system browser"). */
    static boolean browserFailed(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String text = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
            if (text.contains("browser") && (text.contains("open") || text.contains("launch"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a browser can be opened here: a desktop with BROWSE, or xdg-open with a display on Linux. */
    static boolean browserAvailable() {
        try {
            if (java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                return true;
            }
        } catch (RuntimeException | LinkageError e) {
            log.debug("No AWT desktop: {}", e.toString());
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean display = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
        return os.contains("mac") || os.contains("win") || display && java.nio.file.Files.isExecutable(Path.of("/usr/bin/xdg-open"));
    }

    /** The real device-code credential on the configured cloud; the prompt gets Entra's own instructions. */
    public static TokenCredential deviceCode(EntraSignInConfig config, java.util.function.Consumer<String> prompt) {
        com.azure.identity.DeviceCodeCredentialBuilder builder = new com.azure.identity.DeviceCodeCredentialBuilder()
                .tenantId(config.tenantId()).clientId(config.clientId())
                .authorityHost(config.cloud().authority().toString())
                .challengeConsumer(info -> prompt.accept(info.getMessage()));
        if (config.persistCache()) {
            builder.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(CACHE_NAME));
        }
        return builder.build();
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
                .authorityHost(config.cloud().authority().toString())
                .redirectUrl(REDIRECT_URL);
        if (config.persistCache()) {
            builder.tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(CACHE_NAME));
            if (previous != null) {
                builder.authenticationRecord(previous);
            }
        }
        return builder.build();
    }

    /** The account a persisted sign-in remembered (never a token), for the window and the command line alike. */
    static Optional<AuthenticationRecord> rememberedAccount(Path accountFile) {
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
