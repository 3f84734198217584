package dev.fedpilot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A sliding window limit, e.g. Entra's 5 provision-on-demand requests per 10 seconds. Not thread-safe. */
public final class RateWindow {
    private final int max;
    private final Duration window;
    private final Deque<Instant> sent = new ArrayDeque<>();

    public RateWindow(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    /** How long to wait at {@code now} before the next request may go; zero when it may go at once. */
    public Duration waitBefore(Instant now) {
        while (!sent.isEmpty() && !sent.peekFirst().plus(window).isAfter(now)) {
            sent.removeFirst();
        }
        if (sent.size() < max) {
            return Duration.ZERO;
        }
        return Duration.between(now, sent.peekFirst().plus(window));
    }

    public void record(Instant at) {
        sent.addLast(at);
    }
}
