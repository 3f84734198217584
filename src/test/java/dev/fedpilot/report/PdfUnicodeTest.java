package dev.fedpilot.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.apache.pdfbox.util.Matrix;
import org.apache.pdfbox.util.Vector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names in any script in the PDF report: the installed fonts are embedded (as subsets) for each character, Arabic
 * is joined and right to left, and nothing is drawn as "?" or as an empty box. The page images are written to
 * target/pdf-unicode/ to be looked at.
 */
class PdfUnicodeTest {
    private static final Path IMAGES = Path.of("target", "pdf-unicode");
    private static byte[] pdf;

    @BeforeAll
    static void write() throws Exception {
        pdf = PdfReportWriterTest.render(ReportSamples.names());
    }

    @Test
    void everyNameComesBackFromTheTextLayer() throws Exception {
        String text = PdfReportWriterTest.extract(pdf);
        for (String name : ReportSamples.NAMES) {
            assertTrue(text.contains(name), name + " in\n" + text);
        }
        assertTrue(text.contains("李雷的团队"), text);
        assertFalse(text.replace("/acs/a?b=1", "").contains("?"), "nothing is replaced by a question mark:\n" + text);
    }

    @Test
    void noGlyphIsTheEmptyBoxAndTheNamesUseEmbeddedSubsets() throws Exception {
        List<String> notdef = new ArrayList<>();
        List<String> fonts = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper glyphs = new PDFTextStripper() {
                @Override
                protected void showGlyph(Matrix textRenderingMatrix, PDFont font, int code, Vector displacement)
                        throws IOException {
                    if (!(font instanceof PDType0Font type0) || type0.codeToGID(code) == 0) {
                        notdef.add(font.getName() + " code " + code);
                    }
                    if (!fonts.contains(font.getName())) {
                        fonts.add(font.getName());
                    }
                    super.showGlyph(textRenderingMatrix, font, code, displacement);
                }
            };
            glyphs.writeText(doc, new StringWriter());
        }
        assertEquals(List.of(), notdef, "every glyph drawn exists in an embedded font");
        // subset fonts are named ABCDEF+Name
        assertTrue(fonts.stream().allMatch(f -> f.matches("[A-Z]{6}\\+.+")), fonts.toString());
        assertTrue(fonts.stream().anyMatch(f -> f.contains("DejaVuSans")), fonts.toString());
        assertTrue(fonts.size() >= 3, "a CJK fallback and the bold face join the regular one: " + fonts);
    }

    @Test
    void arabicIsJoinedAndRightToLeft() {
        // meem initial, hah medial, meem medial, dal final (Unicode's Arabic Presentation Forms-B), drawn right to left
        assertEquals("\uFEAA\uFEE4\uFEA4\uFEE3", PdfFonts.visual("محمد"));
        assertEquals("Hi \uFEAA\uFEE4\uFEA4\uFEE3 (m@x)", PdfFonts.visual("Hi محمد (m@x)"));
        assertEquals("\uFEAA\uFEE4\uFEA4\uFEE3 has no last name.", PdfFonts.visual("محمد has no last name."),
                "an English sentence that starts with an Arabic name stays left to right");
        assertEquals("Łukasz Żółć 李雷", PdfFonts.visual("Łukasz Żółć 李雷"), "left-to-right text is left alone");
    }

    @Test
    void aCharacterNoFontHasIsShownAsItsCodeNotAsABox() throws Exception {
        SetupReport h = ReportSamples.hostile();
        SetupReport unassigned = new SetupReport(h.schemaVersion(), h.generatedAt(), h.summary(), h.steps(), h.tenant(),
                new SetupReport.App("Zoë \u0378 end", "a", "o", "s"), h.instance(), h.saml(), h.scim(), h.provisioning(),
                h.groups(), h.users(), h.findings(), h.timeline());
        String text = PdfReportWriterTest.extract(PdfReportWriterTest.render(unassigned));
        assertTrue(text.contains("Zoë [U+0378] end"), "a code point no font has is shown by its code: " + text);
    }

    @Test
    void withoutAnyInstalledFontTheStandardFontShowsWhatItCanAndCodesForTheRest() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            PdfFonts fonts = new PdfFonts(doc, new SystemFonts(List.of(), false));
            List<PdfFonts.Run> runs = fonts.regular.runs("Zoë Łukasz 李");
            assertEquals(1, runs.size(), runs.toString());
            assertEquals("Helvetica", runs.get(0).font().getName());
            assertEquals("Zoë [U+0141]ukasz [U+674E]", runs.get(0).text());
            assertEquals(java.util.Set.of(0x141, 0x674E), fonts.missing());
        }
    }

    @Test
    void eachNameIsInkOnTheRenderedPage() throws Exception {
        Files.createDirectories(IMAGES);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            float dpi = 110;
            for (String name : ReportSamples.NAMES) {
                NameFinder finder = new NameFinder(name);
                finder.writeText(doc, new StringWriter());
                assertTrue(finder.page >= 0, name + " is on a page");
                BufferedImage page = renderer.renderImageWithDPI(finder.page, dpi);
                ImageIO.write(page, "png", IMAGES.resolve("names-page-" + (finder.page + 1) + ".png").toFile());
                Rectangle2D box = finder.box;
                double scale = dpi / 72.0;
                int dark = 0;
                for (int x = (int) (box.getMinX() * scale); x < box.getMaxX() * scale; x++) {
                    for (int y = (int) (box.getMinY() * scale); y < box.getMaxY() * scale; y++) {
                        int rgb = page.getRGB(x, y);
                        int lum = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
                        dark += lum < 128 ? 1 : 0;
                    }
                }
                double area = box.getWidth() * box.getHeight() * scale * scale;
                assertTrue(dark > area * 0.05, name + ": " + dark + " dark pixels in " + box);
            }
        }
    }

    /** Where a name is drawn: its page and its box in PDF points from the top left. */
    private static final class NameFinder extends PDFTextStripper {
        private final String name;
        private int page = -1;
        private Rectangle2D box;

        NameFinder(String name) throws IOException {
            this.name = name;
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) throws IOException {
            int at = text.indexOf(name);
            if (page < 0 && at >= 0) {
                page = getCurrentPageNo() - 1;
                for (TextPosition p : positions) {
                    Rectangle2D glyph = new Rectangle2D.Float(p.getXDirAdj(), p.getYDirAdj() - p.getHeightDir(),
                            p.getWidthDirAdj(), p.getHeightDir());
                    String c = Normalizer.normalize(p.getUnicode(), Normalizer.Form.NFKC).strip();
                    if (!c.isEmpty() && name.contains(c)) {
                        box = box == null ? glyph : box.createUnion(glyph);
                    }
                }
            }
        }
    }
}
