package dev.fedpilot.domain;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Something a check found, in words a user can act on.
 *
 * @param code a stable kebab-case identifier (e.g. {@code certificate-expired}) for scripts, tests and translations
 */
public record Finding(Severity severity, String code, String message, String fix) {

    public enum Severity {
        ERROR, WARNING, INFO;

        /** Lowercase name used in JSON and on the command line. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        fix = fix == null ? "" : fix;
    }

    public static Finding error(String code, String message, String fix) {
        return new Finding(Severity.ERROR, code, message, fix);
    }

    public static Finding warning(String code, String message, String fix) {
        return new Finding(Severity.WARNING, code, message, fix);
    }

    public static Finding info(String code, String message, String fix) {
        return new Finding(Severity.INFO, code, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    public static boolean anyError(Collection<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }
}
