package dev.fedpilot.report;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import dev.fedpilot.report.SystemFonts.FontFile;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fonts of one PDF report: for each style a first choice of installed font, then a chain of fallbacks by
 * script (Latin, Greek, Cyrillic and Arabic in DejaVu or Noto; CJK in WenQuanYi, Droid Sans Fallback or Noto CJK),
 * then any font fontconfig says covers the character. Only the glyphs used are embedded. A character no installed
 * font has is drawn as {@code [U+XXXX]} and logged, never as "?" or an empty box. Right-to-left text is shaped
 * (Arabic letters joined) and put in visual order with ICU, since PDFBox draws glyphs as given.
 */
final class PdfFonts {
    private static final Logger LOG = LoggerFactory.getLogger(PdfFonts.class);
    /** Family, style (as fontconfig names them) and file name (for machines without fontconfig), best first. */
    private static final String[][] REGULAR = {{"DejaVu Sans", "Book", "DejaVuSans.ttf"},
            {"Noto Sans", "Regular", "NotoSans-Regular.ttf"}, {"Liberation Sans", "Regular", "LiberationSans-Regular.ttf"},
            {"Arial", "Regular", "arial.ttf"}};
    private static final String[][] BOLD = {{"DejaVu Sans", "Bold", "DejaVuSans-Bold.ttf"},
            {"Noto Sans", "Bold", "NotoSans-Bold.ttf"}, {"Liberation Sans", "Bold", "LiberationSans-Bold.ttf"},
            {"Arial", "Bold", "arialbd.ttf"}};
    private static final String[][] ITALIC = {{"DejaVu Sans", "Oblique", "DejaVuSans-Oblique.ttf"},
            {"Noto Sans", "Italic", "NotoSans-Italic.ttf"}, {"Liberation Sans", "Italic", "LiberationSans-Italic.ttf"},
            {"Arial", "Italic", "ariali.ttf"}};
    private static final String[][] MONO = {{"DejaVu Sans Mono", "Book", "DejaVuSansMono.ttf"},
            {"Noto Sans Mono", "Regular", "NotoSansMono-Regular.ttf"}, {"Liberation Mono", "Regular",
            "LiberationMono-Regular.ttf"}, {"Courier New", "Regular", "cour.ttf"}};
    private static final String[][] FALLBACKS = {{"DejaVu Sans", "Book", "DejaVuSans.ttf"},
            {"Noto Sans", "Regular", "NotoSans-Regular.ttf"},
            {"Noto Sans Arabic", "Regular", "NotoSansArabic-Regular.ttf"},
            {"Noto Naskh Arabic", "Regular", "NotoNaskhArabic-Regular.ttf"},
            {"WenQuanYi Zen Hei", "Regular", "wqy-zenhei.ttc"},
            {"Droid Sans Fallback", "Regular", "DroidSansFallbackFull.ttf"},
            {"Noto Sans CJK SC", "Regular", "NotoSansCJK-Regular.ttc"},
            {"Arial Unicode MS", "Regular", "Arial Unicode.ttf"},
            {"Microsoft YaHei", "Regular", "msyh.ttc"}, {"Segoe UI", "Regular", "segoeui.ttf"}};
    /** Spelled out when no font has the symbol: reads better than its code. */
    private static final Map<Integer, String> SPELLED = Map.of(0x2192, "->", 0x2190, "<-", 0x2194, "<->",
            0x21d2, "=>", 0x2713, "v", 0x2714, "v", 0x2717, "x", 0x2718, "x", 0x2264, "<=", 0x2265, ">=");
    /** fontconfig is asked about at most this many uncovered characters per report. */
    private static final int MAX_LOOKUPS = 32;
    /** PDF reports are written one at a time: the parsed fonts below are shared and not thread-safe. */
    static final Object LOCK = new Object();
    /** Fonts parsed once per run (a CJK collection takes seconds); each document embeds its own subset. */
    private static final Map<FontFile, Optional<Parsed>> PARSED = new HashMap<>();

    final Face regular;
    final Face bold;
    final Face italic;
    final Face mono;
    private final PDDocument doc;
    private final SystemFonts system;
    private final Map<FontFile, Optional<Loaded>> loaded = new HashMap<>();
    private final List<Loaded> discovered = new ArrayList<>();
    private final List<FontFile> fallbacks = new ArrayList<>();
    private final Map<Integer, Optional<Loaded>> byFontconfig = new HashMap<>();
    private final Set<Integer> reported = new HashSet<>();

    PdfFonts(PDDocument doc) {
        this(doc, SystemFonts.installed());
    }

    PdfFonts(PDDocument doc, SystemFonts system) {
        this.doc = doc;
        this.system = system;
        regular = face(REGULAR, Standard14Fonts.FontName.HELVETICA);
        bold = face(BOLD, Standard14Fonts.FontName.HELVETICA_BOLD);
        italic = face(ITALIC, Standard14Fonts.FontName.HELVETICA_OBLIQUE);
        mono = face(MONO, Standard14Fonts.FontName.COURIER);
        for (String[] f : FALLBACKS) {
            // parsed only when a character needs them: a CJK collection is large
            system.find(f[0], f[1], f[2]).filter(l -> !fallbacks.contains(l)).ifPresent(fallbacks::add);
        }
    }

    /** The characters drawn as their code because no font had them, for tests and the log. */
    Set<Integer> missing() {
        return Set.copyOf(reported);
    }

    /** One run of text in one font. */
    record Run(PDFont font, String text) {
    }

    /** A style's font and the fallbacks behind it. */
    final class Face {
        private final Loaded first;
        private final PDFont standard;

        private Face(Loaded first, PDFont standard) {
            this.first = first;
            this.standard = standard;
        }

        /** {@code text} (one line, logical order) in visual order, split into runs of one font each. */
        List<Run> runs(String text) throws IOException {
            List<Run> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            PDFont current = null;
            String visual = visual(text);
            for (int i = 0; i < visual.length(); i += Character.charCount(visual.codePointAt(i))) {
                int c = visual.codePointAt(i);
                PDFont font = fontFor(c);
                String piece = font == null ? replacement(c) : new String(Character.toChars(c));
                if (font == null) {
                    font = first != null ? first.font() : standard;
                }
                if (font != current && run.length() > 0) {
                    runs.add(new Run(current, run.toString()));
                    run.setLength(0);
                }
                current = font;
                run.append(piece);
            }
            if (run.length() > 0) {
                runs.add(new Run(current, run.toString()));
            }
            return runs;
        }

        float width(String text, float size) throws IOException {
            float width = 0;
            for (Run run : runs(text)) {
                width += run.font().getStringWidth(run.text()) / 1000f * size;
            }
            return width;
        }

        /** Draws {@code text} inside an open text object. */
        void show(PDPageContentStream cs, String text, float size) throws IOException {
            for (Run run : runs(text)) {
                cs.setFont(run.font(), size);
                cs.showText(run.text());
            }
        }

        private PDFont fontFor(int c) throws IOException {
            if (first == null) {
                if (c < 0x7f && c >= 0x20 || canEncode(standard, c)) {
                    return standard;
                }
            } else if (first.has(c)) {
                return first.font();
            }
            for (FontFile file : fallbacks) {
                Optional<Loaded> f = load(file);
                if (f.isPresent() && f.get().has(c)) {
                    return f.get().font();
                }
            }
            for (Loaded f : discovered) {
                if (f.has(c)) {
                    return f.font();
                }
            }
            Optional<Loaded> found = fontconfigFor(c);
            return found.isPresent() ? found.get().font() : null;
        }
    }

    private Face face(String[][] choices, Standard14Fonts.FontName standard) {
        for (String[] f : choices) {
            Optional<Loaded> font = system.find(f[0], f[1], f[2]).flatMap(this::load);
            if (font.isPresent()) {
                return new Face(font.get(), null);
            }
        }
        LOG.warn("PDF report: none of {} is installed; using {}, which shows only Western European letters",
                List.of(choices[0][0], choices[1][0]), standard);
        return new Face(null, new PDType1Font(standard));
    }

    private Optional<Loaded> fontconfigFor(int c) {
        if (byFontconfig.containsKey(c) || byFontconfig.size() >= MAX_LOOKUPS) {
            return byFontconfig.getOrDefault(c, Optional.empty());
        }
        Optional<Loaded> found = system.covering(c).stream().map(this::load).flatMap(Optional::stream)
                .filter(l -> l.has(c)).findFirst();
        found.filter(l -> !discovered.contains(l)).ifPresent(discovered::add);
        byFontconfig.put(c, found);
        return found;
    }

    private String replacement(int c) {
        String shown = SPELLED.getOrDefault(c, String.format(Locale.ROOT, "[U+%04X]", c));
        if (reported.add(c)) {
            LOG.warn("PDF report: no installed font has a glyph for U+{} ({}); drawn as {}",
                    Integer.toHexString(c).toUpperCase(Locale.ROOT), Character.getName(c), shown);
        }
        return shown;
    }

    /** Arabic letters joined (presentation forms) and the line put in visual order; other text as it is. */
    static String visual(String line) {
        char[] chars = line.toCharArray();
        if (!Bidi.requiresBidi(chars, 0, chars.length)) {
            return line;
        }
        String shaped = line;
        try {
            shaped = new ArabicShaping(ArabicShaping.LETTERS_SHAPE | ArabicShaping.TEXT_DIRECTION_LOGICAL
                    | ArabicShaping.LENGTH_GROW_SHRINK).shape(line);
        } catch (ArabicShapingException e) {
            LOG.debug("could not shape {}", line, e);
        }
        // the report's own words are left-to-right English: a sentence that starts with an Arabic name stays LTR
        return new Bidi(shaped, Bidi.LTR).writeReordered(Bidi.DO_MIRRORING);
    }

    private Optional<Loaded> load(FontFile file) {
        return loaded.computeIfAbsent(file, f -> parsed(f).map(Loaded::new));
    }

    private static Optional<Parsed> parsed(FontFile file) {
        synchronized (LOCK) {
            return PARSED.computeIfAbsent(file, f -> {
                try {
                    TrueTypeFont ttf = parse(f);
                    if (ttf == null || !ttf.getTableMap().containsKey("glyf")) {
                        // PDFBox embeds TrueType outlines only; CFF-based OpenType (e.g. Noto CJK) is skipped
                        return Optional.empty();
                    }
                    return Optional.of(new Parsed(ttf, ttf.getUnicodeCmapLookup(), new HashMap<>()));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("PDF report: could not read the font {}", f.file(), e);
                    return Optional.empty();
                }
            });
        }
    }

    /** Kept open for the rest of the run, like the fonts of a window. */
    private static TrueTypeFont parse(FontFile f) throws IOException {
        String name = f.file().getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ttc")) {
            TrueTypeCollection collection = new TrueTypeCollection(f.file().toFile());
            List<TrueTypeFont> faces = new ArrayList<>();
            collection.processAllFonts(faces::add);
            return f.index() < faces.size() ? faces.get(f.index()) : null;
        }
        return new TTFParser().parse(new RandomAccessReadBufferedFile(f.file().toFile()));
    }

    /** A parsed font and which characters it has. */
    private record Parsed(TrueTypeFont ttf, CmapLookup cmap, Map<Integer, Boolean> has) {
        boolean covers(int c) {
            return has.computeIfAbsent(c, cp -> cmap != null && cmap.getGlyphId(cp) > 0);
        }
    }

    /** A font of this document; embedded (as a subset) only once a character is drawn with it. */
    private final class Loaded {
        private final Parsed parsed;
        private PDFont font;

        Loaded(Parsed parsed) {
            this.parsed = parsed;
        }

        boolean has(int c) {
            return parsed.covers(c);
        }

        PDFont font() throws IOException {
            if (font == null) {
                font = PDType0Font.load(doc, parsed.ttf(), true);
            }
            return font;
        }
    }

    private static boolean canEncode(PDFont font, int codePoint) {
        try {
            font.encode(new String(Character.toChars(codePoint)));
            return true;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }
}
