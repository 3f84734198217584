package dev.fedpilot.report;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.report.SetupReport.Health;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.report.SetupReport.State;
import dev.fedpilot.text.Fact;

import java.util.List;

/**
 * A {@link SetupReport} laid out for reading: the status banner, then titled parts of facts, tables, findings
 * and notes, with every label already in the user's language. The HTML, PDF and Markdown writers and the Report
 * screen's preview all render this one layout, so they show the same content.
 */
public record ReportDocument(String title, String subtitle, Banner banner, List<Part> parts) {

    public ReportDocument {
        parts = List.copyOf(parts);
    }

    /** The status summary at the top. */
    public record Banner(Health health, String headline, String detail) {
    }

    /** One section of the report. */
    public record Part(Section section, String title, State state, String stateLabel, List<Block> blocks) {
        public Part {
            blocks = List.copyOf(blocks);
        }
    }

    /** What a part is made of. */
    public sealed interface Block permits Facts, Table, Findings, Note {
    }

    /** Label: value rows; code values (ids, URLs) are shown in monospace. */
    public record Facts(List<Fact> facts) implements Block {
        public Facts {
            facts = List.copyOf(facts);
        }
    }

    /** A table with a caption; {@code code} marks the columns shown in monospace. */
    public record Table(String caption, List<String> headers, List<List<String>> rows, List<Boolean> code)
            implements Block {
        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
            code = List.copyOf(code);
        }
    }

    /** Findings, each with its fix. */
    public record Findings(String fixLabel, List<Line> lines) implements Block {
        public Findings {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One finding as shown.
     *
     * @param severityLabel the severity in the user's language
     */
    public record Line(Finding.Severity severity, String severityLabel, String sectionTitle, String code, String message,
                       String fix) {
    }

    public record Note(String text) implements Block {
    }
}
