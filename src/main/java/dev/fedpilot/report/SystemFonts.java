package dev.fedpilot.report;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The fonts installed on this machine, found through fontconfig ({@code fc-list}) where it exists (Linux), else by
 * walking the usual font folders (macOS, Windows). FedPilot ships no fonts: the Linux package depends on DejaVu
 * and recommends a CJK font instead.
 */
final class SystemFonts {
    private static final Logger LOG = LoggerFactory.getLogger(SystemFonts.class);
    private static final long FC_TIMEOUT_SECONDS = 10;
    private static final List<Path> FONT_FOLDERS = List.of(Path.of("/usr/share/fonts"), Path.of("/usr/local/share/fonts"),
            Path.of(System.getProperty("user.home"), ".local/share/fonts"), Path.of("/System/Library/Fonts"),
            Path.of("/Library/Fonts"), Path.of(System.getenv().getOrDefault("WINDIR", "C:\\Windows"), "Fonts"));
    private static volatile SystemFonts installed;

    /** One face in a font file; {@code index} picks the face inside a .ttc collection. */
    record FontFile(Path file, int index, String family, String style) {
        boolean trueType() {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".ttf") || name.endsWith(".ttc");
        }
    }

    private final List<FontFile> fonts;
    private final boolean fontconfig;

    SystemFonts(List<FontFile> fonts, boolean fontconfig) {
        this.fonts = List.copyOf(fonts);
        this.fontconfig = fontconfig;
    }

    /** The machine's fonts, listed once per run. */
    static SystemFonts installed() {
        SystemFonts fonts = installed;
        if (fonts == null) {
            synchronized (SystemFonts.class) {
                if (installed == null) {
                    installed = list();
                }
                fonts = installed;
            }
        }
        return fonts;
    }

    List<FontFile> all() {
        return fonts;
    }

    /** The face of this family and style (fontconfig's names), or of this file name when fontconfig is absent. */
    Optional<FontFile> find(String family, String style, String fileName) {
        return fonts.stream().filter(FontFile::trueType).filter(f -> f.family().equalsIgnoreCase(family)
                        && f.style().equalsIgnoreCase(style)
                        || f.family().isEmpty() && f.file().getFileName().toString().equalsIgnoreCase(fileName))
                .findFirst();
    }

    /** TrueType faces that fontconfig says have a glyph for {@code codePoint}; empty without fontconfig. */
    List<FontFile> covering(int codePoint) {
        if (!fontconfig) {
            return List.of();
        }
        return run("fc-list", ":charset=" + Integer.toHexString(codePoint), "--format",
                "%{file}\\t%{index}\\t%{family[0]}\\t%{style[0]}\\n").orElse(List.of()).stream()
                .filter(FontFile::trueType).toList();
    }

    private static SystemFonts list() {
        Optional<List<FontFile>> listed = run("fc-list", "--format", "%{file}\\t%{index}\\t%{family[0]}\\t%{style[0]}\\n");
        if (listed.isPresent() && !listed.get().isEmpty()) {
            return new SystemFonts(listed.get(), true);
        }
        List<FontFile> scanned = new ArrayList<>();
        for (Path folder : FONT_FOLDERS) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(folder, 4)) {
                files.filter(Files::isRegularFile).forEach(f -> scanned.add(new FontFile(f, 0, "", "")));
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not list the fonts in {}", folder, e);
            }
        }
        LOG.info("PDF report: no fontconfig; found {} font files in the usual folders", scanned.size());
        return new SystemFonts(scanned, false);
    }

    private static Optional<List<FontFile>> run(String... command) {
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(FC_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return Optional.of(output.lines().map(SystemFonts::parse).flatMap(Optional::stream).toList());
        } catch (IOException e) {
            LOG.debug("{} is not available", command[0], e);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.destroy();
            }
        }
    }

    private static Optional<FontFile> parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length < 4 || parts[0].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FontFile(Path.of(parts[0]), Integer.parseInt(parts[1].strip()), parts[2].strip(),
                    parts[3].strip()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
