package dev.fedpilot.report;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a report in one format. Writers never close {@code out}. */
public interface ReportWriter {

    void write(SetupReport report, OutputStream out) throws IOException;
}
