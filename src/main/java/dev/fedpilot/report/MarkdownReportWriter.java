package dev.fedpilot.report;

import dev.fedpilot.report.ReportDocument.Banner;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Line;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.text.Fact;
import dev.fedpilot.text.Messages;

import java.util.ArrayList;
import java.util.List;

/** The report as GitHub-flavoured Markdown: headings, pipe tables and a findings list, for tickets and wikis. */
public final class MarkdownReportWriter extends TextReportWriter {
    public MarkdownReportWriter(Messages messages) {
        super(messages, 8_192);
    }

    @Override
    void heading(StringBuilder md, String title, String subtitle) {
        md.append("# ").append(text(title)).append("\n\n").append(text(subtitle)).append("\n\n");
    }

    @Override
    void banner(StringBuilder md, Banner banner) {
        md.append("## ").append(text(messages.get("report.status"))).append("\n\n**")
                .append(text(banner.headline())).append("**  \n").append(text(banner.detail())).append("\n\n");
    }

    @Override
    void partStart(StringBuilder md, Part part) {
        md.append("## ").append(text(part.title())).append(" (").append(text(part.stateLabel())).append(")\n\n");
    }

    @Override
    void facts(StringBuilder md, Facts f) {
        List<List<String>> rows = new ArrayList<>();
        List<Fact> facts = f.facts();
        facts.forEach(fact -> rows.add(List.of(cell(fact.label(), false), cell(fact.value(), fact.code()))));
        table(md, List.of(messages.get("report.col.field"), messages.get("report.col.value")), rows);
    }

    @Override
    void table(StringBuilder md, Table t) {
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
    }

    @Override
    void findings(StringBuilder md, Findings f) {
        for (Line l : f.lines()) {
            md.append("- **").append(text(l.severityLabel())).append("** (").append(text(l.sectionTitle()))
                    .append("): ").append(text(l.message())).append('\n');
            if (l.fix() != null && !l.fix().isBlank()) {
                md.append("  *").append(text(f.fixLabel())).append(":* ").append(text(l.fix())).append('\n');
            }
        }
        md.append('\n');
    }

    @Override
    void note(StringBuilder md, Note n) {
        md.append("_").append(text(n.text())).append("_\n\n");
    }

    @Override
    void footer(StringBuilder md, String line) {
        md.append("---\n\n").append(text(line)).append('\n');
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
