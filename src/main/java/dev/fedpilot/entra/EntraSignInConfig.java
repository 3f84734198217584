package dev.fedpilot.entra;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How FedPilot signs in to Entra.
 *
 * <p>The client id names the public client (app registration) the sign-in runs as. The default is Microsoft's
 * "Microsoft Graph Command Line Tools" client, which many tenants allow; where it is blocked or not wanted,
 * register your own: Entra admin center → App registrations → New registration → "Mobile and desktop
 * applications" platform with redirect URI {@code http://localhost}, "Allow public client flows" on, and the
 * delegated Graph permissions from {@link GraphScopes#DELEGATED} (grant admin consent). Then enter its
 * Application (client) id here.
 *
 * @param tenantId     a tenant id (GUID), a verified domain, or "organizations" for any work account
 * @param clientId     the public client's application id
 * @param persistCache keep tokens and the signed-in account between runs (OS keychain); off unless the user opts in
 * @param cloud        the Microsoft cloud: Graph endpoint and Entra authority (global, US Government, China)
 */
public record EntraSignInConfig(String tenantId, String clientId, boolean persistCache, EntraCloud cloud) {
    /** Microsoft Graph Command Line Tools, a public client Microsoft publishes. */
    public static final String DEFAULT_CLIENT_ID = "14d82eec-204b-4c2f-b7e8-296a70dab67e";
    public static final String ANY_ORGANIZATION = "organizations";
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    public EntraSignInConfig(String tenantId, String clientId, boolean persistCache) {
        this(tenantId, clientId, persistCache, EntraCloud.GLOBAL);
    }

    public EntraSignInConfig {
        Objects.requireNonNull(cloud, "cloud");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientId, "clientId");
        tenantId = tenantId.strip();
        clientId = clientId.strip();
        if (!TENANT.matcher(tenantId).matches()) {
            throw new IllegalArgumentException("Enter the tenant id (a GUID), a domain such as contoso.com, or "
                    + ANY_ORGANIZATION + ".");
        }
        try {
            UUID.fromString(clientId);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The client id is the Application (client) ID of an app registration, "
                    + "a GUID such as " + DEFAULT_CLIENT_ID + ".");
        }
    }

    /** Any work account, the default client, no persistent cache. */
    public static EntraSignInConfig defaults() {
        return new EntraSignInConfig(ANY_ORGANIZATION, DEFAULT_CLIENT_ID, false);
    }
}
