package dev.fedpilot.entra;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.entra.fake.Fault;
import dev.fedpilot.entra.fake.GraphFake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Graph fake grants each token only its scopes; the adapter says which consent or which role is missing. */
class GraphConsentTest {
    /** What FedPilot asks at sign-in, as short names: no group-member writes, no audit log. */
    private static final String[] SIGN_IN_SCOPES = GraphScopes.DELEGATED.stream()
            .map(GraphScopes::shortName).toArray(String[]::new);

    private GraphFake fake;
    private String group;
    private String user;

    @BeforeEach
    void start() {
        fake = GraphFake.start();
        group = fake.seedGroup("AWS Admins", null);
        user = fake.seedUser("ana@contoso.example", "Ana", "Ana", "Silva", "ana@contoso.example");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aMissingScopeOffersConsentForIt() {
        GraphEntraTenant tenant = FakeTenants.connect(fake, fake.issueToken(SIGN_IN_SCOPES), RetryPolicy.NONE);

        CloudException e = assertThrows(CloudException.class, () -> tenant.addGroupMember(group, user));

        assertEquals(Problem.FORBIDDEN, e.problem());
        assertTrue(e.getMessage().contains("GroupMember.ReadWrite.All"), e.getMessage());
        assertTrue(e.fix().contains("Consent to GroupMember.ReadWrite.All"), e.fix());
        assertFalse(e.getMessage().contains("Groups Administrator"), "no role is blamed: " + e.getMessage());
    }

    @Test
    void aPresentScopeNamesTheDirectoryRole() {
        GraphEntraTenant tenant = FakeTenants.connect(fake);
        fake.inject(Fault.forbidden("POST", "/groups/.*/members/\\$ref", 1));

        CloudException e = assertThrows(CloudException.class, () -> tenant.addGroupMember(group, user));

        assertEquals(Problem.FORBIDDEN, e.problem());
        assertTrue(e.getMessage().contains("Groups Administrator"), e.getMessage());
        assertTrue(e.fix().contains("Groups Administrator"), e.fix());
        assertFalse(e.fix().contains("Consent"), e.fix());
    }

    @Test
    void theProvisioningLogAsksForBothOfItsScopes() {
        GraphEntraTenant tenant = FakeTenants.connect(fake, fake.issueToken(SIGN_IN_SCOPES), RetryPolicy.NONE);
        EnterpriseApp app = seededApp();

        CloudException e = assertThrows(CloudException.class, () -> tenant.provisioningLog(app, Instant.EPOCH));

        assertTrue(e.getMessage().contains("AuditLog.Read.All, Directory.Read.All"), e.getMessage());
    }

    @Test
    void eachFeatureAsksForItsScopeWhenFirstUsed() {
        List<List<String>> asked = new CopyOnWriteArrayList<>();
        TokenCredential consenting = request -> {
            asked.add(List.copyOf(request.getScopes()));
            String[] shortNames = request.getScopes().stream().map(GraphScopes::shortName).toArray(String[]::new);
            return Mono.just(new AccessToken(fake.issueToken(shortNames), OffsetDateTime.now().plusHours(1)));
        };
        DelegatedScopes scopes = DelegatedScopes.incremental(GraphScopes.DELEGATED);
        GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(consenting, scopes,
                fake.graphBaseUrl()), new GraphEntraTenant.Settings(fake.loginBase(), Clock.systemUTC()), scopes);

        tenant.listGroups(page -> { });
        assertFalse(asked.get(asked.size() - 1).contains(GraphScopes.PREFIX + "GroupMember.ReadWrite.All"),
                "not asked before it is needed");
        tenant.addGroupMember(group, user);

        assertTrue(asked.get(asked.size() - 1).contains(GraphScopes.PREFIX + "GroupMember.ReadWrite.All"), asked.toString());
        assertEquals(1, fake.requests("POST", "/groups/.*/members/\\$ref").size());
    }

    @Test
    void theAzureCliLoginLackingAScopeOffersFedPilotsOwnSignIn() {
        // the Azure CLI's preset Graph scopes do not include group-member writes
        TokenCredential azureCli = request -> Mono.just(new AccessToken(fake.issueToken("User.Read",
                "Application.ReadWrite.All", "Group.Read.All", "User.Read.All"), OffsetDateTime.now().plusHours(1)));
        DelegatedScopes scopes = DelegatedScopes.presetOnly();
        GraphEntraTenant tenant = new GraphEntraTenant(GraphClientFactory.forCredential(azureCli, scopes,
                fake.graphBaseUrl()), new GraphEntraTenant.Settings(fake.loginBase(), Clock.systemUTC()), scopes);

        CloudException e = assertThrows(CloudException.class, () -> tenant.addGroupMember(group, user));

        assertTrue(e.getMessage().contains("GroupMember.ReadWrite.All"), e.getMessage());
        assertTrue(e.fix().contains("Azure CLI") && e.fix().contains("--device-code"), e.fix());
    }

    @Test
    void withoutAPremiumLicenceTheLogFallsBackToTheJobStatusAndSaysSo() {
        fake.withoutPremiumLicence();
        GraphEntraTenant tenant = FakeTenants.connect(fake);
        EnterpriseApp app = seededApp();
        tenant.createProvisioningJob(app);

        CloudException e = assertThrows(CloudException.class, () -> tenant.provisioningLog(app, Instant.EPOCH));

        assertTrue(e.getMessage().contains("no Microsoft Entra ID P1 or P2"), e.getMessage());
        assertTrue(e.getMessage().contains("status NOT_CONFIGURED"), e.getMessage());
    }

    @Test
    void rejectedTokensAreUnauthenticated() {
        for (String token : List.of(fake.expiredToken(), fake.tokenForAnotherAudience(), "not-a-token")) {
            GraphEntraTenant tenant = FakeTenants.connect(fake, token, RetryPolicy.NONE);
            CloudException e = assertThrows(CloudException.class, () -> tenant.listUsers(page -> { }));
            assertEquals(Problem.UNAUTHENTICATED, e.problem(), e.getMessage());
        }
    }

    @Test
    void theLogFilterUsesAnOperatorTheApiDocuments() {
        GraphEntraTenant tenant = FakeTenants.connect(fake);
        EnterpriseApp app = seededApp();

        assertEquals(List.of(), tenant.provisioningLog(app, Instant.parse("2026-01-01T00:00:00Z")));

        String filter = fake.requests("GET", "/auditLogs/provisioning").get(0).param("$filter");
        assertTrue(filter.contains("activityDateTime gt 2025-12-31T23:59:59Z"), filter);
    }

    private EnterpriseApp seededApp() {
        String[] ids = fake.seedAwsIdcApp("AWS IAM Identity Center");
        return new EnterpriseApp(ids[0], ids[1], ids[2], "AWS IAM Identity Center");
    }
}
