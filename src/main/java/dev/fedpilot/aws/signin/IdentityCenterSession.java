package dev.fedpilot.aws.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.ListAccountRolesResponse;
import software.amazon.awssdk.services.sso.model.ListAccountsResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * A signed-in IAM Identity Center session: the accounts and roles the user may open, and credentials for one of
 * them. Every call takes a current access token from the shared cache (refreshing it when due).
 */
public final class IdentityCenterSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityCenterSession.class);
    static final int PAGE_SIZE = 100;

    private final SsoSessionConfig config;
    private final SsoTokens tokens;
    private final SignInClients clients;
    private final SsoClient portal;

    IdentityCenterSession(SsoSessionConfig config, SsoTokens tokens, SignInClients clients) {
        this.config = config;
        this.tokens = tokens;
        this.clients = clients;
        this.portal = clients.portal(config.region());
    }

    public SsoSessionConfig config() {
        return config;
    }

    /** When the current access token expires (it is refreshed on use when a refresh token exists). */
    public Instant tokenExpiresAt() {
        return tokens.current(config).expiresAt();
    }

    /** Streams the accounts page by page; stops with CancellationException when the thread is interrupted. */
    public void accounts(Consumer<List<SsoAccount>> page) {
        String next = null;
        do {
            checkInterrupted("listing AWS accounts");
            String token = next;
            ListAccountsResponse response = SignInErrors.call("listing your AWS accounts", () -> portal.listAccounts(b -> b
                    .accessToken(tokens.accessToken(config).revealAsString())
                    .maxResults(PAGE_SIZE)
                    .nextToken(token)));
            page.accept(response.accountList().stream()
                    .map(a -> new SsoAccount(a.accountId(), a.accountName(), a.emailAddress())).toList());
            next = blankToNull(response.nextToken());
        } while (next != null);
    }

    public List<SsoAccount> accounts() {
        List<SsoAccount> all = new ArrayList<>();
        accounts(all::addAll);
        LOG.info("IAM Identity Center {} lists {} accounts", config.label(), all.size());
        return List.copyOf(all);
    }

    /** Streams the roles (permission sets) the user has in one account, page by page. */
    public void roles(String accountId, Consumer<List<SsoRole>> page) {
        String next = null;
        do {
            checkInterrupted("listing roles");
            String token = next;
            ListAccountRolesResponse response = SignInErrors.call("listing your roles in account " + accountId,
                    () -> portal.listAccountRoles(b -> b
                            .accessToken(tokens.accessToken(config).revealAsString())
                            .accountId(accountId)
                            .maxResults(PAGE_SIZE)
                            .nextToken(token)));
            page.accept(response.roleList().stream()
                    .map(r -> new SsoRole(r.accountId() == null ? accountId : r.accountId(), r.roleName())).toList());
            next = blankToNull(response.nextToken());
        } while (next != null);
    }

    public List<SsoRole> roles(String accountId) {
        List<SsoRole> all = new ArrayList<>();
        roles(accountId, all::addAll);
        return List.copyOf(all);
    }

    /**
     * Credentials for one account and role, fetched once right away so that a refused role shows here, then
     * renewed before they expire. Close the provider when done with it.
     */
    public SsoRoleCredentialsProvider credentials(String accountId, String roleName) {
        SsoRoleCredentialsProvider provider = new SsoRoleCredentialsProvider(accountId, roleName,
                clients.portal(config.region()), tokens, config);
        try {
            SignInErrors.call("getting credentials for " + roleName + " in account " + accountId,
                    provider::resolveCredentials);
        } catch (RuntimeException e) {
            provider.close();
            throw e;
        }
        LOG.info("Got role credentials for {} in account {} from IAM Identity Center {}", roleName, accountId,
                config.label());
        return provider;
    }

    @Override
    public void close() {
        portal.close();
    }

    private static void checkInterrupted(String step) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled while " + step);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "IdentityCenterSession[" + config.label() + ", " + config.region() + "]";
    }
}
