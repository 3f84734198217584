package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AuthenticationRecord;
import com.azure.identity.AzureCliCredentialBuilder;
import com.azure.identity.InteractiveBrowserCredentialBuilder;
import com.azure.identity.TokenCachePersistenceOptions;
import dev.fedpilot.port.EntraTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Entra sign-in for the command line, without a window: the persisted token cache when the user enabled it and
 * an account is remembered, else the Azure CLI's login ({@code az login}), else a device code on stderr, but only
 * on a terminal or when asked with {@code --device-code}. Unattended (cron) it fails at once, naming what is
 * missing, instead of waiting for a person.
 */
public final class UnattendedEntraSignIn {
    private static final Logger log = LoggerFactory.getLogger(UnattendedEntraSignIn.class);

    /** How the command line got its Entra token. */
    public enum Source { TOKEN_CACHE, AZURE_CLI, DEVICE_CODE }

    /** Signed in ({@link #tenant} set) or not ({@link #problem} says why and what to do). */
    public record Result(EntraTenant tenant, Source source, String problem) {
        public boolean signedIn() {
            return tenant != null;
        }
    }

    /** Where the credentials come from; tests substitute it, since azure-identity refuses an http authority. */
    public interface Credentials {
        /** The persisted cache's credential for a remembered account; it must not prompt. */
        TokenCredential tokenCache(EntraSignInConfig config, AuthenticationRecord account);

        TokenCredential azureCli(EntraSignInConfig config);

        /** A device-code credential that hands the instructions to {@code prompt}. */
        TokenCredential deviceCode(EntraSignInConfig config, Consumer<String> prompt);
    }

    private final EntraSignInConfig config;
    private final Path accountFile;
    private final Credentials credentials;
    private final boolean terminal;
    private final boolean deviceCodeAsked;
    private final Consumer<String> stderr;

    /**
     * @param terminal        whether a person can read a device code now ({@code System.console() != null})
     * @param deviceCodeAsked {@code --device-code}: show one even without a terminal
     */
    public UnattendedEntraSignIn(EntraSignInConfig config, Path accountFile, Credentials credentials, boolean terminal,
                                 boolean deviceCodeAsked, Consumer<String> stderr) {
        this.config = Objects.requireNonNull(config, "config");
        this.accountFile = Objects.requireNonNull(accountFile, "accountFile");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.terminal = terminal;
        this.deviceCodeAsked = deviceCodeAsked;
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    /** The real credentials: azure-identity, on the configured cloud's authority. */
    public static Credentials azureIdentity() {
        return new Credentials() {
            @Override
            public TokenCredential tokenCache(EntraSignInConfig config, AuthenticationRecord account) {
                return new InteractiveBrowserCredentialBuilder().tenantId(config.tenantId()).clientId(config.clientId())
                        .authorityHost(config.cloud().authority().toString())
                        .tokenCachePersistenceOptions(new TokenCachePersistenceOptions().setName(EntraSignIn.CACHE_NAME))
                        .authenticationRecord(account).disableAutomaticAuthentication().build();
            }

            @Override
            public TokenCredential azureCli(EntraSignInConfig config) {
                AzureCliCredentialBuilder builder = new AzureCliCredentialBuilder();
                if (!EntraSignInConfig.ANY_ORGANIZATION.equals(config.tenantId())) {
                    builder.tenantId(config.tenantId());
                }
                return builder.build();
            }

            @Override
            public TokenCredential deviceCode(EntraSignInConfig config, Consumer<String> prompt) {
                return EntraSignIn.deviceCode(config, prompt);
            }
        };
    }

    /** Signs in for a command that needs {@code neededScopes} (short names, e.g. "GroupMember.ReadWrite.All"). */
    public Result signIn(List<String> neededScopes) {
        List<String> wanted = new java.util.ArrayList<>(GraphScopes.DELEGATED);
        neededScopes.forEach(s -> wanted.add(GraphScopes.full(s)));
        Optional<AuthenticationRecord> account = config.persistCache() ? EntraSignIn.rememberedAccount(accountFile) : Optional.empty();
        if (account.isPresent()) {
            TokenCredential cached = credentials.tokenCache(config, account.get());
            DelegatedScopes scopes = DelegatedScopes.incremental(wanted);
            if (token(cached, scopes.current(config.cloud().graphResource())).isPresent()) {
                return signedIn(cached, scopes, Source.TOKEN_CACHE);
            }
            log.info("The remembered Entra account has no usable cached token");
        }
        TokenCredential cli = credentials.azureCli(config);
        DelegatedScopes preset = DelegatedScopes.presetOnly();
        Optional<AccessToken> cliToken = token(cli, List.of(config.cloud().graphResource() + ".default"));
        String cliGap = null;
        if (cliToken.isPresent()) {
            Set<String> granted = GraphScopes.granted(cliToken.get().getToken()).orElse(Set.of());
            List<String> missing = GraphScopes.missing(neededScopes, granted);
            if (missing.isEmpty()) {
                return signedIn(cli, preset, Source.AZURE_CLI);
            }
            cliGap = Messages.english().get("entra.cli.azureCliLacks", String.join(", ", missing));
        }
        if (terminal || deviceCodeAsked) {
            if (cliGap != null) {
                stderr.accept(cliGap + " " + Messages.english().get("entra.cli.usingDeviceCode"));
            }
            TokenCredential device = credentials.deviceCode(config, stderr);
            DelegatedScopes scopes = DelegatedScopes.incremental(wanted);
            try {
                device.getTokenSync(new TokenRequestContext().setScopes(scopes.current(config.cloud().graphResource())));
                return signedIn(device, scopes, Source.DEVICE_CODE);
            } catch (RuntimeException e) {
                log.info("Device-code sign-in failed: {}", e.toString());
                return new Result(null, null, Messages.english().get("entra.cli.deviceCodeFailed", rootMessage(e)));
            }
        }
        return new Result(null, null, cliGap != null
                ? cliGap + " " + Messages.english().get("entra.cli.offerOwnSignIn")
                : Messages.english().get("entra.cli.notSignedIn"));
    }

    private Result signedIn(TokenCredential credential, DelegatedScopes scopes, Source source) {
        log.info("Signed in to Entra for the command line through {}", source);
        GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(credential, scopes,
                config.cloud()), new GraphEntraTenant.Settings(config.cloud().authority(), Clock.systemUTC()), scopes);
        return new Result(tenant, source, null);
    }

    private static Optional<AccessToken> token(TokenCredential credential, List<String> scopes) {
        try {
            return Optional.ofNullable(credential.getTokenSync(new TokenRequestContext().setScopes(scopes)));
        } catch (RuntimeException e) {
            // not signed in this way (no az, az not logged in, nothing cached): try the next way
            log.debug("No token from {}: {}", credential.getClass().getSimpleName(), e.toString());
            return Optional.empty();
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
