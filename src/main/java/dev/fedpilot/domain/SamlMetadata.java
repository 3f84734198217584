package dev.fedpilot.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a SAML 2.0 metadata file says, as FedPilot uses it. {@code region}, {@code identityStoreId} and
 * {@code tenantId} are derived from the well-known AWS and Entra URLs and are null where they cannot be.
 *
 * @param entityId       null when the file has none
 * @param acsUrls        assertion consumer service locations (service provider metadata)
 * @param ssoUrls        single sign-on service locations (identity provider metadata)
 * @param characterCount the size as AWS counts it (AWS accepts at most 75,000 characters of IdP metadata)
 * @param signed         the document carries an XML signature (which FedPilot does not verify)
 */
public record SamlMetadata(MetadataKind kind, String entityId, List<String> acsUrls, List<String> ssoUrls,
                           List<String> nameIdFormats, List<CertificateInfo> certificates, int characterCount,
                           String region, String identityStoreId, String tenantId, boolean signed) {

    public SamlMetadata {
        Objects.requireNonNull(kind, "kind");
        entityId = entityId == null || entityId.isBlank() ? null : entityId.strip();
        acsUrls = acsUrls == null ? List.of() : List.copyOf(acsUrls);
        ssoUrls = ssoUrls == null ? List.of() : List.copyOf(ssoUrls);
        nameIdFormats = nameIdFormats == null ? List.of() : List.copyOf(nameIdFormats);
        certificates = certificates == null ? List.of() : List.copyOf(certificates);
    }

    /** Classifies what was read from a file and derives region, identity store and tenant from its URLs. */
    public static SamlMetadata describe(boolean identityProvider, String entityId, List<String> acsUrls,
                                        List<String> ssoUrls, List<String> nameIdFormats,
                                        List<CertificateInfo> certificates, int characterCount) {
        List<String> acs = acsUrls == null ? List.of() : acsUrls;
        List<String> sso = ssoUrls == null ? List.of() : ssoUrls;
        MetadataKind kind;
        if (identityProvider) {
            kind = SamlUrls.isEntra(entityId, sso) ? MetadataKind.ENTRA_IDP : MetadataKind.SAML_IDP;
        } else {
            kind = SamlUrls.isAws(entityId) || acs.stream().anyMatch(SamlUrls::isAws)
                    ? MetadataKind.AWS_SP : MetadataKind.SAML_SP;
        }
        return new SamlMetadata(kind, entityId, acs, sso, nameIdFormats, certificates, characterCount,
                identityProvider ? null : SamlUrls.awsRegion(entityId, acs).orElse(null),
                identityProvider ? null : SamlUrls.identityStoreId(entityId).orElse(null),
                identityProvider ? SamlUrls.entraTenantId(entityId, sso).orElse(null) : null, false);
    }

    public SamlMetadata withSigned(boolean value) {
        return new SamlMetadata(kind, entityId, acsUrls, ssoUrls, nameIdFormats, certificates, characterCount,
                region, identityStoreId, tenantId, value);
    }

    public boolean identityProvider() {
        return kind.identityProvider();
    }
}
