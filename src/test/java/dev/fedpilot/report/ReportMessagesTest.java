package dev.fedpilot.report;

import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's message keys that are built from enums and ids exist (MessagesTest checks literal keys). */
class ReportMessagesTest {
    @Test
    void everyKeyBuiltFromAnEnumOrIdExists() {
        Messages messages = Messages.english();
        List<String> keys = new ArrayList<>();
        for (SetupReport.Health h : SetupReport.Health.values()) {
            keys.add("report.health." + h.id());
        }
        for (SetupReport.State s : SetupReport.State.values()) {
            keys.add("report.state." + s.id());
        }
        for (SetupReport.Section s : SetupReport.Section.values()) {
            keys.add("report.section." + s.id());
        }
        for (ReportBuilder.Phase p : ReportBuilder.Phase.values()) {
            keys.add("report.phase." + p.id());
        }
        for (ReportFormat f : ReportFormat.values()) {
            keys.add("report.format." + f.id());
        }
        for (String s : List.of("error", "warning", "info")) {
            keys.add("report.severity." + s);
        }
        for (String s : List.of("not-configured", "paused", "active", "quarantine")) {
            keys.add("report.jobStatus." + s);
        }
        for (String s : List.of("ok", "failed", "info")) {
            keys.add("report.outcome." + s);
        }
        assertEquals(List.of(), keys.stream().filter(k -> !messages.has(k)).toList());
    }

    /** Keys handed to helpers (not written as messages.get("…")) are checked here. */
    @Test
    void everyReportKeyLiteralInTheCodeExists() throws IOException {
        Messages messages = Messages.english();
        Pattern literal = Pattern.compile("\"(report\\.[a-zA-Z0-9_.-]*[a-zA-Z0-9_-])\"");
        Set<String> missing = new TreeSet<>();
        int found = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/dev/fedpilot/report"))) {
            for (Path file : files.toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    found++;
                    if (!messages.has(m.group(1))) {
                        missing.add(m.group(1) + " (" + file.getFileName() + ")");
                    }
                }
            }
        }
        assertTrue(found > 100, "the scan sees the report's keys: " + found);
        assertEquals(Set.of(), missing);
    }
}
