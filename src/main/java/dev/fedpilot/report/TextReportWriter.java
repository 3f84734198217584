package dev.fedpilot.report;

import dev.fedpilot.report.ReportDocument.Banner;
import dev.fedpilot.report.ReportDocument.Block;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.text.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A writer that renders the laid-out report as one UTF-8 text. It walks the document once, in the same order for
 * every format; each format only says how a heading, the banner, a part and each kind of block is written.
 */
abstract class TextReportWriter implements ReportWriter {
    final Messages messages;
    private final ReportLayout layout;
    private final int expectedLength;

    TextReportWriter(Messages messages, int expectedLength) {
        this.messages = messages;
        this.layout = new ReportLayout(messages);
        this.expectedLength = expectedLength;
    }

    @Override
    public final void write(SetupReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
    }

    public final String render(SetupReport report) {
        ReportDocument doc = layout.document(report);
        StringBuilder out = new StringBuilder(expectedLength);
        heading(out, doc.title(), doc.subtitle());
        banner(out, doc.banner());
        for (Part part : doc.parts()) {
            partStart(out, part);
            for (Block block : part.blocks()) {
                if (block instanceof Facts f) {
                    facts(out, f);
                } else if (block instanceof Table t) {
                    table(out, t);
                } else if (block instanceof Findings f) {
                    findings(out, f);
                } else if (block instanceof Note n) {
                    note(out, n);
                }
            }
            partEnd(out, part);
        }
        footer(out, messages.get("report.footer", SetupReport.SCHEMA_VERSION));
        return out.toString();
    }

    abstract void heading(StringBuilder out, String title, String subtitle);

    abstract void banner(StringBuilder out, Banner banner);

    abstract void partStart(StringBuilder out, Part part);

    /** Closes a part; formats whose parts end where the next one starts write nothing. */
    void partEnd(StringBuilder out, Part part) {
    }

    abstract void facts(StringBuilder out, Facts facts);

    abstract void table(StringBuilder out, Table table);

    abstract void findings(StringBuilder out, Findings findings);

    abstract void note(StringBuilder out, Note note);

    abstract void footer(StringBuilder out, String line);
}
