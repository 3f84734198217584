package dev.fedpilot.report;

import dev.fedpilot.domain.SetupState;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Markdown export: headings, well-formed pipe tables and the values, for tickets and wikis. */
class MarkdownReportWriterTest {
    @TempDir
    static Path exports;
    private static ReportFixture fixture;
    private static String md;

    @BeforeAll
    static void write() {
        fixture = new ReportFixture(exports).withFindings();
        md = new MarkdownReportWriter(Messages.english()).render(fixture.builder().build());
    }

    private static List<String> headings(String text) {
        return text.lines().filter(l -> l.startsWith("#")).toList();
    }

    /** Each run of table lines: the header, the separator, then the rows. */
    private static List<List<String>> tables(String text) {
        List<List<String>> tables = new ArrayList<>();
        List<String> current = null;
        for (String line : text.lines().toList()) {
            if (line.startsWith("|")) {
                if (current == null) {
                    current = new ArrayList<>();
                    tables.add(current);
                }
                current.add(line);
            } else {
                current = null;
            }
        }
        return tables;
    }

    /** Cell separators: pipes that are not escaped. */
    private static int columns(String row) {
        return row.replace("\\|", "").split("\\|", -1).length - 2;
    }

    @Test
    void theHeadingsAreTheTitleTheStatusAndEverySection() {
        List<String> headings = headings(md);
        assertEquals("# FedPilot setup report", headings.get(0));
        assertEquals("## Status", headings.get(1));
        List<String> sections = headings.stream().filter(h -> h.startsWith("## ")).map(h -> h.replaceAll(" \\(.*\\)$", ""))
                .toList();
        assertEquals(List.of("## Status", "## Findings", "## Setup progress", "## Microsoft Entra ID",
                "## AWS IAM Identity Center", "## SAML single sign-on", "## SCIM endpoint and token", "## Provisioning",
                "## Assigned groups and users", "## Timeline"), sections);
        assertTrue(md.contains("## Findings (problem)"), "a section says how it stands");
        assertTrue(md.contains("**Needs fixing**"));
    }

    @Test
    void everyTableHasAHeaderASeparatorAndRowsOfTheSameWidth() {
        List<List<String>> tables = tables(md);
        assertTrue(tables.size() >= 8, "facts and data tables: " + tables.size());
        for (List<String> table : tables) {
            int width = columns(table.get(0));
            assertTrue(table.get(1).matches("\\|( --- \\|)+"), table.get(1));
            for (String row : table) {
                assertEquals(width, columns(row), row);
            }
        }
    }

    @Test
    void theValuesAreThereIdsAsCode() {
        SetupState saved = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        assertTrue(md.contains("| Instance ARN | `" + saved.instance().instanceArn() + "` |"), md);
        assertTrue(md.contains("| SHA-256 thumbprint | `" + saved.signingCertificate().sha256() + "` |"));
        assertTrue(md.contains("| Job ID | `" + saved.jobId() + "` |"));
        assertTrue(md.contains("| AWS-ReadOnly | 8 |"), md);
        assertTrue(md.lines().anyMatch(l -> l.startsWith("  *Fix:* ")), "findings carry their fix");
    }

    @Test
    void pipesAndMarkupInNamesCannotBreakTheTables() {
        String hostile = new MarkdownReportWriter(Messages.english()).render(ReportSamples.hostile());
        for (List<String> table : tables(hostile)) {
            int width = columns(table.get(0));
            table.forEach(row -> assertEquals(width, columns(row), row));
        }
        assertTrue(hostile.contains("\\<script\\>"), "markup is escaped");
        assertTrue(hostile.contains("line one line two"), "a line break in a cell becomes a space");
    }
}
