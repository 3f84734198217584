package dev.fedpilot.report;

import dev.fedpilot.report.PdfCanvas.Column;
import dev.fedpilot.report.PdfCanvas.Style;
import dev.fedpilot.report.ReportDocument.Block;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Line;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.report.SetupReport.Health;
import dev.fedpilot.report.SetupReport.State;
import dev.fedpilot.text.Fact;
import dev.fedpilot.text.Messages;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/** The report as an A4 PDF: title, status banner, one titled section per part, tables, page numbers. */
public final class PdfReportWriter implements ReportWriter {
    private static final float[] OK = {0.10f, 0.50f, 0.22f};
    private static final float[] WARN = {0.60f, 0.40f, 0.0f};
    private static final float[] ERROR = {0.78f, 0.12f, 0.16f};
    private static final float[] ACCENT = {0.04f, 0.41f, 0.85f};
    private final ReportLayout layout;
    private final Messages messages;

    public PdfReportWriter(Messages messages) {
        this.messages = messages;
        this.layout = new ReportLayout(messages);
    }

    @Override
    public void write(SetupReport report, OutputStream out) throws IOException {
        ReportDocument doc = layout.document(report);
        synchronized (PdfFonts.LOCK) {
            write(report, doc, out);
        }
    }

    private void write(SetupReport report, ReportDocument doc, OutputStream out) throws IOException {
        try (PDDocument pdf = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(pdf);
            info(pdf, doc, report);
            try (PdfCanvas canvas = new PdfCanvas(pdf, fonts)) {
                Style title = new Style(canvas.bold, 20, PdfCanvas.TEXT);
                canvas.heading(doc.title(), title, 60);
                canvas.paragraph(doc.subtitle(), new Style(canvas.regular, 9.5f, PdfCanvas.MUTED), 0);
                canvas.space(12);
                banner(canvas, doc.banner());
                for (Part part : doc.parts()) {
                    part(canvas, part);
                }
                canvas.footers(doc.title(), (page, total) -> messages.get("report.page", page, total));
            }
            pdf.save(out);
        }
    }

    private static void info(PDDocument pdf, ReportDocument doc, SetupReport report) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(doc.title());
        info.setSubject(doc.subtitle());
        info.setCreator("FedPilot");
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(report.generatedAt().toEpochMilli());
        info.setCreationDate(created);
        pdf.getDocumentCatalog().setLanguage("en");
    }

    private void banner(PdfCanvas canvas, ReportDocument.Banner banner) throws IOException {
        Style headline = new Style(canvas.bold, 14, PdfCanvas.TEXT);
        Style detail = new Style(canvas.regular, 10, PdfCanvas.TEXT);
        float inner = PdfCanvas.WIDTH - 24;
        float height = canvas.wrap(banner.headline(), headline, inner).size() * headline.leading()
                + canvas.wrap(banner.detail(), detail, inner).size() * detail.leading() + 16;
        canvas.ensure(height);
        float top = canvas.y();
        canvas.fill(PdfCanvas.MARGIN, top - height, PdfCanvas.WIDTH, height, PdfCanvas.SHADE);
        canvas.fill(PdfCanvas.MARGIN, top - height, 5, height, color(banner.health()));
        canvas.space(8);
        canvas.paragraph(banner.headline(), headline, 16);
        canvas.paragraph(banner.detail(), detail, 16);
        canvas.space(8 + 14);
    }

    private void part(PdfCanvas canvas, Part part) throws IOException {
        Style heading = new Style(canvas.bold, 13, PdfCanvas.TEXT);
        canvas.heading(part.title(), heading, 50);
        canvas.paragraph(part.stateLabel(), new Style(canvas.bold, 8.5f, color(part.state())), 0);
        canvas.space(4);
        for (Block block : part.blocks()) {
            block(canvas, block);
            canvas.space(6);
        }
        canvas.space(10);
    }

    private void block(PdfCanvas canvas, Block block) throws IOException {
        Style text = new Style(canvas.regular, 9, PdfCanvas.TEXT);
        Style code = new Style(canvas.mono, 8, PdfCanvas.TEXT);
        Style header = new Style(canvas.bold, 8.5f, PdfCanvas.TEXT);
        if (block instanceof Facts f) {
            Column label = new Column(0.3f, new Style(canvas.regular, 9, PdfCanvas.MUTED));
            for (Fact fact : f.facts()) {
                canvas.table(null, List.of(List.of(fact.label(), fact.value() == null ? "" : fact.value())),
                        List.of(label, new Column(0.7f, fact.code() ? code : text)), header);
            }
        } else if (block instanceof Table t) {
            if (t.caption() != null) {
                canvas.paragraph(t.caption(), new Style(canvas.bold, 10, PdfCanvas.TEXT), 0);
                canvas.space(3);
            }
            canvas.table(t.headers(), t.rows(), columns(canvas, t, header, text, code), header);
        } else if (block instanceof Findings f) {
            for (Line line : f.lines()) {
                finding(canvas, f.fixLabel(), line);
            }
        } else if (block instanceof Note n) {
            canvas.paragraph(n.text(), new Style(canvas.italic, 9, PdfCanvas.MUTED), 0);
        }
    }

    /**
     * Column widths in points: each column gets at least its longest word (so headers do not break inside a
     * word), and the rest of the width goes to the columns with the longest text.
     */
    private static List<Column> columns(PdfCanvas canvas, Table t, Style header, Style text, Style code)
            throws IOException {
        int n = t.headers().size();
        float pad = 2 * PdfCanvas.CELL_PAD + 1;
        float[] min = new float[n];
        float[] want = new float[n];
        for (int i = 0; i < n; i++) {
            Style style = t.code().get(i) ? code : text;
            min[i] = longestWord(canvas, t.headers().get(i), header) + pad;
            want[i] = canvas.width(t.headers().get(i), header) + pad;
            for (List<String> row : t.rows()) {
                String cell = i < row.size() && row.get(i) != null ? row.get(i) : "";
                min[i] = Math.max(min[i], longestWord(canvas, cell, style) + pad);
                want[i] = Math.max(want[i], canvas.width(cell, style) + pad);
            }
            min[i] = Math.min(min[i], PdfCanvas.WIDTH * 0.3f);
            want[i] = Math.max(min[i], Math.min(want[i], PdfCanvas.WIDTH * 0.5f));
        }
        float[] width = share(min, want, PdfCanvas.WIDTH);
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            columns.add(new Column(width[i] / PdfCanvas.WIDTH, t.code().get(i) ? code : text));
        }
        return columns;
    }

    static float[] share(float[] min, float[] want, float total) {
        float minSum = 0;
        float wantSum = 0;
        for (int i = 0; i < min.length; i++) {
            minSum += min[i];
            wantSum += want[i];
        }
        float[] width = new float[min.length];
        for (int i = 0; i < min.length; i++) {
            if (wantSum <= total) {
                width[i] = want[i] * total / wantSum;
            } else if (minSum < total) {
                width[i] = min[i] + (want[i] - min[i]) * (total - minSum) / (wantSum - minSum);
            } else {
                width[i] = min[i] * total / minSum;
            }
        }
        return width;
    }

    private static float longestWord(PdfCanvas canvas, String text, Style style) throws IOException {
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, canvas.width(word, style));
        }
        return longest;
    }

    private void finding(PdfCanvas canvas, String fixLabel, Line line) throws IOException {
        float[] color = switch (line.severity()) {
            case ERROR -> ERROR;
            case WARNING -> WARN;
            case INFO -> PdfCanvas.MUTED;
        };
        Style label = new Style(canvas.bold, 9, color);
        Style text = new Style(canvas.regular, 9, PdfCanvas.TEXT);
        Style fix = new Style(canvas.regular, 9, PdfCanvas.MUTED);
        String head = line.severityLabel() + "  \u00b7  " + line.sectionTitle();
        String fixText = line.fix() == null || line.fix().isBlank() ? null : fixLabel + ": " + line.fix();
        float inner = PdfCanvas.WIDTH - 12;
        float height = label.leading() + canvas.wrap(line.message(), text, inner).size() * text.leading()
                + (fixText == null ? 0 : canvas.wrap(fixText, fix, inner).size() * fix.leading()) + 6;
        canvas.ensure(height);
        float top = canvas.y();
        canvas.fill(PdfCanvas.MARGIN, top - height, 3, height, color);
        canvas.paragraph(head, label, 12);
        canvas.paragraph(line.message(), text, 12);
        if (fixText != null) {
            canvas.paragraph(fixText, fix, 12);
        }
        canvas.space(10);
    }

    private static float[] color(Health health) {
        return switch (health) {
            case HEALTHY -> OK;
            case ATTENTION -> WARN;
            case PROBLEM -> ERROR;
            case INCOMPLETE -> ACCENT;
            case NOT_STARTED -> PdfCanvas.MUTED;
        };
    }

    private static float[] color(State state) {
        return switch (state) {
            case OK -> OK;
            case ATTENTION -> WARN;
            case PROBLEM -> ERROR;
            case NOT_SET_UP -> PdfCanvas.MUTED;
        };
    }
}
