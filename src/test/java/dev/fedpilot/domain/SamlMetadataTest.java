package dev.fedpilot.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamlMetadataTest {

    @Test
    void identityCenterSpYieldsRegionAndIdentityStore() {
        SamlMetadata m = SamlMetadata.describe(false,
                "https://eu-central-1.signin.aws.amazon.com/platform/saml/d-99672a1b2c",
                List.of("https://eu-central-1.signin.aws.amazon.com/platform/saml/acs/5b0e9d24-7c3a-4f1e-8a6d-2c9b1e0f3a47"),
                List.of(), List.of(), List.of(), 10);
        assertEquals(MetadataKind.AWS_SP, m.kind());
        assertEquals("eu-central-1", m.region());
        assertEquals("d-99672a1b2c", m.identityStoreId());
        assertNull(m.tenantId());
    }

    @Test
    void regionComesFromTheAcsWhenTheEntityIdHasNone() {
        SamlMetadata m = SamlMetadata.describe(false, "urn:example:custom",
                List.of("https://ap-southeast-2.signin.aws.amazon.com/platform/saml/acs/5b0e9d24-7c3a-4f1e-8a6d-2c9b1e0f3a47"),
                List.of(), List.of(), List.of(), 10);
        assertEquals(MetadataKind.AWS_SP, m.kind());
        assertEquals("ap-southeast-2", m.region());
        assertNull(m.identityStoreId());
    }

    @Test
    void entraIdpYieldsTenantFromEntityIdOrSsoUrl() {
        String tenant = "8f3c2a1e-5b7d-4e9a-9c2f-1a2b3c4d5e6f";
        SamlMetadata byEntity = SamlMetadata.describe(true, "https://sts.windows.net/" + tenant.toUpperCase() + "/",
                List.of(), List.of(), List.of(), List.of(), 10);
        assertEquals(MetadataKind.ENTRA_IDP, byEntity.kind());
        assertEquals(tenant, byEntity.tenantId());
        assertNull(byEntity.region());
        SamlMetadata bySso = SamlMetadata.describe(true, "urn:custom",
                List.of(), List.of("https://login.microsoftonline.com/" + tenant + "/saml2"), List.of(), List.of(), 10);
        assertEquals(MetadataKind.ENTRA_IDP, bySso.kind());
        assertEquals(tenant, bySso.tenantId());
    }

    @Test
    void otherMetadataIsGenericWithNothingDerived() {
        SamlMetadata idp = SamlMetadata.describe(true, "http://www.okta.com/exk1", List.of(),
                List.of("https://x.okta.com/sso"), List.of(), List.of(), 10);
        assertEquals(MetadataKind.SAML_IDP, idp.kind());
        assertNull(idp.tenantId());
        SamlMetadata sp = SamlMetadata.describe(false, "https://app.example.com", List.of("https://app.example.com/acs"),
                List.of(), List.of(), List.of(), 10);
        assertEquals(MetadataKind.SAML_SP, sp.kind());
        assertNull(sp.region());
        assertNull(sp.identityStoreId());
    }

    @Test
    void lookalikeHostsAreNotAws() {
        assertFalse(SamlUrls.isAws("https://signin.aws.amazon.com.evil.example/platform/saml/d-99672a1b2c"));
        assertFalse(SamlUrls.isAws("https://evilsignin.aws.amazon.com/saml"));
        assertTrue(SamlUrls.isAws("https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890"));
        assertTrue(SamlUrls.isLegacyAws("urn:amazon:webservices"));
        assertFalse(SamlUrls.isLegacyAws("https://us-east-1.signin.aws.amazon.com/platform/saml/d-1234567890"));
    }

    @Test
    void blankEntityIdBecomesNullAndListsAreCopied() {
        SamlMetadata m = SamlMetadata.describe(true, "  ", null, null, null, null, 0);
        assertNull(m.entityId());
        assertEquals(List.of(), m.acsUrls());
        assertEquals(List.of(), m.certificates());
    }

    @Test
    void kindsHaveStableIds() {
        assertEquals(List.of("aws-sp", "entra-idp", "saml-sp", "saml-idp"),
                java.util.Arrays.stream(MetadataKind.values()).map(MetadataKind::id).toList());
        assertEquals(MetadataKind.ENTRA_IDP, MetadataKind.fromId(" Entra-IdP ").orElseThrow());
        assertTrue(MetadataKind.fromId("idp").isEmpty());
        assertEquals("warning", Finding.Severity.WARNING.id());
    }
}
