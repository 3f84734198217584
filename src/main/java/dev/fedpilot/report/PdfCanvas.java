package dev.fedpilot.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A4 pages that fill from the top: wrapped text, tables whose header repeats after a page break, coloured bars,
 * bookmarks and page numbers. Text is drawn in the installed fonts of {@link PdfFonts}, any script.
 */
final class PdfCanvas implements AutoCloseable {
    static final float MARGIN = 50;
    static final float BOTTOM = 56;
    static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    static final float[] TEXT = {0.12f, 0.14f, 0.16f};
    static final float[] MUTED = {0.36f, 0.39f, 0.43f};
    static final float[] RULE = {0.82f, 0.85f, 0.88f};
    static final float[] SHADE = {0.96f, 0.97f, 0.98f};
    static final float CELL_PAD = 4;
    private static final int MAX_CELL_CHARS = 1_200;

    final PdfFonts.Face regular;
    final PdfFonts.Face bold;
    final PdfFonts.Face italic;
    final PdfFonts.Face mono;
    private final PDDocument doc;
    private final PDDocumentOutline outline = new PDDocumentOutline();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;

    /** A run of text in one font, size and colour. */
    record Style(PdfFonts.Face font, float size, float[] color) {
        float leading() {
            return size * 1.35f;
        }
    }

    /** One table column: its share of the width and its style. */
    record Column(float share, Style style) {
    }

    PdfCanvas(PDDocument doc, PdfFonts fonts) throws IOException {
        this.doc = doc;
        regular = fonts.regular;
        bold = fonts.bold;
        italic = fonts.italic;
        mono = fonts.mono;
        doc.getDocumentCatalog().setDocumentOutline(outline);
        newPage();
    }

    float y() {
        return y;
    }

    void space(float points) throws IOException {
        if (y - points < BOTTOM) {
            newPage();
        } else {
            y -= points;
        }
    }

    /** Starts a new page when less than {@code height} is left on this one; true when it did. */
    boolean ensure(float height) throws IOException {
        if (y - height < BOTTOM && y < PDRectangle.A4.getHeight() - MARGIN) {
            newPage();
            return true;
        }
        return false;
    }

    /** Wrapped text from the left margin plus {@code indent}. */
    void paragraph(String text, Style style, float indent) throws IOException {
        for (String line : wrap(text, style, WIDTH - indent)) {
            ensure(style.leading());
            y -= style.leading();
            show(line, style, MARGIN + indent, y + style.leading() * 0.25f);
        }
    }

    /** A bookmarked heading, kept on a page with at least {@code keepWith} points of what follows. */
    void heading(String text, Style style, float keepWith) throws IOException {
        ensure(style.leading() + keepWith);
        PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
        destination.setPage(page);
        destination.setTop((int) y);
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(text);
        item.setDestination(destination);
        outline.addLast(item);
        paragraph(text, style, 0);
    }

    /** Draws rows under an optional shaded header row; the header repeats on each new page. */
    void table(List<String> headers, List<List<String>> rows, List<Column> columns, Style headerStyle)
            throws IOException {
        List<Column> headerColumns = columns.stream().map(c -> new Column(c.share(), headerStyle)).toList();
        float headerHeight = headers == null ? 0 : rowHeight(headers, headerColumns);
        float first = rows.isEmpty() ? 0 : rowHeight(rows.get(0), columns);
        ensure(headerHeight + first);
        if (headers != null) {
            row(headers, headerColumns, true);
        }
        for (List<String> cells : rows) {
            if (ensure(rowHeight(cells, columns)) && headers != null) {
                row(headers, headerColumns, true);
            }
            row(cells, columns, false);
        }
    }

    private void row(List<String> cells, List<Column> columns, boolean shaded) throws IOException {
        float height = rowHeight(cells, columns);
        float top = y;
        if (shaded) {
            fill(MARGIN, top - height, WIDTH, height, SHADE);
        }
        float x = MARGIN;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            float width = WIDTH * column.share();
            float lineY = top - CELL_PAD;
            for (String line : wrap(cell(cells, i), column.style(), width - 2 * CELL_PAD)) {
                lineY -= column.style().leading();
                show(line, column.style(), x + CELL_PAD, lineY + column.style().leading() * 0.25f);
            }
            x += width;
        }
        y = top - height;
        rule(y, RULE);
    }

    private float rowHeight(List<String> cells, List<Column> columns) throws IOException {
        float height = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            int lines = wrap(cell(cells, i), c.style(), WIDTH * c.share() - 2 * CELL_PAD).size();
            height = Math.max(height, lines * c.style().leading());
        }
        return height + 2 * CELL_PAD;
    }

    private static String cell(List<String> cells, int i) {
        String text = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
        return text.length() > MAX_CELL_CHARS ? text.substring(0, MAX_CELL_CHARS) + "..." : text;
    }

    void fill(float x, float bottom, float width, float height, float[] color) throws IOException {
        cs.setNonStrokingColor(color[0], color[1], color[2]);
        cs.addRect(x, bottom, width, height);
        cs.fill();
    }

    void rule(float atY, float[] color) throws IOException {
        cs.setStrokingColor(color[0], color[1], color[2]);
        cs.setLineWidth(0.6f);
        cs.moveTo(MARGIN, atY);
        cs.lineTo(MARGIN + WIDTH, atY);
        cs.stroke();
    }

    void show(String text, Style style, float x, float baseline) throws IOException {
        cs.beginText();
        cs.setNonStrokingColor(style.color()[0], style.color()[1], style.color()[2]);
        cs.newLineAtOffset(x, baseline);
        style.font().show(cs, text, style.size());
        cs.endText();
    }

    /** Lines of at most {@code width} points; words longer than a line (URLs, ids) are broken anywhere. */
    List<String> wrap(String text, Style style, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String paragraph : safe(text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (measure(candidate, style) <= width) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                while (rest.length() > 1 && measure(rest, style) > width) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && measure(rest.substring(0, cut), style) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static float measure(String safeText, Style style) throws IOException {
        return style.font().width(safeText, style.size());
    }

    /** How wide {@code text} is once cleaned, in points. */
    float width(String text, Style style) throws IOException {
        return measure(safe(text).replace('\n', ' '), style);
    }

    /** One kind of line break, control characters as spaces; every other character is drawn by the fonts. */
    static String safe(String text) {
        if (text == null) {
            return "";
        }
        String s = text.replace("\r\n", "\n").replace('\r', '\n').replace('\t', ' ').replace('\u00a0', ' ');
        StringBuilder out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '\n') {
                out.append('\n');
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                out.append(' ');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    /** Writes "title · Page n of N" at the foot of every page, once all pages exist. */
    void footers(String title, java.util.function.BiFunction<Integer, Integer, String> pageLabel) throws IOException {
        closeStream();
        int total = doc.getNumberOfPages();
        Style style = new Style(regular, 8, MUTED);
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream foot = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                cs = foot;
                rule(BOTTOM - 14, RULE);
                show(safe(title).replace('\n', ' '), style, MARGIN, BOTTOM - 26);
                String label = safe(pageLabel.apply(i + 1, total));
                show(label, style, MARGIN + WIDTH - measure(label, style), BOTTOM - 26);
            }
        }
        cs = null;
    }

    private void newPage() throws IOException {
        closeStream();
        page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        cs = new PDPageContentStream(doc, page);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void closeStream() throws IOException {
        if (cs != null) {
            cs.close();
            cs = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeStream();
    }
}
