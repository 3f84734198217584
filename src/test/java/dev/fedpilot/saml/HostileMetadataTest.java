package dev.fedpilot.saml;

import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.saml.MetadataParseException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input that is broken or built to attack the parser must be refused with a message a user understands. */
class HostileMetadataTest {
    final SamlMetadataParser parser = new SamlMetadataParser();

    MetadataParseException refused(byte[] bytes) {
        return assertThrows(MetadataParseException.class, () -> parser.parse(bytes));
    }

    MetadataParseException refused(String corpusFile) {
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(Corpus.path(corpusFile)));
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.fix().isBlank(), "every refusal says what to do");
        assertFalse(e.getMessage().contains("\n"), "one line");
        return e;
    }

    @Test
    void billionLaughsIsRefusedForItsDoctype() {
        MetadataParseException e = refused("billion-laughs.xml");
        assertEquals(Reason.DOCTYPE, e.reason());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
    }

    @Test
    void externalEntityIsRefusedAndTheLocalFileIsNotRead() {
        MetadataParseException e = refused("xxe-passwd.xml");
        assertEquals(Reason.DOCTYPE, e.reason());
        assertTrue(e.getMessage().contains("DOCTYPE"));
        assertFalse(e.getMessage().contains("root:"), "no content of /etc/passwd");
        assertFalse(e.fix().contains("root:"));
    }

    @Test
    void theParserItselfRefusesDoctypesAndEntitiesEvenWithoutOurPreCheck() {
        String xxe = Corpus.text("xxe-passwd.xml");
        SAXParseException e = assertThrows(SAXParseException.class, () -> SecureXml.parse(xxe));
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        assertFalse(e.getMessage().contains("root:"));
        assertThrows(SAXParseException.class, () -> SecureXml.parse(Corpus.text("billion-laughs.xml")));
    }

    @Test
    void doctypeAfterACommentIsStillFound() {
        String sneaky = "<?xml version=\"1.0\"?>\n<!-- harmless -->\n" + Corpus.text("xxe-passwd.xml")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "");
        MetadataParseException e = refused(sneaky.getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.DOCTYPE, e.reason());
    }

    @Test
    void xincludeIsNotProcessed() {
        SamlMetadata m = parser.parse(Corpus.path("xinclude-passwd.xml"));
        assertEquals(java.util.List.of(), m.nameIdFormats(), "the include element stays an unprocessed element");
        assertFalse(m.toString().contains("root:"));
    }

    @Test
    void aHugeFileIsRefusedWithoutReadingItAll() {
        byte[] head = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"><!--".getBytes(StandardCharsets.UTF_8);
        InputStream endless = new InputStream() {
            int pos;
            long read;

            @Override
            public int read() {
                read++;
                if (read > 3L * SamlMetadataParser.MAX_BYTES) {
                    throw new AssertionError("the parser kept reading past its cap");
                }
                return pos < head.length ? head[pos++] : 'x';
            }
        };
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(endless));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertTrue(e.getMessage().contains("1,048,576"), e.getMessage());
    }

    @Test
    void aHugeFileOnDiskIsRefused(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.xml");
        String xml = Corpus.text("aws-idc-sp.xml").replace("<md:SPSSODescriptor",
                "<!--" + "x".repeat(SamlMetadataParser.MAX_BYTES) + "--><md:SPSSODescriptor");
        Files.writeString(big, xml);
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(big));
        assertEquals(Reason.TOO_LARGE, e.reason());
        assertThrows(MetadataParseException.class, () -> parser.parse(xml));
    }

    @Test
    void truncatedXmlSaysWhereItBroke() {
        MetadataParseException e = refused("truncated.xml");
        assertEquals(Reason.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith("The XML is incomplete or malformed (line "), e.getMessage());
        assertTrue(e.fix().contains("cut off"));
    }

    @Test
    void binaryInputIsRefused() {
        assertEquals(Reason.BINARY, refused("binary.bin").reason());
        assertEquals(Reason.BINARY, refused(new byte[]{(byte) 0xC3, 0x28, 'a', 'b'}).reason(), "invalid UTF-8");
        MetadataParseException zip = refused(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0});
        assertTrue(zip.fix().contains("Unzip"));
        assertTrue(refused("%PDF-1.7\n%\u00e2\u00e3".getBytes(StandardCharsets.ISO_8859_1)).getMessage().contains("PDF"));
    }

    @Test
    void emptyInputIsRefused() {
        assertEquals(Reason.EMPTY, refused("empty.xml").reason());
        assertEquals(Reason.EMPTY, refused(" \n\t".getBytes(StandardCharsets.UTF_8)).reason());
        assertEquals(Reason.EMPTY, refused(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'}).reason());
        assertEquals(Reason.EMPTY, assertThrows(MetadataParseException.class, () -> parser.parse("")).reason());
    }

    @Test
    void wrongRootElementIsNamed() {
        MetadataParseException html = refused("wrong-root.html");
        assertEquals(Reason.WRONG_ROOT, html.reason());
        assertTrue(html.getMessage().contains("<html>") && html.getMessage().contains("web page"), html.getMessage());
        MetadataParseException response = refused(("<samlp:Response xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""
                + " ID=\"_1\" Version=\"2.0\"/>").getBytes(StandardCharsets.UTF_8));
        assertTrue(response.getMessage().contains("<samlp:Response>"), response.getMessage());
    }

    @Test
    void wrongOrMissingNamespaceIsNamed() {
        MetadataParseException wrong = refused("wrong-namespace.xml");
        assertEquals(Reason.WRONG_NAMESPACE, wrong.reason());
        assertTrue(wrong.getMessage().contains("urn:oasis:names:tc:SAML:1.0:metadata"), wrong.getMessage());
        MetadataParseException none = refused("no-namespace.xml");
        assertEquals(Reason.WRONG_NAMESPACE, none.reason());
        assertTrue(none.getMessage().contains("no namespace"), none.getMessage());
    }

    @Test
    void textThatIsNotXmlIsRefused() {
        MetadataParseException url = refused(("https://login.microsoftonline.com/" + Corpus.TENANT
                + "/federationmetadata/2007-06/federationmetadata.xml").getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.NOT_XML, url.reason());
        assertTrue(url.getMessage().contains("web address"));
        assertEquals(Reason.NOT_XML, refused("-----BEGIN CERTIFICATE-----\nMIIC".getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void entitiesDescriptorMustHoldExactlyOneEntity() {
        String one = Corpus.text("entities-wrapper.xml");
        int start = one.indexOf("  <md:EntityDescriptor");
        int end = one.indexOf("</md:EntitiesDescriptor>");
        String entity = one.substring(start, end);
        MetadataParseException two = refused((one.substring(0, end) + entity + "</md:EntitiesDescriptor>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.NOT_ONE_ENTITY, two.reason());
        assertTrue(two.getMessage().contains("2 entities"), two.getMessage());
        MetadataParseException none = refused((one.substring(0, start) + "</md:EntitiesDescriptor>")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.NOT_ONE_ENTITY, none.reason());
    }

    @Test
    void entityWithoutIdpOrSpDescriptorIsRefused() {
        String xml = "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"urn:x\">"
                + "<Organization/></EntityDescriptor>";
        assertEquals(Reason.NO_ROLE, refused(xml.getBytes(StandardCharsets.UTF_8)).reason());
    }

    @Test
    void damagedCertificateIsRefusedWithItsPosition() {
        String xml = Corpus.text("aws-idc-sp.xml").replaceFirst("<ds:X509Certificate>MII", "<ds:X509Certificate>!!MII");
        MetadataParseException e = refused(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(Reason.BAD_CERTIFICATE, e.reason());
        assertTrue(e.getMessage().startsWith("Certificate 1 "), e.getMessage());
    }

    @Test
    void missingFileAndFolderAreUnreadable(@TempDir Path dir) {
        MetadataParseException missing = assertThrows(MetadataParseException.class, () -> parser.parse(dir.resolve("nope.xml")));
        assertEquals(Reason.UNREADABLE, missing.reason());
        assertTrue(missing.getMessage().contains("nope.xml"));
        assertEquals(Reason.UNREADABLE, assertThrows(MetadataParseException.class, () -> parser.parse(dir)).reason());
    }

    @Test
    void nothingIsPrintedToStderrOnAParseError() {
        java.io.PrintStream original = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThrows(MetadataParseException.class, () -> parser.parse(Corpus.bytes("truncated.xml")));
            assertThrows(MetadataParseException.class,
                    () -> parser.parse(new ByteArrayInputStream(Corpus.bytes("wrong-namespace.xml"))));
        } finally {
            System.setErr(original);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8), "the JDK's default error handler prints [Fatal Error]");
    }
}
