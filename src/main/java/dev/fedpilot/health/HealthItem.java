package dev.fedpilot.health;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing the health check looked at.
 *
 * @param code a stable kebab-case id for scripts and monitoring (e.g. {@code scim-token}, {@code provisioning-job})
 * @param fix  what to do; empty when the item is OK
 */
public record HealthItem(String code, Level level, String message, String fix) {

    /** Monitoring's levels: OK, WARNING needs attention soon, CRITICAL is broken now or about to be. */
    public enum Level {
        OK, WARNING, CRITICAL;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public HealthItem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    public static HealthItem ok(String code, String message) {
        return new HealthItem(code, Level.OK, message, "");
    }

    public boolean needsAttention() {
        return level != Level.OK;
    }
}
