package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** What the IAM Identity Center console checks when IdP metadata is uploaded (DOMAIN.md step 5). */
final class IdpMetadataCheck {
    static final int MAX_CHARACTERS = 75_000;
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String FIX = "Download the federation metadata of the Entra app again and upload that file.";

    private IdpMetadataCheck() {
    }

    /** The signing certificate of acceptable metadata; otherwise INVALID_INPUT with what AWS would say. */
    static CertificateInfo check(String xml, String expectedEntityId, Instant now) {
        if (xml == null || xml.isBlank()) {
            throw invalid("The metadata file is empty.");
        }
        if (xml.length() > MAX_CHARACTERS) {
            throw invalid("The metadata file has " + xml.length() + " characters; AWS accepts at most "
                    + MAX_CHARACTERS + ".");
        }
        Element root = parse(xml).getDocumentElement();
        if (!MD.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw invalid("This is not SAML metadata: the root element is not an EntityDescriptor.");
        }
        String entityId = root.getAttribute("entityID");
        if (!expectedEntityId.equals(entityId)) {
            throw invalid("The metadata's entityID '" + entityId + "' is not your Entra tenant ("
                    + expectedEntityId + ").");
        }
        NodeList idp = root.getElementsByTagNameNS(MD, "IDPSSODescriptor");
        if (idp.getLength() == 0) {
            throw invalid("The metadata describes no identity provider (IDPSSODescriptor missing).");
        }
        Element descriptor = (Element) idp.item(0);
        if (descriptor.getElementsByTagNameNS(MD, "SingleSignOnService").getLength() == 0) {
            throw invalid("The metadata has no SingleSignOnService URL.");
        }
        X509Certificate signing = null;
        NodeList keys = descriptor.getElementsByTagNameNS(MD, "KeyDescriptor");
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            if ("encryption".equals(key.getAttribute("use"))) {
                throw invalid("The metadata contains an encryption key; AWS does not accept encrypted assertions.");
            }
            NodeList certs = key.getElementsByTagNameNS(DS, "X509Certificate");
            if (signing == null && certs.getLength() > 0) {
                signing = certificate(certs.item(0).getTextContent());
            }
        }
        if (signing == null) {
            throw invalid("The metadata has no X.509 signing certificate.");
        }
        CertificateInfo info = SandboxCertificates.info(signing, "signing");
        if (info.expiredAt(now)) {
            throw invalid("The signing certificate in the metadata expired on " + info.notAfter() + ".");
        }
        return info;
    }

    private static X509Certificate certificate(String base64) {
        try {
            return SandboxCertificates.parseBase64Der(base64);
        } catch (CertificateException e) {
            throw invalid("The signing certificate in the metadata cannot be read.");
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(xml)));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw invalid("The metadata file is not well-formed XML.");
        }
    }

    private static CloudException invalid(String message) {
        return new CloudException(Problem.INVALID_INPUT, "AWS refused the IdP metadata: " + message, FIX);
    }
}
