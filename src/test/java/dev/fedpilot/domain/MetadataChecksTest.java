package dev.fedpilot.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetadataChecksTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final String TENANT = "8f3c2a1e-5b7d-4e9a-9c2f-1a2b3c4d5e6f";
    static final String IDC_ENTITY = "https://eu-central-1.signin.aws.amazon.com/platform/saml/d-99672a1b2c";
    static final String IDC_ACS = "https://eu-central-1.signin.aws.amazon.com/platform/saml/acs/5b0e9d24-7c3a-4f1e-8a6d-2c9b1e0f3a47";
    static final String ENTRA_ENTITY = "https://sts.windows.net/" + TENANT + "/";
    static final String ENTRA_SSO = "https://login.microsoftonline.com/" + TENANT + "/saml2";
    static final String EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    static CertificateInfo cert(String use, Instant notAfter) {
        return new CertificateInfo(use, "CN=Test", Instant.parse("2020-01-01T00:00:00Z"), notAfter, "ab".repeat(32));
    }

    static CertificateInfo validCert(String use) {
        return cert(use, Instant.parse("2099-12-31T23:59:59Z"));
    }

    static SamlMetadata awsSp(String entityId, List<String> acs, List<CertificateInfo> certs) {
        return SamlMetadata.describe(false, entityId, acs, List.of(), List.of(EMAIL), certs, 1900);
    }

    static SamlMetadata entraIdp(List<String> sso, List<String> nameIds, List<CertificateInfo> certs, int chars) {
        return SamlMetadata.describe(true, ENTRA_ENTITY, List.of(), sso, nameIds, certs, chars);
    }

    static SamlMetadata goodIdp() {
        return entraIdp(List.of(ENTRA_SSO), List.of(EMAIL), List.of(validCert("signing")), 5000);
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }

    @Test
    void goodAwsSpAndEntraIdpHaveNoFindings() {
        assertEquals(List.of(), MetadataChecks.check(awsSp(IDC_ENTITY, List.of(IDC_ACS), List.of(validCert("signing"))),
                NOW, MetadataKind.AWS_SP));
        assertEquals(List.of(), MetadataChecks.check(goodIdp(), NOW, MetadataKind.ENTRA_IDP));
        assertEquals(List.of(), MetadataChecks.check(goodIdp(), NOW, null));
    }

    @Nested
    class WrongFileForTheStep {
        @Test
        void spMetadataWhereIdpIsNeededIsAnErrorAndNothingElseIsReported() {
            SamlMetadata sp = awsSp(IDC_ENTITY, List.of("http://insecure.example.com/acs"), List.of());
            List<Finding> findings = MetadataChecks.check(sp, NOW, MetadataKind.ENTRA_IDP);
            assertEquals(List.of("sp-metadata-where-idp-expected"), codes(findings));
            assertTrue(findings.get(0).isError());
            assertTrue(findings.get(0).fix().contains("Federation Metadata XML"));
        }

        @Test
        void idpMetadataWhereSpIsNeededIsAnError() {
            List<Finding> findings = MetadataChecks.check(goodIdp(), NOW, MetadataKind.AWS_SP);
            assertEquals(List.of("idp-metadata-where-sp-expected"), codes(findings));
            assertTrue(findings.get(0).fix().contains("IAM Identity Center console"));
        }

        @Test
        void anotherSpWhereAwsIsNeededIsAnError() {
            SamlMetadata other = awsSp("https://app.example.com/saml", List.of("https://app.example.com/acs"),
                    List.of(validCert("signing")));
            assertEquals(MetadataKind.SAML_SP, other.kind());
            assertEquals(List.of("not-aws-sp-metadata"), codes(MetadataChecks.check(other, NOW, MetadataKind.AWS_SP)));
            assertEquals(List.of(), MetadataChecks.check(other, NOW, null));
        }

        @Test
        void anotherIdpWhereEntraIsNeededIsAWarning() {
            SamlMetadata okta = SamlMetadata.describe(true, "http://www.okta.com/exk1", List.of(),
                    List.of("https://example.okta.com/sso/saml"), List.of(EMAIL), List.of(validCert("signing")), 2000);
            List<Finding> findings = MetadataChecks.check(okta, NOW, MetadataKind.ENTRA_IDP);
            assertEquals(List.of("not-entra-idp-metadata"), codes(findings));
            assertEquals(Finding.Severity.WARNING, findings.get(0).severity());
            assertEquals(List.of(), MetadataChecks.check(okta, NOW, MetadataKind.SAML_IDP));
        }
    }

    @Nested
    class LegacyAwsApp {
        @Test
        void legacyAcsIsAnErrorPointingAtIdentityCenter() {
            SamlMetadata legacy = awsSp("urn:amazon:webservices", List.of("https://signin.aws.amazon.com/saml"),
                    List.of(validCert("signing")));
            List<Finding> findings = MetadataChecks.check(legacy, NOW, MetadataKind.AWS_SP);
            assertEquals(List.of("legacy-aws-saml-endpoint"), codes(findings));
            assertTrue(findings.get(0).message().contains("https://signin.aws.amazon.com/saml"));
            assertTrue(findings.get(0).fix().contains("IAM Identity Center console"));
        }

        @Test
        void legacyValueAsEntityIdOrRegionalAcsIsCaughtToo() {
            assertEquals(List.of("legacy-aws-saml-endpoint"), codes(MetadataChecks.check(
                    awsSp("https://signin.aws.amazon.com/saml", List.of(IDC_ACS), List.of()), NOW, null)));
            assertEquals(List.of("legacy-aws-saml-endpoint"), codes(MetadataChecks.check(
                    awsSp(IDC_ENTITY, List.of("https://us-east-1.signin.aws.amazon.com/saml/"), List.of()), NOW, null)));
        }
    }

    @Nested
    class Certificates {
        @Test
        void expiredCertificateIsAnErrorWithItsDate() {
            SamlMetadata m = entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(cert("signing", Instant.parse("2023-01-01T00:00:00Z"))), 5000);
            List<Finding> findings = MetadataChecks.check(m, NOW, MetadataKind.ENTRA_IDP);
            assertEquals(List.of("certificate-expired"), codes(findings));
            assertTrue(findings.get(0).isError());
            assertTrue(findings.get(0).message().contains("2023-01-01"), findings.get(0).message());
        }

        @Test
        void expiryWithinThirtyAndSevenDaysAreWarningsWithDistinctCodes() {
            assertEquals(List.of("certificate-expires-within-30-days"), codes(MetadataChecks.check(entraIdp(
                    List.of(ENTRA_SSO), List.of(EMAIL), List.of(cert("signing", NOW.plus(Duration.ofDays(10)))), 100),
                    NOW, null)));
            List<Finding> week = MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(cert("signing", NOW.plus(Duration.ofDays(3)))), 100), NOW, null);
            assertEquals(List.of("certificate-expires-within-7-days"), codes(week));
            assertEquals(Finding.Severity.WARNING, week.get(0).severity());
            assertTrue(week.get(0).message().contains("in 3 days"), week.get(0).message());
        }

        @Test
        void boundariesAreInclusive() {
            assertEquals(List.of("certificate-expires-within-30-days"), codes(MetadataChecks.check(entraIdp(
                    List.of(ENTRA_SSO), List.of(EMAIL), List.of(cert("signing", NOW.plus(Duration.ofDays(30)))), 1),
                    NOW, null)));
            assertEquals(List.of(), codes(MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(cert("signing", NOW.plus(Duration.ofDays(30)).plusSeconds(1))), 1), NOW, null)));
            assertEquals(List.of("certificate-expires-within-7-days"), codes(MetadataChecks.check(entraIdp(
                    List.of(ENTRA_SSO), List.of(EMAIL), List.of(cert("signing", NOW.plus(Duration.ofDays(7)))), 1),
                    NOW, null)));
        }

        @Test
        void notYetValidCertificateIsAWarning() {
            CertificateInfo future = new CertificateInfo("signing", "CN=Next", NOW.plus(Duration.ofDays(2)),
                    Instant.parse("2099-01-01T00:00:00Z"), "cd".repeat(32));
            assertEquals(List.of("certificate-not-yet-valid"), codes(MetadataChecks.check(
                    entraIdp(List.of(ENTRA_SSO), List.of(EMAIL), List.of(validCert("signing"), future), 1), NOW, null)));
        }

        @Test
        void spCertificatesAreCheckedToo() {
            SamlMetadata sp = awsSp(IDC_ENTITY, List.of(IDC_ACS), List.of(cert("signing", Instant.parse("2024-05-01T00:00:00Z"))));
            List<Finding> findings = MetadataChecks.check(sp, NOW, MetadataKind.AWS_SP);
            assertEquals(List.of("certificate-expired"), codes(findings));
            assertTrue(findings.get(0).fix().contains("IAM Identity Center console"));
        }
    }

    @Nested
    class Endpoints {
        @Test
        void plainHttpAcsIsAnErrorPerUrl() {
            SamlMetadata sp = awsSp(IDC_ENTITY, List.of(IDC_ACS, "http://eu-central-1.signin.aws.amazon.com/platform/saml/acs/x"),
                    List.of());
            List<Finding> findings = MetadataChecks.check(sp, NOW, MetadataKind.AWS_SP);
            assertEquals(List.of("acs-not-https"), codes(findings));
            assertTrue(findings.get(0).message().contains("http://eu-central-1"));
        }

        @Test
        void missingAcsIsAnError() {
            assertEquals(List.of("acs-missing"), codes(MetadataChecks.check(awsSp(IDC_ENTITY, List.of(), List.of()), NOW, null)));
        }

        @Test
        void plainHttpSsoIsAnError() {
            assertEquals(List.of("sso-not-https"), codes(MetadataChecks.check(entraIdp(
                    List.of("http://login.example.com/saml2"), List.of(EMAIL), List.of(validCert("signing")), 1), NOW, null)));
        }
    }

    @Nested
    class AwsRulesForIdpMetadata {
        @Test
        void moreThan75000CharactersIsAnError() {
            assertEquals(List.of(), codes(MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(validCert("signing")), 75_000), NOW, null)));
            List<Finding> findings = MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(validCert("signing")), 75_001), NOW, null);
            assertEquals(List.of("metadata-too-large"), codes(findings));
            assertTrue(findings.get(0).message().contains("75,001"), findings.get(0).message());
        }

        @Test
        void missingEntityIdCertificateAndSsoAreErrors() {
            SamlMetadata bare = SamlMetadata.describe(true, null, List.of(), List.of(), List.of(EMAIL), List.of(), 300);
            assertEquals(List.of("entity-id-missing", "sso-service-missing", "signing-certificate-missing"),
                    codes(MetadataChecks.check(bare, NOW, null)));
        }

        @Test
        void certificateWithoutUseCountsAsSigningButEncryptionOnlyDoesNot() {
            assertEquals(List.of(), codes(MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(validCert("unspecified")), 1), NOW, null)));
            assertEquals(List.of("signing-certificate-missing", "encryption-key-present"), codes(MetadataChecks.check(
                    entraIdp(List.of(ENTRA_SSO), List.of(EMAIL), List.of(validCert("encryption")), 1), NOW, null)));
        }

        @Test
        void encryptionKeyIsAnError() {
            List<Finding> findings = MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(EMAIL),
                    List.of(validCert("signing"), validCert("encryption")), 1), NOW, MetadataKind.ENTRA_IDP);
            assertEquals(List.of("encryption-key-present"), codes(findings));
            assertTrue(findings.get(0).fix().contains("use=\"encryption\""));
        }

        @Test
        void nameIdFormatOtherThanEmailIsAWarningAndNoneDeclaredIsInfo() {
            List<Finding> persistent = MetadataChecks.check(entraIdp(List.of(ENTRA_SSO),
                    List.of("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"), List.of(validCert("signing")), 1), NOW, null);
            assertEquals(List.of("nameid-format-not-email"), codes(persistent));
            assertEquals(Finding.Severity.WARNING, persistent.get(0).severity());
            List<Finding> none = MetadataChecks.check(entraIdp(List.of(ENTRA_SSO), List.of(), List.of(validCert("signing")), 1),
                    NOW, null);
            assertEquals(List.of("nameid-format-not-declared"), codes(none));
            assertFalse(Finding.anyError(none));
        }

        @Test
        void idpRulesDoNotApplyToSpMetadata() {
            SamlMetadata big = SamlMetadata.describe(false, IDC_ENTITY, List.of(IDC_ACS), List.of(), List.of(),
                    List.of(validCert("encryption")), 90_000);
            assertEquals(List.of(), MetadataChecks.check(big, NOW, MetadataKind.AWS_SP));
        }
    }

    @Test
    void errorsComeBeforeWarningsAndInfo() {
        SamlMetadata m = entraIdp(List.of(ENTRA_SSO), List.of(),
                List.of(cert("signing", NOW.plus(Duration.ofDays(5))), validCert("encryption")), 1);
        List<Finding> findings = MetadataChecks.check(m, NOW, null);
        assertEquals(List.of("encryption-key-present", "certificate-expires-within-7-days", "nameid-format-not-declared"),
                codes(findings));
    }

    @Test
    void everyCodeIsKebabCaseAndEveryFindingHasAFix() {
        SamlMetadata messy = SamlMetadata.describe(true, null, List.of(), List.of("http://x.example.com/sso"),
                List.of("urn:x"), List.of(cert("encryption", Instant.parse("2021-01-01T00:00:00Z"))), 80_000);
        List<Finding> findings = MetadataChecks.check(messy, NOW, MetadataKind.ENTRA_IDP);
        assertTrue(findings.size() >= 6, findings.toString());
        for (Finding f : findings) {
            assertTrue(f.code().matches("[a-z0-9]+(-[a-z0-9]+)*"), f.code());
            assertFalse(f.fix().isBlank(), f.code());
            assertFalse(f.message().isBlank(), f.code());
        }
    }
}
