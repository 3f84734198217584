package dev.fedpilot.app;

import dev.fedpilot.entra.EntraSignInConfig;
import dev.fedpilot.port.StateStore;

import java.util.Map;

/**
 * Which tenant and public client the Entra sign-in uses, and whether tokens may be kept between runs. Read from
 * {@code entra-sign-in.json} in the config folder, then overridden by FEDPILOT_ENTRA_TENANT,
 * FEDPILOT_ENTRA_CLIENT_ID and FEDPILOT_ENTRA_PERSIST_CACHE; without either, any work account with the default
 * client and no cache.
 */
record EntraSignInSettings(String tenantId, String clientId, Boolean persistCache) {
    static final String STORE_NAME = "entra-sign-in";

    static EntraSignInConfig load(StateStore settings, Map<String, String> environment) {
        EntraSignInConfig defaults = EntraSignInConfig.defaults();
        EntraSignInSettings saved = settings.load(STORE_NAME, EntraSignInSettings.class)
                .orElse(new EntraSignInSettings(null, null, null));
        String tenant = first(environment.get("FEDPILOT_ENTRA_TENANT"), saved.tenantId(), defaults.tenantId());
        String client = first(environment.get("FEDPILOT_ENTRA_CLIENT_ID"), saved.clientId(), defaults.clientId());
        String persist = first(environment.get("FEDPILOT_ENTRA_PERSIST_CACHE"),
                saved.persistCache() == null ? null : saved.persistCache().toString(), "false");
        return new EntraSignInConfig(tenant, client, Boolean.parseBoolean(persist));
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
