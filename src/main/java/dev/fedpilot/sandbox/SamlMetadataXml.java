package dev.fedpilot.sandbox;

/** The SAML metadata documents the two clouds hand out, in the shape they have there. */
final class SamlMetadataXml {
    static final String EMAIL_NAME_ID = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private SamlMetadataXml() {
    }

    static String entraEntityId(String tenantId) {
        return "https://sts.windows.net/" + tenantId + "/";
    }

    static String entraSsoUrl(String tenantId) {
        return "https://login.microsoftonline.com/" + tenantId + "/saml2";
    }

    /** Entra's federation metadata for one app (unsigned: the sandbox holds no private keys). */
    static String entraFederation(String tenantId, String documentId, SandboxCertificates.Cert signing) {
        String sso = entraSsoUrl(tenantId);
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>"
                + "<EntityDescriptor ID=\"_" + documentId + "\" entityID=\"" + entraEntityId(tenantId) + "\""
                + " xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\">\n"
                + "  <IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + keyDescriptor(signing)
                + "    <SingleLogoutService Binding=\"" + REDIRECT + "\" Location=\"" + sso + "\"/>\n"
                + "    <NameIDFormat>" + EMAIL_NAME_ID + "</NameIDFormat>\n"
                + "    <SingleSignOnService Binding=\"" + REDIRECT + "\" Location=\"" + sso + "\"/>\n"
                + "    <SingleSignOnService Binding=\"" + POST + "\" Location=\"" + sso + "\"/>\n"
                + "  </IDPSSODescriptor>\n"
                + "</EntityDescriptor>\n";
    }

    /** The SP metadata file the IAM Identity Center console offers for download. */
    static String awsServiceProvider(String entityId, String acsUrl, SandboxCertificates.Cert signing) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\""
                + " entityID=\"" + entityId + "\">\n"
                + "  <md:SPSSODescriptor AuthnRequestsSigned=\"false\" WantAssertionsSigned=\"true\""
                + " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">\n"
                + keyDescriptor(signing).replace("<KeyDescriptor", "<md:KeyDescriptor")
                        .replace("</KeyDescriptor>", "</md:KeyDescriptor>")
                + "    <md:NameIDFormat>" + EMAIL_NAME_ID + "</md:NameIDFormat>\n"
                + "    <md:AssertionConsumerService Binding=\"" + POST + "\" Location=\"" + acsUrl + "\""
                + " index=\"0\" isDefault=\"true\"/>\n"
                + "  </md:SPSSODescriptor>\n"
                + "</md:EntityDescriptor>\n";
    }

    private static String keyDescriptor(SandboxCertificates.Cert cert) {
        return "    <KeyDescriptor use=\"signing\">\n"
                + "      <KeyInfo xmlns=\"http://www.w3.org/2000/09/xmldsig#\"><X509Data><X509Certificate>"
                + cert.base64Der() + "</X509Certificate></X509Data></KeyInfo>\n"
                + "    </KeyDescriptor>\n";
    }
}
