package dev.fedpilot.app;

import dev.fedpilot.entra.EntraSignInConfig;
import dev.fedpilot.store.MemoryStateStore;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EntraSignInSettingsTest {
    private final MemoryStateStore store = new MemoryStateStore();

    @Test
    void withoutSettingsAnyWorkAccountWithTheDefaultClientAndNoCache() {
        EntraSignInConfig config = EntraSignInSettings.load(store, Map.of());
        assertEquals(EntraSignInConfig.defaults(), config);
        assertFalse(config.persistCache());
    }

    @Test
    void theSettingsFileNamesTenantClientAndCacheOptIn() {
        store.save(EntraSignInSettings.STORE_NAME, new EntraSignInSettings("contoso.com",
                "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", true));
        EntraSignInConfig config = EntraSignInSettings.load(store, Map.of());
        assertEquals("contoso.com", config.tenantId());
        assertEquals("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", config.clientId());
        assertTrue(config.persistCache());
    }

    @Test
    void theEnvironmentWins() {
        store.save(EntraSignInSettings.STORE_NAME, new EntraSignInSettings("contoso.com", null, true));
        EntraSignInConfig config = EntraSignInSettings.load(store, Map.of("FEDPILOT_ENTRA_TENANT", "fabrikam.com",
                "FEDPILOT_ENTRA_PERSIST_CACHE", "false"));
        assertEquals("fabrikam.com", config.tenantId());
        assertFalse(config.persistCache());
    }

    @Test
    void aClientIdThatIsNotAGuidIsRefusedWithAnExplanation() {
        var e = assertThrows(IllegalArgumentException.class, () -> EntraSignInSettings.load(store,
                Map.of("FEDPILOT_ENTRA_CLIENT_ID", "my-app")));
        assertTrue(e.getMessage().contains("Application (client) ID"));
    }

    @Test
    void theCloudChoosesGraphAndTheAuthorityAndTheEnvironmentCanPointGraphElsewhere() {
        MemoryStateStore store = new MemoryStateStore();
        store.save(EntraSignInSettings.STORE_NAME, new EntraSignInSettings("contoso.us", null, false, "usgov", null, null));

        EntraSignInConfig usgov = EntraSignInSettings.load(store, Map.of());
        assertEquals("https://graph.microsoft.us/v1.0", usgov.cloud().graphBaseUrl());
        assertEquals("https://login.microsoftonline.us/", usgov.cloud().authority().toString());

        EntraSignInConfig china = EntraSignInSettings.load(store, Map.of("FEDPILOT_ENTRA_CLOUD", "china"));
        assertEquals("https://microsoftgraph.chinacloudapi.cn/v1.0", china.cloud().graphBaseUrl());

        EntraSignInConfig local = EntraSignInSettings.load(store, Map.of("FEDPILOT_GRAPH_ENDPOINT",
                "http://127.0.0.1:8123/v1.0", "FEDPILOT_ENTRA_AUTHORITY", "http://127.0.0.1:8123/login"));
        assertEquals("http://127.0.0.1:8123/v1.0", local.cloud().graphBaseUrl());
        assertEquals("https://graph.microsoft.us/", local.cloud().graphResource());
        assertEquals("http://127.0.0.1:8123/login/", local.cloud().authority().toString());
        assertThrows(IllegalArgumentException.class,
                () -> EntraSignInSettings.load(store, Map.of("FEDPILOT_ENTRA_CLOUD", "mars")));
    }
}
