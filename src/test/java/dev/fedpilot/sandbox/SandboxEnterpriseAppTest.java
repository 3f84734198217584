package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.port.EntraTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxEnterpriseAppTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private final EntraTenant entra = sandbox.entra;

    @Test
    void instantiatedAppIsUnreadableUntilTheConsistencyDelayPassed() {
        EnterpriseApp app = entra.instantiateAwsIdcApp("AWS IAM Identity Center");

        assertEquals(Optional.empty(), entra.readApp(app));
        CloudException early = assertThrows(CloudException.class, () -> entra.samlSettings(app));
        assertEquals(Problem.NOT_YET_AVAILABLE, early.problem());
        assertTrue(early.isRetryable());
        assertTrue(entra.findAwsIdcApps().isEmpty());

        sandbox.clock.advance(Duration.ofSeconds(4));
        assertEquals(Optional.empty(), entra.readApp(app));
        sandbox.clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(app), entra.readApp(app));
        assertEquals(SamlSettings.class, entra.samlSettings(app).getClass());
    }

    @Test
    void aSecondRunFindsTheExistingAppInsteadOfMakingAnother() {
        EnterpriseApp app = sandbox.readyApp();

        assertEquals(List.of(app), entra.findAwsIdcApps(), "apps of other gallery templates are not listed");

        EnterpriseApp duplicate = entra.instantiateAwsIdcApp("AWS IAM Identity Center");
        sandbox.clock.advance(Duration.ofSeconds(10));
        assertNotEquals(app, duplicate, "Entra itself happily makes a second app, which is why callers adopt");
        assertEquals(List.of(app, duplicate), entra.findAwsIdcApps());
    }

    @Test
    void samlSettingsAndSigningCertificate() {
        EnterpriseApp app = sandbox.readyApp();
        assertTrue(entra.activeSigningCertificate(app).isEmpty());
        entra.configureSaml(app, sandbox.console.samlEntityId(), sandbox.console.samlAcsUrl());
        Instant now = sandbox.clock.instant();

        CertificateInfo cert = entra.addSigningCertificate(app, "CN=AWS IAM Identity Center", now.plus(Duration.ofDays(900)));

        SamlSettings saml = entra.samlSettings(app);
        assertTrue(saml.samlMode());
        assertEquals(List.of(sandbox.console.samlEntityId()), saml.identifierUris());
        assertEquals(List.of(sandbox.console.samlAcsUrl()), saml.redirectUris());
        assertTrue(saml.preferredTokenSigningKeyThumbprint().matches("[0-9A-F]{40}"));
        assertEquals(Optional.of(cert), entra.activeSigningCertificate(app));
        assertTrue(cert.sha256().matches("[0-9a-f]{64}"));
        assertTrue(cert.subject().startsWith("CN="));
        assertTrue(cert.notAfter().isAfter(now) && !cert.expiredAt(now));
        CertificateInfo rotated = entra.addSigningCertificate(app, "CN=AWS IAM Identity Center", now.plus(Duration.ofDays(900)));
        assertNotEquals(cert.sha256(), rotated.sha256(), "a new certificate, a new thumbprint");
        assertEquals(Optional.of(rotated), entra.activeSigningCertificate(app));
    }

    @Test
    void signingCertificateLongerThanThreeYearsOrWithoutANameIsRefusedAndCnIsAdded() {
        EnterpriseApp app = sandbox.readyApp();
        Instant tooLate = sandbox.clock.instant().atOffset(ZoneOffset.UTC).plusYears(3).plusDays(1).toInstant();
        CloudException tooLong = assertThrows(CloudException.class,
                () -> entra.addSigningCertificate(app, "CN=AWS", tooLate));
        assertEquals(Problem.INVALID_INPUT, tooLong.problem());
        assertTrue(tooLong.getMessage().contains("3 years"));
        CloudException noName = assertThrows(CloudException.class,
                () -> entra.addSigningCertificate(app, " ", sandbox.clock.instant().plus(Duration.ofDays(30))));
        assertEquals(Problem.INVALID_INPUT, noName.problem());
        assertTrue(entra.activeSigningCertificate(app).isEmpty());
        Instant end = sandbox.clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        var issued = entra.addSigningCertificate(app, "AWS", end);
        assertEquals("CN=AWS", issued.subject());
        assertEquals(end, issued.notAfter(), "the certificate carries the requested end date");
    }

    @Test
    void federationMetadataIsEntraShapedAndAwsAcceptsIt() {
        EnterpriseApp app = sandbox.readyApp();
        String tenant = entra.tenant().tenantId();
        assertEquals("https://login.microsoftonline.com/" + tenant
                + "/federationmetadata/2007-06/federationmetadata.xml?appid=" + app.appId(),
                entra.federationMetadataUrl(app).toString());
        CloudException noCert = assertThrows(CloudException.class, () -> entra.downloadFederationMetadata(app));
        assertTrue(noCert.fix().contains("signing certificate"));
        CertificateInfo cert = entra.addSigningCertificate(app, "CN=AWS", sandbox.clock.instant().plus(Duration.ofDays(365)));

        String xml = entra.downloadFederationMetadata(app);

        assertTrue(xml.contains("entityID=\"https://sts.windows.net/" + tenant + "/\""));
        assertTrue(xml.contains("Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\"https://login.microsoftonline.com/" + tenant + "/saml2\""));
        assertTrue(xml.contains("Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""));
        assertTrue(xml.contains("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress"));
        assertFalse(sandbox.console.externalIdpConfigured());
        sandbox.console.uploadIdpMetadata(xml);
        assertTrue(sandbox.console.externalIdpConfigured());
        assertEquals(Optional.of(cert), sandbox.console.idpCertificate());
    }

    @Test
    void awsRefusesMetadataOfAnotherIdpOrWithoutCertificate() {
        EnterpriseApp app = sandbox.readyApp();
        entra.addSigningCertificate(app, "CN=AWS", sandbox.clock.instant().plus(Duration.ofDays(365)));
        String xml = entra.downloadFederationMetadata(app);

        String otherIdp = xml.replace("https://sts.windows.net/", "https://idp.example.com/");
        assertEquals(Problem.INVALID_INPUT, assertThrows(CloudException.class,
                () -> sandbox.console.uploadIdpMetadata(otherIdp)).problem());
        String noCert = xml.replaceAll("<X509Certificate>[^<]*</X509Certificate>", "");
        CloudException missing = assertThrows(CloudException.class, () -> sandbox.console.uploadIdpMetadata(noCert));
        assertTrue(missing.getMessage().contains("certificate"));
        String encryption = xml.replace("use=\"signing\"", "use=\"encryption\"");
        assertThrows(CloudException.class, () -> sandbox.console.uploadIdpMetadata(encryption));
        assertFalse(sandbox.console.externalIdpConfigured());
    }

    @Test
    void awsSpMetadataLooksLikeTheConsoleDownload() {
        String xml = sandbox.console.spMetadataXml();
        assertTrue(xml.contains("entityID=\"https://us-east-1.signin.aws.amazon.com/platform/saml/d-9067"));
        assertTrue(xml.matches("(?s).*Location=\"https://us-east-1\\.signin\\.aws\\.amazon\\.com/platform/saml/acs/"
                + "[0-9a-f-]{36}\".*"));
        assertTrue(xml.contains("<ds:X509Certificate>") || xml.contains("<X509Certificate>"));
    }

    @Test
    void assigningTwiceAnswersTheExistingAssignmentAndUnassignRemoves() {
        EnterpriseApp app = sandbox.readyApp();
        DirectoryGroup group = sandbox.entraGroup("AWS-ReadOnly");
        AppAssignment assignment = entra.assign(app, group.id(), PrincipalType.GROUP);
        assertEquals("AWS-ReadOnly", assignment.principalDisplayName());

        assertEquals(assignment, entra.assign(app, group.id(), PrincipalType.GROUP));
        assertEquals(List.of(assignment), entra.assignments(app));
        entra.unassign(app, assignment.id());
        assertTrue(entra.assignments(app).isEmpty());
        entra.unassign(app, assignment.id());
        assertEquals(Problem.NOT_FOUND, assertThrows(CloudException.class,
                () -> entra.assign(app, "00000000-0000-4000-8000-000000000000", PrincipalType.USER)).problem());
    }

    @Test
    void consoleAllowsTwoScimTokensAtATime() {
        EnterpriseApp app = sandbox.readyApp();
        assertEquals(Problem.CONFLICT, assertThrows(CloudException.class,
                () -> sandbox.console.generateScimToken()).problem(), "needs the external IdP first");
        sandbox.federate(app);
        sandbox.console.generateScimToken();
        sandbox.clock.advance(Duration.ofDays(1));
        sandbox.console.generateScimToken();

        CloudException third = assertThrows(CloudException.class, () -> sandbox.console.generateScimToken());
        assertEquals(Problem.CONFLICT, third.problem());
        assertTrue(third.fix().contains("Delete"));
        SandboxAwsConsole.ScimTokenInfo oldest = sandbox.console.scimTokens().get(0);
        assertEquals(oldest.createdAt().atOffset(ZoneOffset.UTC).plusYears(1).toInstant(), oldest.expiresAt());
        sandbox.console.deleteScimToken(oldest.id());
        assertEquals(sandbox.clock.instant(), sandbox.console.scimTokenCreated(sandbox.console.generateScimToken()));
    }
}
