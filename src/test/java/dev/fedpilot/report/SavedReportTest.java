package dev.fedpilot.report;

import dev.fedpilot.text.Messages;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reports saved as JSON (what auditors archive) read back and render again, including files from older versions. */
class SavedReportTest {
    /** The JSON FedPilot wrote for {@link ReportSamples#hostile()} before the report model used enums. */
    private static final String SAVED = "/dev/fedpilot/report/saved-report-v1.json";
    private final Messages messages = Messages.english();

    @TempDir
    Path dir;

    private static String saved() throws IOException {
        try (InputStream in = SavedReportTest.class.getResourceAsStream(SAVED)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SetupReport read(String json) throws IOException {
        return SavedReport.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "saved.json");
    }

    private String render(SetupReport report, ReportFormat format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer(messages).write(report, out);
        if (format != ReportFormat.PDF) {
            return out.toString(StandardCharsets.UTF_8);
        }
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void theJsonShapeAndValuesStayAsTheyWere() throws IOException {
        assertEquals(saved(), new JsonReportWriter().render(ReportSamples.hostile()),
                "field names, order and enum values of the JSON report are pinned");
    }

    @Test
    void aSavedReportReadsBackToTheSameReport() throws IOException {
        assertEquals(ReportSamples.hostile(), read(saved()));
    }

    @Test
    void aSavedReportRendersInEveryFormatWithItsFindingsAsWorded() throws IOException {
        SetupReport report = SavedReport.read(write("saved.json", saved()));
        for (ReportFormat format : new ReportFormat[]{ReportFormat.HTML, ReportFormat.MARKDOWN, ReportFormat.PDF}) {
            String text = render(report, format).replaceAll("\\s+", " ");
            assertTrue(text.contains("is assigned in Entra but has no group in AWS yet."), format + ": " + text);
            assertTrue(text.contains("d-9067a3c1f2"), format + " names the identity store");
        }
    }

    @Test
    void namesInFourScriptsSurviveTheJsonAndShowInEveryFormat() throws IOException {
        SetupReport report = read(new JsonReportWriter().render(ReportSamples.names()));
        assertEquals(ReportSamples.names(), report);
        for (ReportFormat format : new ReportFormat[]{ReportFormat.HTML, ReportFormat.MARKDOWN, ReportFormat.PDF}) {
            // HTML escapes the apostrophe, which a browser shows as one
            String text = render(report, format).replace("&#39;", "'");
            for (String name : ReportSamples.NAMES) {
                assertTrue(text.contains(name), format + " shows " + name);
            }
        }
    }

    @Test
    void aFileFromBeforeTheVersionFieldStillRenders() throws IOException {
        String older = saved().replaceFirst("\"schemaVersion\" : 1,\\s*", "");
        assertTrue(!older.contains("schemaVersion"));
        SetupReport report = read(older);
        assertEquals(1, report.schemaVersion());
        assertTrue(render(report, ReportFormat.MARKDOWN).contains("no group in AWS yet"));
    }

    @Test
    void aFileWithoutSomeListsRendersThemEmpty() throws IOException {
        SetupReport report = read("{\"generatedAt\":\"2027-03-01T09:00:00Z\",\"summary\":{\"health\":\"incomplete\","
                + "\"stepsDone\":1,\"stepsTotal\":9,\"errors\":0,\"warnings\":0,\"infos\":0}}");
        assertTrue(report.findings().isEmpty() && report.timeline().isEmpty());
        assertTrue(render(report, ReportFormat.HTML).contains("<html"));
    }

    @Test
    void aNewerVersionAnotherFileAndAMissingFileAreRefusedInWords() throws IOException {
        String newer = saved().replaceFirst("\"schemaVersion\" : 1", "\"schemaVersion\" : 7");
        assertTrue(assertThrows(SavedReport.Unreadable.class, () -> read(newer)).getMessage()
                .contains("newer FedPilot (report schema version 7)"));
        assertTrue(assertThrows(SavedReport.Unreadable.class, () -> read("<html></html>")).getMessage()
                .contains("is not a FedPilot JSON report"));
        assertTrue(assertThrows(SavedReport.Unreadable.class, () -> read("{\"schemaVersion\":1}")).getMessage()
                .contains("no generatedAt or summary"));
        String badEnum = saved().replaceFirst("\"severity\" : \"warning\"", "\"severity\" : \"fatal\"");
        assertTrue(assertThrows(SavedReport.Unreadable.class, () -> read(badEnum)).getMessage().contains("fatal"));
        assertThrows(SavedReport.Unreadable.class, () -> SavedReport.read(dir.resolve("missing.json")));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
