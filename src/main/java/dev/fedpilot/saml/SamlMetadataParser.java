package dev.fedpilot.saml;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.saml.MetadataParseException.Reason;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads SAML 2.0 metadata (an {@code EntityDescriptor}, or an {@code EntitiesDescriptor} holding one) from a
 * file, a stream or pasted text, with a parser hardened against hostile XML. The signature is not verified
 * (a finding says so when there is one): the file's origin is what vouches for it, and AWS and Entra check
 * what matters on upload.
 */
public final class SamlMetadataParser {
    /** FedPilot's hard limit; real metadata is a few kilobytes, and AWS accepts at most 75,000 characters. */
    public static final int MAX_BYTES = 1024 * 1024;
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    public SamlMetadata parse(Path file) {
        Path real = regularFile(file);
        // NOFOLLOW: the path checked above is the one opened; a link put there since is not followed.
        try (InputStream in = Files.newInputStream(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return parse(in);
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(Reason.UNREADABLE, "There is no file " + file + ".",
                    "Check the path and the file name.", e);
        } catch (AccessDeniedException e) {
            throw new MetadataParseException(Reason.UNREADABLE, "FedPilot may not read " + file + ".",
                    "Check the file's permissions, or copy it somewhere you can read.", e);
        } catch (IOException e) {
            throw new MetadataParseException(Reason.UNREADABLE, "Could not read " + file + ".",
                    "Check the file is still there and readable.", e);
        }
    }

    /**
     * Resolves links and refuses anything but a regular file before opening it: opening a FIFO blocks until
     * someone writes to it, and a device or socket never ends.
     */
    private static Path regularFile(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new MetadataParseException(Reason.UNREADABLE, "There is no file " + file + ".",
                    "Check the path and the file name.", e);
        } catch (IOException e) {
            throw new MetadataParseException(Reason.UNREADABLE, "Could not read " + file + ".",
                    "Check the file is still there and readable.", e);
        }
        if (Files.isDirectory(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new MetadataParseException(Reason.UNREADABLE, file + " is a folder, not a file.",
                    "Choose the metadata .xml file.");
        }
        if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
            throw new MetadataParseException(Reason.NOT_A_FILE, file + " is not a regular file (it is a device, a "
                    + "named pipe or a socket), so FedPilot does not open it.", "Choose the metadata .xml file.");
        }
        return real;
    }

    /** Reads at most {@link #MAX_BYTES} (+1 to notice more) from {@code in}; does not close it. */
    public SamlMetadata parse(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return parse(bytes);
    }

    public SamlMetadata parse(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw tooLarge();
        }
        return parseText(MetadataText.decode(bytes));
    }

    /** For metadata pasted as text. */
    public SamlMetadata parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw tooLarge();
        }
        return parseText(text);
    }

    private SamlMetadata parseText(String text) {
        String xml = MetadataText.checkText(text);
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (SAXParseException e) {
            if (SecureXml.isDepthLimit(e)) {
                throw tooDeep(e);
            }
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw MetadataText.doctype();
            }
            throw new MetadataParseException(Reason.MALFORMED, String.format(Locale.ROOT,
                    "The XML is incomplete or malformed (line %d, column %d: %s)",
                    e.getLineNumber(), e.getColumnNumber(), e.getMessage()),
                    "The download may have been cut off. " + MetadataText.DOWNLOAD_AGAIN, e);
        } catch (SAXException e) {
            if (SecureXml.isDepthLimit(e)) {
                throw tooDeep(e);
            }
            throw new MetadataParseException(Reason.MALFORMED, "The XML could not be read: " + e.getMessage(),
                    MetadataText.DOWNLOAD_AGAIN, e);
        }
        Element root = doc.getDocumentElement();
        Element entity = entity(root);
        boolean signed = isSigned(root) || isSigned(entity);
        return read(entity, xml.codePointCount(0, xml.length())).withSigned(signed);
    }

    private static Element entity(Element root) {
        String name = root.getLocalName();
        boolean samlName = "EntityDescriptor".equals(name) || "EntitiesDescriptor".equals(name);
        if (!samlName) {
            String hint = "html".equalsIgnoreCase(name) ? " This is a web page (perhaps a sign-in page), not metadata." : "";
            throw new MetadataParseException(Reason.WRONG_ROOT,
                    "The document starts with <" + root.getTagName() + ">, but SAML metadata starts with <EntityDescriptor>."
                            + hint, MetadataText.DOWNLOAD_AGAIN);
        }
        if (!MD.equals(root.getNamespaceURI())) {
            String actual = root.getNamespaceURI() == null ? "no namespace" : "namespace " + root.getNamespaceURI();
            throw new MetadataParseException(Reason.WRONG_NAMESPACE,
                    "The <" + name + "> element is in " + actual + ", but SAML 2.0 metadata uses namespace " + MD + ".",
                    MetadataText.DOWNLOAD_AGAIN);
        }
        if ("EntityDescriptor".equals(name)) {
            return root;
        }
        // Only direct children count: an EntityDescriptor inside ds:Signature, Extensions or any other element
        // is not what the file describes (signature wrapping hides one there).
        List<Element> entities = children(root, "EntityDescriptor");
        if (entities.size() != 1) {
            throw new MetadataParseException(Reason.NOT_ONE_ENTITY, entities.isEmpty()
                    ? "The <EntitiesDescriptor> contains no <EntityDescriptor>."
                    : "The file describes " + entities.size() + " entities; FedPilot needs the metadata of exactly one.",
                    "Download the metadata of this one application instead of a federation-wide file.");
        }
        return entities.get(0);
    }

    /** A ds:Signature directly inside the element signs it (SAML metadata puts it first, but any position counts). */
    private static boolean isSigned(Element element) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static SamlMetadata read(Element entity, int characterCount) {
        Element idp = firstChild(entity, "IDPSSODescriptor");
        Element role = idp != null ? idp : firstChild(entity, "SPSSODescriptor");
        if (role == null) {
            throw new MetadataParseException(Reason.NO_ROLE,
                    "The metadata describes neither a SAML identity provider (IDPSSODescriptor) nor a service "
                            + "provider (SPSSODescriptor).", MetadataText.DOWNLOAD_AGAIN);
        }
        List<String> acs = locations(role, "AssertionConsumerService");
        List<String> sso = locations(role, "SingleSignOnService");
        return SamlMetadata.describe(idp != null, entity.getAttribute("entityID"), acs, sso,
                texts(role, "NameIDFormat"), certificates(role), characterCount);
    }

    private static List<CertificateInfo> certificates(Element role) {
        List<CertificateInfo> result = new ArrayList<>();
        for (Element key : children(role, "KeyDescriptor")) {
            String use = key.getAttribute("use").strip().toLowerCase(Locale.ROOT);
            NodeList certs = key.getElementsByTagNameNS(DSIG, "X509Certificate");
            for (int i = 0; i < certs.getLength(); i++) {
                result.add(CertificateReader.read(certs.item(i).getTextContent(), use.isEmpty() ? "unspecified" : use,
                        result.size() + 1));
            }
        }
        return result;
    }

    private static List<String> locations(Element role, String name) {
        Set<String> urls = new LinkedHashSet<>();
        for (Element e : children(role, name)) {
            String location = e.getAttribute("Location").strip();
            if (!location.isEmpty()) {
                urls.add(location);
            }
        }
        return List.copyOf(urls);
    }

    private static List<String> texts(Element role, String name) {
        Set<String> values = new LinkedHashSet<>();
        for (Element e : children(role, name)) {
            String text = e.getTextContent().strip();
            if (!text.isEmpty()) {
                values.add(text);
            }
        }
        return List.copyOf(values);
    }

    private static Element firstChild(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && MD.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                result.add(e);
            }
        }
        return result;
    }

    private static MetadataParseException tooDeep(SAXException e) {
        return new MetadataParseException(Reason.TOO_DEEP, String.format(Locale.ROOT,
                "The XML is nested more than %d elements deep; SAML metadata is about ten deep, so this is not a "
                        + "metadata file (it may be built to crash XML readers).", SecureXml.MAX_ELEMENT_DEPTH),
                MetadataText.DOWNLOAD_AGAIN, e);
    }

    private static MetadataParseException tooLarge() {
        return new MetadataParseException(Reason.TOO_LARGE, String.format(Locale.ROOT,
                "The file is larger than %,d bytes; SAML metadata is a few kilobytes, so this is not the metadata file.",
                MAX_BYTES), MetadataText.DOWNLOAD_AGAIN);
    }
}
