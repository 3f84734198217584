package dev.fedpilot.report;

import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Report screen without a toolkit: refresh, preview, and saving in each format. */
class ReportViewModelTest {
    @TempDir
    Path dir;
    private ReportFixture fixture;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private ReportViewModel model;

    @BeforeEach
    void setUp() {
        fixture = new ReportFixture(dir.resolve("exports")).complete();
        model = new ReportViewModel(fixture.builder(), new SameThreadTaskRunner(), dialogs, fixture.setup.messages);
    }

    @Test
    void nothingCanBeSavedBeforeTheFirstRefresh() {
        assertNull(model.documentProperty().get());
        assertFalse(model.canExportProperty().get());
        assertEquals("No report yet: press Refresh.", model.statusProperty().get());
        model.export(ReportFormat.HTML);
        assertTrue(dialogs.files.isEmpty() && dialogs.errors.isEmpty());
    }

    @Test
    void refreshBuildsTheReportWithProgressAndShowsIt() {
        List<Double> progress = new ArrayList<>();
        model.progressProperty().addListener((o, a, b) -> progress.add(b.doubleValue()));
        model.refresh();
        assertNotNull(model.reportProperty().get());
        ReportDocument doc = model.documentProperty().get();
        assertEquals("Set up and healthy", doc.banner().headline());
        assertEquals(9, doc.parts().size());
        assertFalse(model.busyProperty().get());
        assertTrue(model.canExportProperty().get());
        assertEquals("Report of 2027-03-01 09:00 UTC. Refresh (F5) reads both clouds again.", model.statusProperty().get());
        assertTrue(progress.size() >= ReportBuilder.Phase.values().length - 1, progress.toString());
        assertTrue(progress.stream().anyMatch(p -> p > 0.5 && p < 1), "progress moved through the phases: " + progress);
    }

    @Test
    void theReportIsSavedInEveryFormatToTheChosenFile() throws Exception {
        model.refresh();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = dir.resolve("report." + format.extension());
            dialogs.files.add(file);
            model.export(format);
            assertEquals(file, model.lastSavedProperty().get());
            assertTrue(Files.size(file) > 500, format + " was written");
            assertTrue(model.statusProperty().get().startsWith("Saved "), model.statusProperty().get());
        }
        assertTrue(Files.readString(dir.resolve("report.json")).contains("\"schemaVersion\" : 1"));
        assertTrue(Files.readString(dir.resolve("report.md")).startsWith("# FedPilot setup report"));
        assertTrue(new String(Files.readAllBytes(dir.resolve("report.pdf")), 0, 5).startsWith("%PDF"));
        assertTrue(dialogs.errors.isEmpty(), dialogs.errors.toString());
    }

    @Test
    void theFileNameGetsItsExtensionWhenTheChooserLeftItOff() {
        model.refresh();
        dialogs.files.add(dir.resolve("federation-report"));
        model.export(ReportFormat.PDF);
        assertEquals(dir.resolve("federation-report.pdf"), model.lastSavedProperty().get());
        assertTrue(Files.exists(dir.resolve("federation-report.pdf")));
    }

    @Test
    void closingTheFileChooserSavesNothing() {
        model.refresh();
        String before = model.statusProperty().get();
        model.export(ReportFormat.HTML);
        assertNull(model.lastSavedProperty().get());
        assertEquals(before, model.statusProperty().get());
    }

    @Test
    void aFolderThatDoesNotExistIsExplainedAndNothingIsWritten() {
        model.refresh();
        Path missing = dir.resolve("no-such-folder").resolve("report.html");
        dialogs.files.add(missing);
        model.export(ReportFormat.HTML);
        assertFalse(Files.exists(missing));
        assertEquals(1, dialogs.errors.size());
        assertTrue(dialogs.errors.get(0).contains("does not exist"), dialogs.errors.get(0));
        assertTrue(model.statusProperty().get().startsWith("Not saved"), model.statusProperty().get());
        assertFalse(model.busyProperty().get());
    }

    @Test
    void refreshSeesChangesInTheClouds() {
        model.refresh();
        assertEquals(ProvisioningJob.Status.ACTIVE, model.reportProperty().get().provisioning().status());
        fixture.setup.world.console().scimTokens().forEach(t -> fixture.setup.world.console().deleteScimToken(t.id()));
        fixture.setup.world.runProvisioningCycle();
        model.refresh();
        assertEquals(ProvisioningJob.Status.QUARANTINE, model.reportProperty().get().provisioning().status());
        assertEquals("Needs fixing", model.documentProperty().get().banner().headline());
    }
}
