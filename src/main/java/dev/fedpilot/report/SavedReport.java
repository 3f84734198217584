package dev.fedpilot.report;

import com.fasterxml.jackson.core.JacksonException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a report saved as JSON back, so that an archived report can be rendered again as HTML, PDF or Markdown
 * with the findings worded as they were when it was built. Reads every schema version up to
 * {@link SetupReport#SCHEMA_VERSION}; files written before the version field existed read as version 1.
 */
public final class SavedReport {
    private SavedReport() {
    }

    /** A file that is not a saved report this FedPilot can read; the message says why in one sentence. */
    public static final class Unreadable extends IOException {
        Unreadable(String message) {
            super(message);
        }
    }

    public static SetupReport read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new Unreadable("There is no file " + file + ".");
        }
    }

    static SetupReport read(InputStream in, String name) throws IOException {
        SetupReport report;
        try {
            report = ReportJson.MAPPER.readValue(in, SetupReport.class);
        } catch (JacksonException e) {
            throw new Unreadable(name + " is not a FedPilot JSON report (" + e.getOriginalMessage() + ").");
        }
        if (report == null || report.generatedAt() == null || report.summary() == null) {
            throw new Unreadable(name + " is not a FedPilot JSON report: it has no generatedAt or summary.");
        }
        if (report.schemaVersion() > SetupReport.SCHEMA_VERSION) {
            throw new Unreadable(name + " was written by a newer FedPilot (report schema version "
                    + report.schemaVersion() + "); this one reads up to version " + SetupReport.SCHEMA_VERSION
                    + ". Update FedPilot to render it.");
        }
        if (report.schemaVersion() < 1) {
            // written before the version field existed: the same shape as version 1
            return new SetupReport(1, report.generatedAt(), report.summary(), report.steps(), report.tenant(),
                    report.app(), report.instance(), report.saml(), report.scim(), report.provisioning(),
                    report.groups(), report.users(), report.findings(), report.timeline());
        }
        return report;
    }
}
