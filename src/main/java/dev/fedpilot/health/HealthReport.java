package dev.fedpilot.health;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** What one run of the health check found: every item, OK ones included, most severe first. */
public record HealthReport(Instant checkedAt, List<HealthItem> items) {

    public HealthReport {
        items = items.stream().sorted(Comparator.comparing(HealthItem::level).reversed()).toList();
    }

    /** The worst level of any item; OK when nothing needs attention. */
    public HealthItem.Level level() {
        return items.stream().map(HealthItem::level).max(Comparator.naturalOrder()).orElse(HealthItem.Level.OK);
    }

    public List<HealthItem> attention() {
        return items.stream().filter(HealthItem::needsAttention).toList();
    }

    /** The Nagios plugin convention: 0 OK, 1 WARNING, 2 CRITICAL (3 UNKNOWN is the command's, when no check ran). */
    public int nagiosCode() {
        return level().ordinal();
    }
}
