package dev.fedpilot.saml;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.MetadataKind;
import dev.fedpilot.domain.SamlMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static dev.fedpilot.saml.Corpus.ACS_1;
import static dev.fedpilot.saml.Corpus.ACS_2;
import static dev.fedpilot.saml.Corpus.EMAIL;
import static dev.fedpilot.saml.Corpus.ENTRA_SSO;
import static dev.fedpilot.saml.Corpus.IDC_ENTITY;
import static dev.fedpilot.saml.Corpus.TENANT;
import static dev.fedpilot.saml.Corpus.expected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SamlMetadataParserTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    final SamlMetadataParser parser = new SamlMetadataParser();

    static List<String> codes(SamlMetadata m, MetadataKind expected) {
        return MetadataChecks.check(m, NOW, expected).stream().map(Finding::code).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws-idc-sp.xml", "aws-idc-sp-default-ns.xml", "aws-idc-sp-bom.xml"})
    void identityCenterSpMetadataInEveryNamespaceStyle(String file) {
        SamlMetadata m = parser.parse(Corpus.path(file));
        assertEquals(MetadataKind.AWS_SP, m.kind());
        assertEquals(IDC_ENTITY, m.entityId());
        assertEquals(List.of(ACS_1), m.acsUrls());
        assertEquals(List.of(), m.ssoUrls());
        assertEquals(List.of(EMAIL), m.nameIdFormats());
        assertEquals("eu-central-1", m.region());
        assertEquals("d-99672a1b2c", m.identityStoreId());
        assertNull(m.tenantId());
        assertEquals(List.of(expected("aws-sp", "signing")), m.certificates());
        assertEquals(List.of(), codes(m, MetadataKind.AWS_SP));
    }

    @Test
    void bomIsNotCountedAsACharacter() {
        SamlMetadata plain = parser.parse(Corpus.bytes("aws-idc-sp.xml"));
        SamlMetadata bom = parser.parse(Corpus.bytes("aws-idc-sp-bom.xml"));
        assertEquals(Corpus.text("aws-idc-sp.xml").length(), plain.characterCount());
        assertEquals(plain.characterCount(), bom.characterCount());
    }

    @Test
    void severalAcsEndpointsAndCertificatesInDocumentOrder() {
        SamlMetadata m = parser.parse(Corpus.bytes("aws-idc-sp-multi-acs.xml"));
        assertEquals(List.of(ACS_1, ACS_2), m.acsUrls());
        assertEquals(List.of(expected("aws-sp", "signing"), expected("rollover", "signing")), m.certificates());
    }

    @Test
    void entraFederationMetadataIgnoresTheSignatureAndWsFedCertificates() {
        SamlMetadata m = parser.parse(Corpus.bytes("entra-idp.xml"));
        assertEquals(MetadataKind.ENTRA_IDP, m.kind());
        assertEquals("https://sts.windows.net/" + TENANT + "/", m.entityId());
        assertEquals(TENANT, m.tenantId());
        assertEquals(List.of(ENTRA_SSO), m.ssoUrls(), "Redirect and POST share one URL");
        assertEquals(List.of(), m.acsUrls());
        assertNull(m.region());
        // The file also carries the expired certificate in ds:Signature and a WS-Fed RoleDescriptor.
        assertEquals(List.of(expected("long-valid", "signing")), m.certificates());
        assertEquals(List.of("nameid-format-not-declared", "signature-not-verified"), codes(m, MetadataKind.ENTRA_IDP),
                "Entra signs its federation metadata; FedPilot says it does not check that signature");
    }

    @Test
    void entraMetadataWithTwoSigningCertificates() {
        SamlMetadata m = parser.parse(Corpus.bytes("entra-idp-multi-cert.xml"));
        assertEquals(List.of(expected("long-valid", "signing"), expected("rollover", "signing")), m.certificates());
    }

    @Test
    void entitiesDescriptorWithOneEntity() {
        SamlMetadata m = parser.parse(Corpus.bytes("entities-wrapper.xml"));
        assertEquals(MetadataKind.ENTRA_IDP, m.kind());
        assertEquals(TENANT, m.tenantId());
        assertEquals(List.of(ENTRA_SSO), m.ssoUrls());
        assertEquals(List.of(EMAIL), m.nameIdFormats());
        assertEquals(List.of(expected("long-valid", "signing")), m.certificates());
        assertEquals(List.of(), codes(m, MetadataKind.ENTRA_IDP));
    }

    @Test
    void otherVendorsAreGenericKinds() {
        SamlMetadata idp = parser.parse(Corpus.bytes("other-idp.xml"));
        assertEquals(MetadataKind.SAML_IDP, idp.kind());
        assertEquals(List.of("nameid-format-not-email"), codes(idp, MetadataKind.SAML_IDP));
        SamlMetadata sp = parser.parse(Corpus.bytes("other-sp.xml"));
        assertEquals(MetadataKind.SAML_SP, sp.kind());
        assertEquals(List.of("https://app.example.com/saml/acs"), sp.acsUrls());
        assertEquals(List.of(), sp.certificates());
        assertEquals(List.of("not-aws-sp-metadata"), codes(sp, MetadataKind.AWS_SP));
    }

    @Test
    void legacySingleAccountAwsMetadataIsFlagged() {
        SamlMetadata m = parser.parse(Corpus.bytes("legacy-aws-sp.xml"));
        assertEquals(MetadataKind.AWS_SP, m.kind());
        assertEquals(List.of("https://signin.aws.amazon.com/saml"), m.acsUrls());
        assertNull(m.region());
        assertNull(m.identityStoreId());
        assertEquals(List.of("legacy-aws-saml-endpoint"), codes(m, MetadataKind.AWS_SP));
    }

    @Test
    void httpAcsIsFlagged() {
        SamlMetadata m = parser.parse(Corpus.bytes("http-acs-sp.xml"));
        assertEquals(List.of(ACS_1.replace("https:", "http:")), m.acsUrls());
        assertEquals(List.of("acs-not-https"), codes(m, MetadataKind.AWS_SP));
    }

    @Test
    void expiredAndExpiringCertificatesAreFlaggedAgainstAPinnedClock() {
        SamlMetadata expired = parser.parse(Corpus.bytes("expired-cert-idp.xml"));
        assertEquals(List.of(expected("expired", "signing")), expired.certificates());
        assertEquals(List.of("certificate-expired", "nameid-format-not-declared", "signature-not-verified"), codes(expired, MetadataKind.ENTRA_IDP));
        SamlMetadata expiring = parser.parse(Corpus.bytes("expiring-cert-idp.xml"));
        CertificateInfo cert = expiring.certificates().get(0);
        assertEquals(expected("expiring", "signing"), cert);
        // Expires 2026-12-07 12:00 UTC: 10 days after NOW, 3 days after NOW + 7 days, gone after.
        assertEquals(List.of("certificate-expires-within-30-days", "nameid-format-not-declared", "signature-not-verified"),
                codes(expiring, MetadataKind.ENTRA_IDP));
        assertEquals("certificate-expires-within-7-days", MetadataChecks.check(expiring,
                NOW.plus(java.time.Duration.ofDays(7)), null).get(0).code());
        assertEquals("certificate-expired", MetadataChecks.check(expiring,
                cert.notAfter().plusSeconds(1), null).get(0).code());
    }

    @Test
    void encryptionKeyIsReadWithItsUseAndFlagged() {
        SamlMetadata m = parser.parse(Corpus.bytes("encryption-key-idp.xml"));
        assertEquals(List.of("signing", "encryption"), m.certificates().stream().map(CertificateInfo::use).toList());
        assertEquals(List.of("encryption-key-present", "nameid-format-not-declared", "signature-not-verified"), codes(m, MetadataKind.ENTRA_IDP));
    }

    @Test
    void incompleteIdpMetadataBreaksAwsRules() {
        SamlMetadata m = parser.parse(Corpus.bytes("idp-incomplete.xml"));
        assertEquals(MetadataKind.SAML_IDP, m.kind());
        assertNull(m.entityId());
        assertEquals(List.of("entity-id-missing", "sso-service-missing", "signing-certificate-missing",
                "nameid-format-not-email"), codes(m, null));
    }

    @Test
    void overlongIdpMetadataIsParsedAndFlaggedWithItsSize() {
        String entra = Corpus.text("entra-idp.xml");
        String padding = "<!--" + "x".repeat(80_000) + "-->";
        String big = entra.replace("<IDPSSODescriptor", padding + "<IDPSSODescriptor");
        SamlMetadata m = parser.parse(big);
        assertEquals(big.length(), m.characterCount());
        assertEquals("metadata-too-large", codes(m, MetadataKind.ENTRA_IDP).get(0));
    }

    @Test
    void charactersNotBytesAreCounted() {
        String xml = Corpus.text("other-sp.xml").replace("https://app.example.com/saml/metadata", "https://app.example.com/é€😀");
        SamlMetadata m = parser.parse(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(xml.codePointCount(0, xml.length()), m.characterCount());
    }

    @Test
    void declaredLatin1EncodingIsHonoured() {
        String xml = Corpus.text("other-sp.xml").replace("UTF-8", "ISO-8859-1")
                .replace("https://app.example.com/saml/metadata", "https://app.example.com/café");
        SamlMetadata m = parser.parse(xml.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("https://app.example.com/café", m.entityId());
    }

    @Test
    void streamAndPastedTextGiveTheSameResultAsTheFile() throws IOException {
        SamlMetadata file = parser.parse(Corpus.path("entra-idp.xml"));
        assertEquals(file, parser.parse(new ByteArrayInputStream(Corpus.bytes("entra-idp.xml"))));
        assertEquals(file, parser.parse(Corpus.text("entra-idp.xml")));
        assertEquals(file, parser.parse("\n  " + Corpus.text("entra-idp.xml")), "blank lines before a paste are ignored");
    }
}
