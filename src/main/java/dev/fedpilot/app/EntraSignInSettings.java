package dev.fedpilot.app;

import dev.fedpilot.entra.EntraCloud;
import dev.fedpilot.entra.EntraSignInConfig;
import dev.fedpilot.port.StateStore;

import java.net.URI;
import java.util.Map;

/**
 * Which tenant and public client the Entra sign-in uses, whether tokens may be kept between runs, and which
 * Microsoft cloud the tenant is in. Read from {@code entra-sign-in.json} in the config folder, then overridden by
 * FEDPILOT_ENTRA_TENANT, FEDPILOT_ENTRA_CLIENT_ID, FEDPILOT_ENTRA_PERSIST_CACHE, FEDPILOT_ENTRA_CLOUD (global,
 * usgov, china), FEDPILOT_GRAPH_ENDPOINT and FEDPILOT_ENTRA_AUTHORITY (the last two override the cloud's URLs);
 * without either, any work account in the global cloud with the default client and no cache.
 */
record EntraSignInSettings(String tenantId, String clientId, Boolean persistCache, String cloud,
                           String graphEndpoint, String authority) {
    static final String STORE_NAME = "entra-sign-in";

    EntraSignInSettings(String tenantId, String clientId, Boolean persistCache) {
        this(tenantId, clientId, persistCache, null, null, null);
    }

    static EntraSignInConfig load(StateStore settings, Map<String, String> environment) {
        EntraSignInConfig defaults = EntraSignInConfig.defaults();
        EntraSignInSettings saved = settings.load(STORE_NAME, EntraSignInSettings.class)
                .orElse(new EntraSignInSettings(null, null, null, null, null, null));
        String tenant = first(environment.get("FEDPILOT_ENTRA_TENANT"), saved.tenantId(), defaults.tenantId());
        String client = first(environment.get("FEDPILOT_ENTRA_CLIENT_ID"), saved.clientId(), defaults.clientId());
        String persist = first(environment.get("FEDPILOT_ENTRA_PERSIST_CACHE"),
                saved.persistCache() == null ? null : saved.persistCache().toString(), "false");
        String cloudName = first(environment.get("FEDPILOT_ENTRA_CLOUD"), saved.cloud(), "global");
        EntraCloud cloud = EntraCloud.named(cloudName).orElseThrow(() -> new IllegalArgumentException(
                "Unknown Entra cloud '" + cloudName + "': use global, usgov or china."));
        String graph = first(environment.get("FEDPILOT_GRAPH_ENDPOINT"), saved.graphEndpoint());
        if (graph != null) {
            cloud = cloud.withGraphBaseUrl(graph);
        }
        String authority = first(environment.get("FEDPILOT_ENTRA_AUTHORITY"), saved.authority());
        if (authority != null) {
            cloud = cloud.withAuthority(URI.create(authority.endsWith("/") ? authority : authority + "/"));
        }
        return new EntraSignInConfig(tenant, client, Boolean.parseBoolean(persist), cloud);
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }
}
