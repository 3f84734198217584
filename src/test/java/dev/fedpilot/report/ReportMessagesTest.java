package dev.fedpilot.report;

import dev.fedpilot.ui.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
