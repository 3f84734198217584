package dev.fedpilot.saml;

import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.StringReader;

/** A DOM parser for untrusted XML: no DTD, no entities, no XInclude, nothing fetched from anywhere. */
final class SecureXml {
    /**
     * Deepest element nesting accepted. Real metadata is about ten levels deep (a signature adds a few); the
     * parser enforces the cap itself, so a 100,000-level document fails here instead of overflowing the stack
     * of whatever walks the tree later.
     */
    static final int MAX_ELEMENT_DEPTH = 256;
    static final String DEPTH_LIMIT_PROPERTY = "jdk.xml.maxElementDepth";
    /** The JDK's error text names the limit this way ("... exceeds the limit "256" set by "maxElementDepth"). */
    static final String DEPTH_LIMIT_NAME = "maxElementDepth";

    private SecureXml() {
    }

    static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setAttribute(DEPTH_LIMIT_PROPERTY, String.valueOf(MAX_ELEMENT_DEPTH));
            DocumentBuilder builder = f.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" lines to stderr; the caller reports errors itself.
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused: " + systemId);
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("this JDK's XML parser cannot be hardened", e);
        }
    }

    /** True when the parser stopped because the document is nested deeper than {@link #MAX_ELEMENT_DEPTH}. */
    static boolean isDepthLimit(SAXException e) {
        return String.valueOf(e.getMessage()).contains(DEPTH_LIMIT_NAME);
    }

    static Document parse(String xml) throws SAXException {
        try {
            return newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory failed", e);
        }
    }
}
