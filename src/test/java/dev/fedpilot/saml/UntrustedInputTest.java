package dev.fedpilot.saml;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.saml.MetadataParseException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Deep nesting, files that are not files, UTF-16 without a mark, and signature wrapping (trust issue, item 3). */
class UntrustedInputTest {
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String ENTITY = "https://sts.windows.net/" + Corpus.TENANT + "/";
    static final String EVIL = "https://evil.example.com/idp";

    final SamlMetadataParser parser = new SamlMetadataParser();

    static String idp(String entityId, String prefix) {
        return "<" + prefix + "EntityDescriptor entityID=\"" + entityId + "\">"
                + "<" + prefix + "IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                + "<" + prefix + "SingleSignOnService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\""
                + " Location=\"" + (entityId.equals(EVIL) ? EVIL + "/sso" : Corpus.ENTRA_SSO) + "\"/>"
                + "</" + prefix + "IDPSSODescriptor></" + prefix + "EntityDescriptor>";
    }

    /** An EntityDescriptor whose Extensions hold {@code depth} nested elements. */
    static String nested(int depth) {
        StringBuilder xml = new StringBuilder("<md:EntityDescriptor xmlns:md=\"" + MD + "\" entityID=\"" + ENTITY
                + "\"><md:Extensions>");
        xml.append("<x>".repeat(depth)).append("</x>".repeat(depth));
        return xml.append("</md:Extensions></md:EntityDescriptor>").toString();
    }

    @Test
    void aHundredThousandLevelsAreRefusedByTheDepthCapInOneLine() {
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(nested(100_000)));
        assertEquals(Reason.TOO_DEEP, e.reason());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().contains(String.valueOf(SecureXml.MAX_ELEMENT_DEPTH)), e.getMessage());
        assertTrue(e.getCause().getMessage().contains(SecureXml.DEPTH_LIMIT_NAME), "the parser's own cap fired");
    }

    @Test
    void theCapFiresJustPastItsLimitWhereNothingCouldOverflowAndNotBelow() {
        int cap = SecureXml.MAX_ELEMENT_DEPTH;
        // EntityDescriptor + Extensions are two levels: cap - 2 nested elements reach the cap exactly.
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(nested(cap - 1)));
        assertEquals(Reason.TOO_DEEP, e.reason());
        assertEquals(Reason.NO_ROLE, assertThrows(MetadataParseException.class,
                () -> parser.parse(nested(cap - 2))).reason(), "at the cap the document is read (and has no role)");
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("metadata.xml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Path link = Files.createSymbolicLink(dir.resolve("link.xml"), fifo);
        for (Path p : List.of(fifo, link)) {
            // Opening a FIFO for reading blocks until a writer comes: a hang here means it was opened.
            MetadataParseException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> assertThrows(MetadataParseException.class, () -> parser.parse(p)));
            assertEquals(Reason.NOT_A_FILE, e.reason());
            assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        }
    }

    @Test
    void aDeviceIsRefused() {
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(Path.of("/dev/zero")));
        assertEquals(Reason.NOT_A_FILE, e.reason());
    }

    @Test
    void aLinkToARegularFileIsStillRead(@TempDir Path dir) throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("idp.xml"), Corpus.path("entra-idp.xml"));
        assertEquals(ENTITY, parser.parse(link).entityId());
    }

    @Test
    void utf16WithoutAByteOrderMarkIsNamedNotCalledBinary() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + idp(ENTITY, "");
        for (var charset : List.of(StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
            MetadataParseException e = assertThrows(MetadataParseException.class,
                    () -> parser.parse(xml.getBytes(charset)));
            assertEquals(Reason.UTF16_WITHOUT_BOM, e.reason(), charset.name());
            assertTrue(e.getMessage().contains("UTF-16") && e.getMessage().contains("byte-order mark"), e.getMessage());
            assertFalse(e.getMessage().contains("binary"), e.getMessage());
            assertTrue(e.fix().contains("UTF-8"), e.fix());
        }
        assertEquals(Reason.BINARY, assertThrows(MetadataParseException.class,
                () -> parser.parse(Corpus.bytes("binary.bin"))).reason(), "real binary is still binary");
    }

    @Test
    void anEntityHiddenInsideTheSignatureOfAnEntitiesDescriptorIsIgnored() {
        String xml = "<md:EntitiesDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\">"
                + "<ds:Signature><ds:Object>" + idp(EVIL, "md:") + "</ds:Object></ds:Signature>"
                + idp(ENTITY, "md:") + "</md:EntitiesDescriptor>";
        SamlMetadata m = parser.parse(xml);
        assertEquals(ENTITY, m.entityId());
        assertEquals(List.of(Corpus.ENTRA_SSO), m.ssoUrls());
        assertTrue(m.signed());
    }

    @Test
    void anEntityOnlyInsideForeignElementsIsNotFound() {
        String xml = "<md:EntitiesDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\">"
                + "<md:Extensions><wrap xmlns=\"urn:x\">" + idp(EVIL, "md:") + "</wrap></md:Extensions>"
                + "<ds:Signature><ds:Object>" + idp(EVIL, "md:") + "</ds:Object></ds:Signature>"
                + "</md:EntitiesDescriptor>";
        MetadataParseException e = assertThrows(MetadataParseException.class, () -> parser.parse(xml));
        assertEquals(Reason.NOT_ONE_ENTITY, e.reason());
    }

    @Test
    void theRootEntityIsDescribedNotOneInsideItsSignature() {
        String evilInside = idp(EVIL, "md:").replace("<md:EntityDescriptor entityID=\"" + EVIL + "\">", "")
                .replace("</md:EntityDescriptor>", "");
        String xml = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\" entityID=\"" + ENTITY + "\">"
                + "<ds:Signature><ds:Object>" + idp(EVIL, "md:") + evilInside + "</ds:Object></ds:Signature>"
                + idp(ENTITY, "md:").replace("<md:EntityDescriptor entityID=\"" + ENTITY + "\">", "")
                .replace("</md:EntityDescriptor>", "")
                + "</md:EntityDescriptor>";
        SamlMetadata m = parser.parse(xml);
        assertEquals(ENTITY, m.entityId());
        assertEquals(List.of(Corpus.ENTRA_SSO), m.ssoUrls());
    }

    @Test
    void signedMetadataGetsAFindingThatTheSignatureIsNotVerified() {
        String signed = "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\" entityID=\"" + ENTITY
                + "\"><ds:Signature><ds:SignedInfo/></ds:Signature>"
                + idp(ENTITY, "md:").replaceFirst("<md:EntityDescriptor[^>]*>", "").replace("</md:EntityDescriptor>", "")
                + "</md:EntityDescriptor>";
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        List<Finding> findings = MetadataChecks.check(parser.parse(signed), now, null);
        assertTrue(findings.stream().anyMatch(f -> f.code().equals("signature-not-verified")
                && f.message().contains("does not verify")), findings.toString());

        SamlMetadata unsigned = parser.parse(Corpus.path("aws-idc-sp.xml"));
        assertFalse(unsigned.signed());
        assertFalse(MetadataChecks.check(unsigned, now, null).stream()
                .anyMatch(f -> f.code().equals("signature-not-verified")));
    }
}
