package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket like AWS's per-account API rate: {@code perSecond} requests a second, bursts up to one second's
 * worth. A first request over the rate is refused with ThrottlingException; a further page of a listing already
 * under way is let through and owed (as the SDK would retry that page by itself), so the next request waits longer.
 */
final class SandboxRateLimit {
    private final Clock clock;
    private final String service;
    private int perSecond;
    private double tokens;
    private Instant last;
    private long requests;
    private long refused;

    SandboxRateLimit(Clock clock, String service, int perSecond) {
        this.clock = clock;
        this.service = service;
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.last = clock.instant();
    }

    synchronized void setPerSecond(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("the rate must be at least 1 request per second");
        }
        perSecond = value;
        tokens = value;
        last = clock.instant();
    }

    /** A new request: refused with a ThrottlingException when over the rate. */
    synchronized void request(String operation) {
        refill();
        if (tokens < 1) {
            refused++;
            long waitMillis = (long) Math.ceil((1 - tokens) * 1000.0 / perSecond);
            throw CloudException.throttled(service + " throttled " + operation + ": ThrottlingException: Rate exceeded.",
                    Duration.ofMillis(Math.max(1, waitMillis)));
        }
        tokens -= 1;
        requests++;
    }

    /** A further page of a listing that already started: counted, never refused. */
    synchronized void page() {
        refill();
        tokens -= 1;
        requests++;
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long refused() {
        return refused;
    }

    private void refill() {
        Instant now = clock.instant();
        double elapsed = Duration.between(last, now).toNanos() / 1e9;
        if (elapsed > 0) {
            tokens = Math.min(perSecond, tokens + elapsed * perSecond);
            last = now;
        }
    }
}
