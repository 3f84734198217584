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

import java.util.List;

/**
 * The report as one self-contained XHTML file: inline CSS, no scripts, no external resources, readable on
 * screen (light and dark) and in print. Well-formed XML, so other tools can parse it.
 */
public final class HtmlReportWriter extends TextReportWriter {
    private static final String CSS = """
            :root { --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --bg: #ffffff; --subtle: #f6f8fa;
                    --ok: #1a7f37; --warn: #9a6700; --error: #d1242f; --accent: #0969da; }
            @media (prefers-color-scheme: dark) {
              :root { --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --bg: #0d1117; --subtle: #151b23;
                      --ok: #3fb950; --warn: #d29922; --error: #f85149; --accent: #4493f8; } }
            * { box-sizing: border-box; }
            body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
                   color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 64rem; padding: 2rem 1.5rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            .meta { color: var(--muted); margin: 0 0 1.25rem; }
            .summary { border: 1px solid var(--border); border-left: 6px solid var(--muted); border-radius: 8px;
                       padding: .9rem 1.2rem; margin: 0 0 1.75rem; background: var(--subtle); }
            .summary .headline { font-size: 1.3rem; font-weight: 600; margin: 0; }
            .summary .detail { margin: .2rem 0 0; }
            .health-healthy { border-left-color: var(--ok); } .health-attention { border-left-color: var(--warn); }
            .health-problem { border-left-color: var(--error); } .health-incomplete { border-left-color: var(--accent); }
            section { margin: 0 0 1.75rem; }
            h2 { font-size: 1.2rem; margin: 0 0 .6rem; padding-bottom: .3rem; border-bottom: 1px solid var(--border); }
            .badge { font-size: .72rem; font-weight: 600; padding: .05rem .55rem; border-radius: 1rem;
                     border: 1px solid currentColor; margin-left: .5rem; vertical-align: middle; color: var(--muted); }
            .state-ok .badge { color: var(--ok); } .state-attention .badge { color: var(--warn); }
            .state-problem .badge { color: var(--error); }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 .8rem; }
            caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
            th, td { text-align: left; vertical-align: top; padding: .35rem .6rem; border-bottom: 1px solid var(--border); }
            thead th { background: var(--subtle); font-weight: 600; }
            table.facts th { width: 15rem; color: var(--muted); font-weight: normal; }
            code { font: .85rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
            ul.findings { list-style: none; padding: 0; margin: 0; }
            ul.findings li { border: 1px solid var(--border); border-left: 4px solid var(--muted); border-radius: 6px;
                             padding: .55rem .9rem; margin: 0 0 .6rem; }
            li.severity-error { border-left-color: var(--error); } li.severity-warning { border-left-color: var(--warn); }
            .severity { font-weight: 600; } .severity-error .severity { color: var(--error); }
            .severity-warning .severity { color: var(--warn); }
            .where { color: var(--muted); font-size: .85rem; }
            .message, .fix { margin: .2rem 0 0; }
            .note { color: var(--muted); margin: .2rem 0 .6rem; }
            footer { color: var(--muted); font-size: .8rem; border-top: 1px solid var(--border); padding-top: .6rem; }
            @media print {
              :root { --fg: #000; --muted: #444; --border: #bbb; --bg: #fff; --subtle: #f2f2f2;
                      --ok: #1a7f37; --warn: #9a6700; --error: #c0161f; --accent: #0969da; }
              body { font-size: 10pt; max-width: none; padding: 0; }
              @page { margin: 16mm 14mm; }
              h2 { break-after: avoid; } tr, li, .summary { break-inside: avoid; }
              thead { display: table-header-group; }
              .summary, ul.findings li, .badge, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
              .scroll { overflow: visible; } }
            """;
    public HtmlReportWriter(Messages messages) {
        super(messages, 16_384);
    }

    @Override
    void heading(StringBuilder h, String title, String subtitle) {
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<meta name=\"generator\" content=\"FedPilot\"/>\n")
                .append("<title>").append(esc(title)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<header>\n<h1>").append(esc(title)).append("</h1>\n")
                .append("<p class=\"meta\">").append(esc(subtitle)).append("</p>\n</header>\n");
    }

    @Override
    void banner(StringBuilder h, Banner banner) {
        h.append("<section id=\"summary\" class=\"summary health-").append(banner.health().id())
                .append("\" role=\"status\">\n<p class=\"headline\">").append(esc(banner.headline()))
                .append("</p>\n<p class=\"detail\">").append(esc(banner.detail())).append("</p>\n</section>\n");
    }

    @Override
    void partStart(StringBuilder h, Part part) {
        h.append("<section id=\"").append(part.section().id()).append("\" class=\"state-")
                .append(part.state().id()).append("\">\n<h2>").append(esc(part.title()))
                .append("<span class=\"badge\">").append(esc(part.stateLabel())).append("</span></h2>\n");
    }

    @Override
    void partEnd(StringBuilder h, Part part) {
        h.append("</section>\n");
    }

    @Override
    void facts(StringBuilder h, Facts facts) {
        h.append("<table class=\"facts\">\n<tbody>\n");
        for (Fact f : facts.facts()) {
            h.append("<tr><th scope=\"row\">").append(esc(f.label())).append("</th><td>");
            value(h, f.value(), f.code());
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    @Override
    void table(StringBuilder h, Table t) {
        h.append("<div class=\"scroll\">\n<table class=\"data\">\n");
        if (t.caption() != null) {
            h.append("<caption>").append(esc(t.caption())).append("</caption>\n");
        }
        h.append("<thead><tr>");
        t.headers().forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            h.append("<tr>");
            for (int i = 0; i < row.size(); i++) {
                h.append("<td>");
                value(h, row.get(i), t.code().get(i));
                h.append("</td>");
            }
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    @Override
    void findings(StringBuilder h, Findings f) {
        h.append("<ul class=\"findings\">\n");
        for (Line l : f.lines()) {
            h.append("<li class=\"severity-").append(l.severity().id()).append("\" data-code=\"").append(esc(l.code()))
                    .append("\"><span class=\"severity\">").append(esc(l.severityLabel())).append("</span> ")
                    .append("<span class=\"where\">\u00b7 ").append(esc(l.sectionTitle())).append("</span>\n")
                    .append("<p class=\"message\">").append(esc(l.message())).append("</p>\n");
            if (l.fix() != null && !l.fix().isBlank()) {
                h.append("<p class=\"fix\"><strong>").append(esc(f.fixLabel())).append(":</strong> ")
                        .append(esc(l.fix())).append("</p>\n");
            }
            h.append("</li>\n");
        }
        h.append("</ul>\n");
    }

    @Override
    void note(StringBuilder h, Note n) {
        h.append("<p class=\"note\">").append(esc(n.text())).append("</p>\n");
    }

    @Override
    void footer(StringBuilder h, String line) {
        h.append("<footer><p>").append(esc(line)).append("</p></footer>\n</body>\n</html>\n");
    }

    private static void value(StringBuilder h, String value, boolean code) {
        if (code && value != null && !value.isBlank()) {
            h.append("<code>").append(esc(value)).append("</code>");
        } else {
            h.append(esc(value));
        }
    }

    /** Escapes markup and drops characters XML 1.0 does not allow. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                            || c >= 0x10000 && c <= 0x10FFFF) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
