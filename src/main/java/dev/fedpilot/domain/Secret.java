package dev.fedpilot.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A secret (SCIM token, access token) held in memory only. Its text never appears in {@link #toString()},
 * and {@link #close()} wipes it, so a secret cannot leak into logs, reports or exception messages by accident.
 * Every secret not yet wiped is known to {@link #redactLive}, which the log's redaction consults: a token that
 * reaches an exception message is masked by its exact value.
 */
public final class Secret implements AutoCloseable {
    /** Shorter values would mask ordinary words; real tokens are far longer. */
    static final int SHORTEST_REDACTED = 6;
    // weak: a secret dropped without close() leaves the registry with the garbage collector
    private static final Set<Secret> LIVE = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
    private final char[] value;
    private boolean wiped;

    private Secret(char[] value) {
        this.value = value;
        LIVE.add(this);
    }

    /** {@code text} with the value of every secret held in memory replaced by "***". */
    public static String redactLive(String text) {
        if (text == null || text.length() < SHORTEST_REDACTED) {
            return text;
        }
        List<Secret> live;
        synchronized (LIVE) {
            live = new ArrayList<>(LIVE);
        }
        String out = text;
        for (Secret secret : live) {
            String value = secret.valueForRedaction();
            if (value != null && out.contains(value)) {
                out = out.replace(value, "***");
            }
        }
        return out;
    }

    private synchronized String valueForRedaction() {
        return wiped || value.length < SHORTEST_REDACTED ? null : new String(value);
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
        LIVE.remove(this);
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
