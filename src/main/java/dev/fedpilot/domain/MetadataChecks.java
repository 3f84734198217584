package dev.fedpilot.domain;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Checks SAML metadata before FedPilot writes it to Entra or the user uploads it to AWS: the wrong file for
 * the step, the legacy AWS app, certificates, plain-http endpoints, and AWS's rules for IdP metadata.
 * Errors come first in the result.
 */
public final class MetadataChecks {
    /** AWS refuses identity provider metadata longer than this. */
    public static final int AWS_IDP_MAX_CHARACTERS = 75_000;
    static final Duration EXPIRES_SOON = Duration.ofDays(30);
    static final Duration EXPIRES_VERY_SOON = Duration.ofDays(7);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String EMAIL_FORMAT_SUFFIX = ":nameid-format:emailaddress";
    private static final String AWS_SP_DOWNLOAD = "In the IAM Identity Center console open Settings → Identity source → "
            + "Actions → Change identity source → External identity provider, and download the service provider metadata there.";
    private static final String ENTRA_IDP_DOWNLOAD = "In the Entra admin center open the AWS IAM Identity Center enterprise app "
            + "→ Single sign-on → SAML Certificates, and download the Federation Metadata XML.";

    private MetadataChecks() {
    }

    /**
     * @param expected the kind the current step needs, or null when any kind is fine (e.g. {@code metadata inspect})
     */
    public static List<Finding> check(SamlMetadata metadata, Instant now, MetadataKind expected) {
        List<Finding> findings = new ArrayList<>();
        if (expected != null && expected.identityProvider() != metadata.identityProvider()) {
            // The other side's file: its own details would only distract from picking the right one.
            findings.add(wrongSide(metadata, expected));
            return findings;
        }
        if (metadata.entityId() == null) {
            findings.add(Finding.error("entity-id-missing", "The metadata has no entityID.",
                    download(metadata.identityProvider())));
        }
        if (metadata.identityProvider()) {
            checkIdentityProvider(metadata, expected, findings);
        } else {
            checkServiceProvider(metadata, expected, findings);
        }
        checkCertificates(metadata, now, findings);
        if (metadata.signed()) {
            findings.add(Finding.info("signature-not-verified",
                    "The metadata is signed, but FedPilot does not verify the signature: what it shows is only as "
                            + "trustworthy as the place the file came from.",
                    "Use a file you downloaded yourself from the AWS or Entra console over https, not one sent to you."));
        }
        findings.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(findings);
    }

    private static Finding wrongSide(SamlMetadata metadata, MetadataKind expected) {
        if (expected.identityProvider()) {
            return Finding.error("sp-metadata-where-idp-expected",
                    "This is service provider metadata (" + metadata.kind().description() + "), but this step needs "
                            + "the identity provider metadata from Entra.", ENTRA_IDP_DOWNLOAD);
        }
        return Finding.error("idp-metadata-where-sp-expected",
                "This is identity provider metadata (" + metadata.kind().description() + "), but this step needs "
                        + "the service provider metadata from AWS IAM Identity Center.", AWS_SP_DOWNLOAD);
    }

    private static void checkServiceProvider(SamlMetadata m, MetadataKind expected, List<Finding> findings) {
        boolean legacy = SamlUrls.isLegacyAws(m.entityId()) || m.acsUrls().stream().anyMatch(SamlUrls::isLegacyAws);
        if (legacy) {
            findings.add(Finding.error("legacy-aws-saml-endpoint",
                    "This is the metadata of the single-account AWS SAML sign-in (" + SamlUrls.LEGACY_AWS_ACS
                            + "), not of IAM Identity Center: sign-in through it would not reach Identity Center.",
                    AWS_SP_DOWNLOAD));
        } else if (expected == MetadataKind.AWS_SP && m.kind() != MetadataKind.AWS_SP) {
            findings.add(Finding.error("not-aws-sp-metadata",
                    "This service provider metadata is not from AWS IAM Identity Center (entityID "
                            + orNone(m.entityId()) + ").", AWS_SP_DOWNLOAD));
        }
        if (m.acsUrls().isEmpty()) {
            findings.add(Finding.error("acs-missing",
                    "The metadata has no AssertionConsumerService: there is no address to send sign-ins to.",
                    AWS_SP_DOWNLOAD));
        }
        for (String url : m.acsUrls()) {
            if (!isHttps(url)) {
                findings.add(Finding.error("acs-not-https", "The sign-in address (ACS URL) " + url
                        + " does not use https, so sign-in responses would travel unencrypted.", AWS_SP_DOWNLOAD));
            }
        }
    }

    private static void checkIdentityProvider(SamlMetadata m, MetadataKind expected, List<Finding> findings) {
        if (expected == MetadataKind.ENTRA_IDP && m.kind() != MetadataKind.ENTRA_IDP) {
            findings.add(Finding.warning("not-entra-idp-metadata",
                    "This identity provider metadata is not from Microsoft Entra (entityID " + orNone(m.entityId()) + ").",
                    ENTRA_IDP_DOWNLOAD));
        }
        if (m.characterCount() > AWS_IDP_MAX_CHARACTERS) {
            findings.add(Finding.error("metadata-too-large", String.format(Locale.ROOT,
                    "The metadata has %,d characters; AWS accepts at most %,d.", m.characterCount(), AWS_IDP_MAX_CHARACTERS),
                    "Remove what AWS does not need (extra role descriptors, old certificates, organization and contact "
                            + "details), or download the metadata of this one app again."));
        }
        if (m.ssoUrls().isEmpty()) {
            findings.add(Finding.error("sso-service-missing",
                    "The metadata has no SingleSignOnService, which AWS requires.", ENTRA_IDP_DOWNLOAD));
        }
        for (String url : m.ssoUrls()) {
            if (!isHttps(url)) {
                findings.add(Finding.error("sso-not-https", "The sign-in address (SingleSignOnService) " + url
                        + " does not use https.", ENTRA_IDP_DOWNLOAD));
            }
        }
        if (m.certificates().stream().noneMatch(MetadataChecks::signs)) {
            findings.add(Finding.error("signing-certificate-missing",
                    "The metadata has no X.509 signing certificate, which AWS requires.", ENTRA_IDP_DOWNLOAD));
        }
        if (m.certificates().stream().anyMatch(c -> "encryption".equals(c.use()))) {
            findings.add(Finding.error("encryption-key-present",
                    "The metadata contains an encryption key (KeyDescriptor use=\"encryption\"); AWS refuses such metadata.",
                    "Remove the KeyDescriptor use=\"encryption\" element from the file before uploading it to AWS, "
                            + "or turn off token encryption in the Entra app and download the metadata again."));
        }
        checkNameIdFormats(m, findings);
    }

    private static void checkNameIdFormats(SamlMetadata m, List<Finding> findings) {
        String fix = "In the Entra app's Attributes & Claims set the Unique User Identifier (Name ID) to an email-format "
                + "value equal to each user's IAM Identity Center user name, with format Email address.";
        if (m.nameIdFormats().isEmpty()) {
            findings.add(Finding.info("nameid-format-not-declared",
                    "The metadata declares no NameID format; AWS needs an emailAddress NameID equal to the user name.", fix));
        } else if (m.nameIdFormats().stream().noneMatch(f -> f.toLowerCase(Locale.ROOT).endsWith(EMAIL_FORMAT_SUFFIX))) {
            findings.add(Finding.warning("nameid-format-not-email",
                    "The metadata offers NameID formats " + String.join(", ", m.nameIdFormats())
                            + " but not emailAddress, which AWS expects.", fix));
        }
    }

    private static void checkCertificates(SamlMetadata m, Instant now, List<Finding> findings) {
        String fix = m.identityProvider()
                ? "In the Entra app (Single sign-on → SAML Certificates) create a new certificate, make it active, "
                        + "and download the Federation Metadata XML again."
                : AWS_SP_DOWNLOAD;
        for (CertificateInfo c : m.certificates()) {
            String name = "The " + c.use() + " certificate " + c.subject();
            Duration left = c.remainingAt(now);
            if (c.expiredAt(now)) {
                findings.add(Finding.error("certificate-expired",
                        name + " expired on " + DAY.format(c.notAfter()) + ".", fix));
            } else if (c.notBefore().isAfter(now)) {
                findings.add(Finding.warning("certificate-not-yet-valid",
                        name + " is valid only from " + DAY.format(c.notBefore()) + ".",
                        "Check this computer's clock, or wait until the certificate becomes valid."));
            } else if (left.compareTo(EXPIRES_VERY_SOON) <= 0) {
                findings.add(Finding.warning("certificate-expires-within-7-days",
                        name + " expires " + inDays(left) + " (" + DAY.format(c.notAfter()) + ").", fix));
            } else if (left.compareTo(EXPIRES_SOON) <= 0) {
                findings.add(Finding.warning("certificate-expires-within-30-days",
                        name + " expires " + inDays(left) + " (" + DAY.format(c.notAfter()) + ").", fix));
            }
        }
    }

    private static boolean signs(CertificateInfo c) {
        return "signing".equals(c.use()) || "unspecified".equals(c.use());
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = URI.create(url.strip());
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String inDays(Duration left) {
        long days = left.toDays();
        return days == 0 ? "within a day" : days == 1 ? "in 1 day" : "in " + days + " days";
    }

    private static String download(boolean identityProvider) {
        return identityProvider ? ENTRA_IDP_DOWNLOAD : AWS_SP_DOWNLOAD;
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
