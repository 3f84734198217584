package dev.fedpilot.report;

import dev.fedpilot.domain.SetupState;
import dev.fedpilot.text.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PDF export read back with PDFBox: headings, values, page numbers, bookmarks, and text the font lacks. */
class PdfReportWriterTest {
    @TempDir
    static Path exports;
    private static ReportFixture fixture;
    private static byte[] pdf;
    private static String text;

    @BeforeAll
    static void write() throws Exception {
        fixture = new ReportFixture(exports).withFindings();
        pdf = render(fixture.builder().build());
        text = extract(pdf);
    }

    static byte[] render(SetupReport report) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PdfReportWriter(Messages.english()).write(report, out);
        return out.toByteArray();
    }

    static String extract(byte[] bytes) throws Exception {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Long ids and URLs wrap inside table cells, so compare without whitespace. */
    private static boolean containsValue(String haystack, String value) {
        return haystack.replaceAll("\\s", "").contains(value.replaceAll("\\s", ""));
    }

    @Test
    void theTitleStatusAndEverySectionHeadingAreThere() {
        for (String heading : List.of("FedPilot setup report", "Needs fixing", "Findings", "Setup progress",
                "Microsoft Entra ID", "AWS IAM Identity Center", "SAML single sign-on", "SCIM endpoint and token",
                "Provisioning", "Assigned groups and users", "Timeline")) {
            assertTrue(text.contains(heading), heading + " in\n" + text);
        }
        assertTrue(text.indexOf("Needs fixing") < text.indexOf("Setup progress"), "the status comes first");
    }

    @Test
    void theValuesOfTheSetupAreInTheText() {
        SetupState saved = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        for (String value : List.of(saved.instance().instanceArn(), saved.instance().identityStoreId(),
                saved.signingCertificate().sha256(), saved.jobId(), saved.scimEndpoint(), saved.app().appId(),
                "https://sts.windows.net/" + saved.tenant().tenantId() + "/", "AWS-Pilot-Users")) {
            assertTrue(containsValue(text, value), value);
        }
        assertTrue(text.contains("Fix: "), "findings carry their fix");
    }

    @Test
    void pagesAreNumberedAndSectionsBookmarked() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            assertTrue(pages >= 2, "pages: " + pages);
            assertTrue(text.contains("Page 1 of " + pages));
            assertTrue(text.contains("Page " + pages + " of " + pages));
            List<String> bookmarks = new ArrayList<>();
            for (PDOutlineItem item : doc.getDocumentCatalog().getDocumentOutline().children()) {
                bookmarks.add(item.getTitle());
            }
            assertEquals(List.of("FedPilot setup report", "Findings", "Setup progress", "Microsoft Entra ID",
                    "AWS IAM Identity Center", "SAML single sign-on", "SCIM endpoint and token", "Provisioning",
                    "Assigned groups and users", "Timeline"), bookmarks);
            assertEquals("FedPilot setup report", doc.getDocumentInformation().getTitle());
        }
    }

    @Test
    void symbolsAndOtherScriptsAreDrawnAsThemselves() throws Exception {
        String hostile = extract(render(ReportSamples.hostile()));
        assertTrue(hostile.contains("Zoë → ✓ 日本 "), "arrows, ticks and CJK from the installed fonts: " + hostile);
        assertTrue(hostile.contains("😀") || hostile.contains("[U+1F600]"), "the emoji, or its code: " + hostile);
        assertTrue(containsValue(hostile, ReportSamples.HOSTILE_GROUP), "markup is just text in a PDF");
        assertTrue(hostile.contains("AWS metadata → Entra"), "the step titles' arrows too");
    }
}
