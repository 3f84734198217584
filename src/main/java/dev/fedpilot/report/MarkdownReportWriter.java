package dev.fedpilot.report;

import dev.fedpilot.report.ReportDocument.Block;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Line;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.ui.Fact;
import dev.fedpilot.ui.Messages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The report as GitHub-flavoured Markdown: headings, pipe tables and a findings list, for tickets and wikis. */
public final class MarkdownReportWriter implements ReportWriter {
    private final ReportLayout layout;
    private final Messages messages;

    public MarkdownReportWriter(Messages messages) {
        this.messages = messages;
        this.layout = new ReportLayout(messages);
    }

    @Override
    public void write(SetupReport report, OutputStream out) throws IOException {
        out.write(render(report).getBytes(StandardCharsets.UTF_8));
    }

    public String render(SetupReport report) {
        ReportDocument doc = layout.document(report);
        StringBuilder md = new StringBuilder(8_192);
        md.append("# ").append(text(doc.title())).append("\n\n").append(text(doc.subtitle())).append("\n\n");
        md.append("## ").append(text(messages.get("report.status"))).append("\n\n**")
                .append(text(doc.banner().headline())).append("**  \n").append(text(doc.banner().detail())).append("\n\n");
        for (Part part : doc.parts()) {
            md.append("## ").append(text(part.title())).append(" (").append(text(part.stateLabel())).append(")\n\n");
            for (Block block : part.blocks()) {
                block(md, block);
            }
        }
        md.append("---\n\n").append(text(messages.get("report.footer", SetupReport.SCHEMA_VERSION))).append('\n');
        return md.toString();
    }

    private void block(StringBuilder md, Block block) {
        if (block instanceof Facts f) {
            List<List<String>> rows = new ArrayList<>();
            List<Fact> facts = f.facts();
            facts.forEach(fact -> rows.add(List.of(cell(fact.label(), false), cell(fact.value(), fact.code()))));
            table(md, List.of(messages.get("report.col.field"), messages.get("report.col.value")), rows);
        } else if (block instanceof Table t) {
            if (t.caption() != null) {
                md.append("### ").append(text(t.caption())).append("\n\n");
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row : t.rows()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.size(); i++) {
                    cells.add(cell(row.get(i), t.code().get(i)));
                }
                rows.add(cells);
            }
            table(md, t.headers(), rows);
        } else if (block instanceof Findings f) {
            for (Line l : f.lines()) {
                md.append("- **").append(text(l.severityLabel())).append("** (").append(text(l.sectionTitle()))
                        .append("): ").append(text(l.message())).append('\n');
                if (l.fix() != null && !l.fix().isBlank()) {
                    md.append("  *").append(text(f.fixLabel())).append(":* ").append(text(l.fix())).append('\n');
                }
            }
            md.append('\n');
        } else if (block instanceof Note n) {
            md.append("_").append(text(n.text())).append("_\n\n");
        }
    }

    private static void table(StringBuilder md, List<String> headers, List<List<String>> rows) {
        md.append('|');
        headers.forEach(h -> md.append(' ').append(cell(h, false)).append(" |"));
        md.append("\n|");
        headers.forEach(h -> md.append(" --- |"));
        md.append('\n');
        for (List<String> row : rows) {
            md.append('|');
            row.forEach(c -> md.append(' ').append(c).append(" |"));
            md.append('\n');
        }
        md.append('\n');
    }

    /** A table cell: one line, pipes escaped; code in a backtick span long enough for the value's backticks. */
    private static String cell(String value, boolean code) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String line = value.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
        if (code) {
            String ticks = line.contains("`") ? "``" : "`";
            return ticks + (ticks.length() > 1 ? " " : "") + line.replace("|", "\\|")
                    + (ticks.length() > 1 ? " " : "") + ticks;
        }
        return text(line);
    }

    /** Plain text with Markdown's special characters escaped, so names cannot turn into markup or links. */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.replaceAll("[\\r\\n]+", " ").toCharArray()) {
            if ("\\`*_[]<>|~".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
