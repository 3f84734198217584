package dev.fedpilot.domain;

import java.util.Arrays;

/**
 * A secret (SCIM token, access token) held in memory only. Its text never appears in {@link #toString()},
 * and {@link #close()} wipes it, so a secret cannot leak into logs, reports or exception messages by accident.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;
    private boolean wiped;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Takes a copy of {@code chars}; the caller should wipe its own array. */
    public static Secret of(char[] chars) {
        return new Secret(Arrays.copyOf(chars, chars.length));
    }

    public static Secret of(String text) {
        return new Secret(text.toCharArray());
    }

    public synchronized boolean isEmpty() {
        return wiped || value.length == 0 || new String(value).isBlank();
    }

    /** A copy of the characters; wipe it after use. */
    public synchronized char[] reveal() {
        if (wiped) {
            throw new IllegalStateException("secret was already wiped");
        }
        return Arrays.copyOf(value, value.length);
    }

    /** For APIs that only take a String (HTTP headers, SDK requests): keep the result short-lived. */
    public synchronized String revealAsString() {
        return new String(reveal());
    }

    public synchronized boolean matches(Secret other) {
        if (other == null || wiped || other.wiped) {
            return false;
        }
        return java.security.MessageDigest.isEqual(
                new String(value).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new String(other.value).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public synchronized Secret copy() {
        return of(reveal());
    }

    @Override
    public synchronized void close() {
        Arrays.fill(value, '\0');
        wiped = true;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
