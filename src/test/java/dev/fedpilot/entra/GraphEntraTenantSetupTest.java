package dev.fedpilot.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.entra.fake.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole Entra side of the setup, as the wizard drives it, against the stateful Graph fake. */
class GraphEntraTenantSetupTest {
    private static final String ENTITY_ID = "https://eu-west-1.signin.aws.amazon.com/platform/saml/d-9367a1b2c3";
    private static final String ACS_URL =
            "https://eu-west-1.signin.aws.amazon.com/platform/saml/acs/1f0e9d8c-7b6a-4d5e-8f9a-0b1c2d3e4f5a";
    private static final String SCIM_URL = "https://scim.eu-west-1.amazonaws.com/AbCdEf123456/scim/v2";
    private static final String SCIM_TOKEN = "scim-token-7f3a9c0e-right";

    private GraphFake fake;
    private GraphEntraTenant tenant;

    @BeforeEach
    void start() {
        fake = GraphFake.start().hiddenReads(2).scimCredentials(SCIM_URL, SCIM_TOKEN);
        tenant = FakeTenants.connect(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void wholeSetupFromInstantiateToProvisionOnDemand() throws Exception {
        String alice = fake.seedUser("alice@contoso.example", "Alice Adams", "Alice", "Adams", "alice@contoso.example");
        String bob = fake.seedUser("bob@contoso.example", "Bob Brown", "Bob", "Brown", "bob@contoso.example");
        String carol = fake.seedUser("carol@contoso.example", "Carol Clark", "Carol", "Clark", "carol@contoso.example");
        String engineers = fake.seedGroup("AWS Engineers", "People who use AWS");
        fake.addMember(engineers, alice);
        fake.addMember(engineers, bob);
        Instant setupStarted = Instant.now().minusSeconds(1);

        assertEquals(List.of(), tenant.findAwsIdcApps(), "a fresh tenant has no IdC app to adopt");
        EnterpriseApp app = tenant.instantiateAwsIdcApp("AWS IAM Identity Center");
        assertNotNull(app.applicationObjectId());
        assertNotNull(app.servicePrincipalId());

        // eventual consistency: right after instantiate the objects cannot be read or written yet
        assertEquals(Optional.empty(), tenant.readApp(app));
        CloudException early = assertThrows(CloudException.class, () -> tenant.configureSaml(app, ENTITY_ID, ACS_URL));
        assertEquals(CloudException.Problem.NOT_YET_AVAILABLE, early.problem());
        assertTrue(early.isRetryable());
        EnterpriseApp readable = poll(app);
        assertEquals(app.appId(), readable.appId());
        assertEquals("AWS IAM Identity Center", readable.displayName());

        tenant.configureSaml(app, ENTITY_ID, ACS_URL);
        SamlSettings saml = tenant.samlSettings(app);
        assertTrue(saml.samlMode());
        assertEquals(List.of(ENTITY_ID), saml.identifierUris());
        assertEquals(List.of(ACS_URL), saml.redirectUris());

        Instant notAfter = Instant.now().atOffset(ZoneOffset.UTC).plusYears(3).minusDays(1).toInstant()
                .truncatedTo(ChronoUnit.SECONDS);
        CertificateInfo cert = tenant.addSigningCertificate(app, "FedPilot SAML signing", notAfter);
        assertEquals(notAfter, cert.notAfter());
        assertEquals("CN=FedPilot SAML signing", cert.subject());
        assertTrue(cert.sha256().matches("[0-9a-f]{64}"), cert.sha256());
        assertEquals(Optional.of(cert), tenant.activeSigningCertificate(app));
        assertNotNull(tenant.samlSettings(app).preferredTokenSigningKeyThumbprint());

        URI metadataUrl = tenant.federationMetadataUrl(app);
        assertTrue(metadataUrl.getPath().endsWith("/" + GraphFake.TENANT_ID
                + "/federationmetadata/2007-06/federationmetadata.xml"), metadataUrl.toString());
        assertEquals("appid=" + app.appId(), metadataUrl.getQuery());
        String metadata = tenant.downloadFederationMetadata(app);
        assertTrue(metadata.contains("entityID=\"https://sts.windows.net/" + GraphFake.TENANT_ID + "/\""));
        assertEquals(cert.sha256(), sha256OfMetadataCertificate(metadata), "metadata carries the new certificate");

        assertEquals(Optional.empty(), tenant.findProvisioningJob(app));
        ProvisioningJob created = tenant.createProvisioningJob(app);
        assertTrue(created.jobId().matches("aWSSingleSignon\\.[0-9a-f]{32}\\.[0-9a-f]{32}"), created.jobId());
        assertEquals(Duration.ofMinutes(40), created.interval());
        assertEquals(ProvisioningJob.Status.NOT_CONFIGURED, created.status());
        String jobId = tenant.findProvisioningJob(app).orElseThrow().jobId();
        assertEquals(created.jobId(), jobId);

        ScimEndpoint endpoint = ScimEndpoint.parse(SCIM_URL);
        CloudException refused = assertThrows(CloudException.class,
                () -> tenant.validateCredentials(app, jobId, endpoint, Secret.of("scim-token-wrong")));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, refused.problem());
        assertTrue(refused.fix().contains("Check the SCIM token and endpoint"), refused.fix());
        tenant.validateCredentials(app, jobId, endpoint, Secret.of(SCIM_TOKEN));
        tenant.saveCredentials(app, endpoint, Secret.of(SCIM_TOKEN));
        assertEquals(Map.of("BaseAddress", SCIM_URL, "SecretToken", SCIM_TOKEN),
                fake.savedSecrets(app.servicePrincipalId()));

        AppAssignment assignment = tenant.assign(app, engineers, PrincipalType.GROUP);
        assertEquals(new AppAssignment(assignment.id(), engineers, PrincipalType.GROUP, "AWS Engineers"), assignment);
        assertEquals(List.of(assignment), tenant.assignments(app));

        tenant.startJob(app, jobId);
        ProvisioningJob running = tenant.job(app, jobId);
        assertEquals(ProvisioningJob.Status.ACTIVE, running.status());
        assertEquals(Map.of("User", 2L, "Group", 1L), running.entryCounts());
        assertEquals("Succeeded", running.lastExecution().state());
        assertEquals(3, running.lastExecution().succeeded());
        assertEquals(null, running.quarantine());

        ProvisioningOutcome aliceNow = single(tenant.provisionOnDemand(app, jobId, OnDemandRequest.user(alice)));
        assertEquals(new ProvisioningOutcome(alice, PrincipalType.USER, "Alice Adams",
                ProvisioningOutcome.Result.SUCCESS, null), aliceNow);
        ProvisioningOutcome groupNow = single(tenant.provisionOnDemand(app, jobId,
                OnDemandRequest.group(engineers, List.of(alice, bob))));
        assertEquals(ProvisioningOutcome.Result.SUCCESS, groupNow.result());
        assertEquals(engineers, groupNow.subjectId());
        assertEquals(PrincipalType.GROUP, groupNow.subjectType());
        ProvisioningOutcome carolNow = single(tenant.provisionOnDemand(app, jobId, OnDemandRequest.user(carol)));
        assertEquals(ProvisioningOutcome.Result.SKIPPED, carolNow.result());
        assertTrue(carolNow.message().contains("not assigned"), carolNow.message());

        JsonNode groupRequest = new ObjectMapper().readTree(
                fake.requests("POST", ".*/provisionOnDemand").get(1).body()).path("parameters").path(0);
        assertEquals("03f7d90d-bf71-41b1-bda6-aaf0ddbee5d8", groupRequest.path("ruleId").asText());
        JsonNode subject = groupRequest.path("subjects").path(0);
        assertEquals("Group", subject.path("objectTypeName").asText());
        assertEquals(2, subject.path("links").path("members").size());
        assertEquals("User", subject.path("links").path("members").path(0).path("objectTypeName").asText());

        List<ProvisioningEvent> log = tenant.provisioningLog(app, setupStarted);
        assertFalse(log.isEmpty());
        for (int i = 1; i < log.size(); i++) {
            assertFalse(log.get(i).time().isAfter(log.get(i - 1).time()), "newest first");
        }
        assertTrue(log.stream().anyMatch(e -> alice.equals(e.outcome().subjectId())
                && e.outcome().result() == ProvisioningOutcome.Result.SUCCESS));

        for (RecordedRequest request : fake.requests()) {
            if (!request.path().startsWith("/login/")) {
                assertEquals("Bearer " + GraphFake.ACCESS_TOKEN, request.header("Authorization"), request.path());
            }
        }
    }

    @Test
    void aSecondRunAdoptsTheAppInsteadOfMakingAnother() {
        String[] existing = fake.seedAwsIdcApp("AWS IAM Identity Center");
        List<EnterpriseApp> found = tenant.findAwsIdcApps();
        assertEquals(List.of(new EnterpriseApp(existing[0], existing[1], existing[2], "AWS IAM Identity Center")), found);
        assertEquals(Optional.of(found.get(0)), tenant.readApp(found.get(0)));
    }

    @Test
    void jobWithoutValidCredentialsGoesToQuarantineAndCanBePausedAndRestarted() {
        String[] existing = fake.seedAwsIdcApp("AWS IAM Identity Center");
        EnterpriseApp app = new EnterpriseApp(existing[0], existing[1], existing[2], "AWS IAM Identity Center");
        String jobId = tenant.createProvisioningJob(app).jobId();

        tenant.startJob(app, jobId);
        ProvisioningJob job = tenant.job(app, jobId);
        assertEquals(ProvisioningJob.Status.QUARANTINE, job.status());
        assertEquals("EncounteredQuarantineException", job.quarantine().reason());
        assertTrue(job.quarantine().detail().contains("InvalidCredentials"), job.quarantine().detail());
        assertTrue(job.quarantine().nextAttempt().isAfter(Instant.now()));

        tenant.pauseJob(app, jobId);
        assertEquals(ProvisioningJob.Status.PAUSED, tenant.job(app, jobId).status());

        tenant.saveCredentials(app, ScimEndpoint.parse(SCIM_URL), Secret.of(SCIM_TOKEN));
        tenant.restartJob(app, jobId);
        assertEquals(ProvisioningJob.Status.ACTIVE, tenant.job(app, jobId).status());
        String restartBody = fake.requests("POST", ".*/restart").get(0).body();
        assertTrue(restartBody.contains("\"resetScope\":\"Full\""), restartBody);
    }

    @Test
    void aCertificateBeyondThreeYearsIsRefusedBeforeAskingEntra() {
        String[] existing = fake.seedAwsIdcApp("AWS IAM Identity Center");
        EnterpriseApp app = new EnterpriseApp(existing[0], existing[1], existing[2], "AWS IAM Identity Center");
        Instant tooLate = Instant.now().atOffset(ZoneOffset.UTC).plusYears(3).plusDays(2).toInstant();

        CloudException e = assertThrows(CloudException.class,
                () -> tenant.addSigningCertificate(app, "FedPilot", tooLate));
        assertEquals(CloudException.Problem.INVALID_INPUT, e.problem());
        assertEquals(List.of(), fake.requests("POST", ".*/addTokenSigningCertificate"));
        assertEquals(Optional.empty(), tenant.activeSigningCertificate(app));
    }

    @Test
    void assigningTwiceKeepsOneAssignmentAndUnassignRemovesIt() {
        String[] existing = fake.seedAwsIdcApp("AWS IAM Identity Center");
        EnterpriseApp app = new EnterpriseApp(existing[0], existing[1], existing[2], "AWS IAM Identity Center");
        String dana = fake.seedUser("dana@contoso.example", "Dana Dorn", "Dana", "Dorn", "dana@contoso.example");

        AppAssignment first = tenant.assign(app, dana, PrincipalType.USER);
        AppAssignment again = tenant.assign(app, dana, PrincipalType.USER);
        assertEquals(first, again);
        assertEquals(List.of(first), tenant.assignments(app));
        assertTrue(fake.requests("POST", ".*/appRoleAssignedTo").get(0).body()
                .contains("\"appRoleId\":\"8774f594-1d59-4279-b9d9-59ef09a23530\""), "the gallery app's User role");

        tenant.unassign(app, first.id());
        assertEquals(List.of(), tenant.assignments(app));
    }

    private EnterpriseApp poll(EnterpriseApp app) throws InterruptedException {
        for (int attempt = 0; attempt < 10; attempt++) {
            Optional<EnterpriseApp> read = tenant.readApp(app);
            if (read.isPresent()) {
                return read.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the app never became readable");
    }

    private static ProvisioningOutcome single(List<ProvisioningOutcome> outcomes) {
        assertEquals(1, outcomes.size(), outcomes.toString());
        return outcomes.get(0);
    }

    private static String sha256OfMetadataCertificate(String metadata) throws Exception {
        Matcher m = Pattern.compile("<X509Certificate>([^<]+)</X509Certificate>").matcher(metadata);
        assertTrue(m.find(), "metadata has a signing certificate");
        byte[] der = Base64.getDecoder().decode(m.group(1));
        CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
}
