package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.app.CliCloudRequest;
import dev.fedpilot.app.CliSession;
import dev.fedpilot.app.Services;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.MemoryStateStore;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot report}: files in each format, and exit codes 0 written, 1 failed, 2 bad usage. */
class ReportCommandTest {
    @TempDir
    Path home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(ServicesFactory factory, String... args) {
        return FedPilotCommand.run(args, factory, request -> {
            throw new AssertionError("no window for a report");
        }, new PrintWriter(out), new PrintWriter(err));
    }

    private int run(String... args) {
        return run(new ServicesFactory(home), args);
    }

    /** The sandbox services over a setup the wizard completed, as the window would leave them. */
    private ServicesFactory setUp(ReportFixture fixture) {
        SandboxWorld w = fixture.setup.world;
        return new ServicesFactory(home) {
            @Override
            public Services forCli(boolean sandbox) {
                if (!sandbox) {
                    return super.forCli(false);
                }
                return new Services(Services.Mode.SANDBOX, w.entraTenant(), w.identityCenter(), w.scimProbe(),
                        new SimulatedAwsConsole(w.console()), fixture.setup.store, new MemoryStateStore(),
                        fixture.setup.audit, fixture.setup.clock, () -> { });
            }
        };
    }

    private void assertOneErrorLine() {
        String text = err.toString();
        assertEquals(1, text.strip().lines().count(), text);
        assertFalse(text.contains("\tat "), "no stack trace: " + text);
    }

    @Test
    void eachFormatIsWrittenWithTheSetupsValuesAndExitsZero() throws Exception {
        ReportFixture fixture = new ReportFixture(home.resolve("exports")).complete();
        ServicesFactory factory = setUp(fixture);
        String arn = fixture.setup.world.console().instance().instanceArn();
        for (String format : new String[]{"html", "pdf", "md", "json"}) {
            Path file = home.resolve("report." + format);
            assertEquals(0, run(factory, "report", "--format", format, "--out", file.toString(), "--sandbox"),
                    err.toString());
            String text = format.equals("pdf") ? pdfText(file) : Files.readString(file);
            assertTrue(text.replaceAll("\\s", "").contains(arn), format + " names the instance");
        }
        JsonNode json = new ObjectMapper().readTree(home.resolve("report.json").toFile());
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("healthy", json.at("/summary/health").asText());
        assertTrue(Files.readString(home.resolve("report.html")).contains("id=\"summary\""));
        assertTrue(Files.readString(home.resolve("report.md")).startsWith("# FedPilot setup report"));
        assertTrue(out.toString().contains("Wrote " + home.resolve("report.json")), out.toString());
        assertEquals("", err.toString());
    }

    private static String pdfText(Path file) throws Exception {
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void aFreshSandboxIsReportedAsNotSetUpYet() throws Exception {
        Path file = home.resolve("fresh.md");
        assertEquals(0, run("--sandbox", "report", "-f", "markdown", "-o", file.toString()), err.toString());
        String md = Files.readString(file);
        assertTrue(md.contains("**Not set up yet**"), md);
        assertTrue(md.contains("## SCIM endpoint and token (not set up yet)"), md);
    }

    @Test
    void anUnknownFormatIsBadUsageAndWritesNothing() {
        Path file = home.resolve("report.xml");
        assertEquals(2, run("report", "--format", "xml", "--out", file.toString(), "--sandbox"));
        assertOneErrorLine();
        assertTrue(err.toString().contains("Unknown format 'xml' for --format; use html, pdf, md or json."),
                err.toString());
        assertFalse(Files.exists(file));
    }

    @Test
    void aFolderThatDoesNotExistIsBadUsage() {
        Path file = home.resolve("missing").resolve("report.html");
        assertEquals(2, run("report", "--format", "html", "--out", file.toString(), "--sandbox"));
        assertOneErrorLine();
        assertTrue(err.toString().contains("does not exist"), err.toString());
    }

    @Test
    void aFolderGivenAsTheFileIsBadUsage() {
        assertEquals(2, run("report", "--format", "html", "--out", home.toString(), "--sandbox"));
        assertOneErrorLine();
        assertTrue(err.toString().contains("is a folder"), err.toString());
    }

    @Test
    void withoutOutIsBadUsage() {
        assertEquals(2, run("report", "--format", "json", "--sandbox"));
        assertTrue(err.toString().contains("--out"), err.toString());
        assertFalse(err.toString().contains("\tat "));
    }

    /** A factory that fails the test if the command reads a cloud. */
    private ServicesFactory noClouds() {
        return new ServicesFactory(home) {
            @Override
            public Services forCli(boolean sandbox) {
                throw new AssertionError("--from renders the saved report without reading the clouds");
            }

            @Override
            public CliSession forCli(CliCloudRequest request) {
                throw new AssertionError("--from renders the saved report without reading the clouds");
            }
        };
    }

    @Test
    void aSavedJsonReportRendersAgainInEachFormatWithoutTheClouds() throws Exception {
        ReportFixture fixture = new ReportFixture(home.resolve("exports")).complete();
        Path saved = home.resolve("saved.json");
        assertEquals(0, run(setUp(fixture), "report", "-f", "json", "-o", saved.toString(), "--sandbox"), err.toString());
        String arn = fixture.setup.world.console().instance().instanceArn();
        for (String format : new String[]{"html", "pdf", "md"}) {
            Path file = home.resolve("again." + format);
            assertEquals(0, run(noClouds(), "report", "--from", saved.toString(), "--format", format,
                    "--out", file.toString()), err.toString());
            String text = format.equals("pdf") ? pdfText(file) : Files.readString(file);
            assertTrue(text.replaceAll("\\s", "").contains(arn), format + " names the instance");
        }
        assertTrue(out.toString().contains("Wrote " + home.resolve("again.md") + " from the report of "), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void aSavedFileThatIsNotAReportIsBadUsage() throws Exception {
        Path notReport = Files.writeString(home.resolve("notes.json"), "[1, 2, 3]");
        Path file = home.resolve("out.pdf");
        assertEquals(2, run(noClouds(), "report", "--from", notReport.toString(), "-f", "pdf", "-o", file.toString()));
        assertOneErrorLine();
        assertTrue(err.toString().contains("is not a FedPilot JSON report"), err.toString());
        assertFalse(Files.exists(file));
    }
}
