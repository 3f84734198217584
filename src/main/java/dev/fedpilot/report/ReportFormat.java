package dev.fedpilot.report;

import dev.fedpilot.text.Messages;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The formats a report can be written in. */
public enum ReportFormat {
    HTML("html", "html"), PDF("pdf", "pdf"), MARKDOWN("md", "md"), JSON("json", "json");

    private final String id;
    private final String extension;

    ReportFormat(String id, String extension) {
        this.id = id;
        this.extension = extension;
    }

    /** The name on the command line: html, pdf, md or json. */
    public String id() {
        return id;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    public ReportWriter writer(Messages messages) {
        return switch (this) {
            case HTML -> new HtmlReportWriter(messages);
            case PDF -> new PdfReportWriter(messages);
            case MARKDOWN -> new MarkdownReportWriter(messages);
            case JSON -> new JsonReportWriter();
        };
    }

    /** Accepts the id, the extension and "markdown", in any case. */
    public static Optional<ReportFormat> fromId(String text) {
        String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals("markdown")) {
            return Optional.of(MARKDOWN);
        }
        return Arrays.stream(values()).filter(f -> f.id.equals(wanted) || f.extension.equals(wanted)).findFirst();
    }

    /** "html, pdf, md or json", for messages. */
    public static String choices() {
        String all = Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
