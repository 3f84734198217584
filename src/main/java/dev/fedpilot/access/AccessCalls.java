package dev.fedpilot.access;

import dev.fedpilot.directory.Sleeper;
import dev.fedpilot.directory.Throttle;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * How the access feature calls sso-admin: paced below AWS's documented rate (20 requests per second for the account
 * access API, shared by every caller in the account), and retried through the app's one {@link Throttle} when AWS
 * still answers "slow down". Pacing keeps a large listing near the rate instead of bouncing off it.
 */
public final class AccessCalls {
    public static final int DEFAULT_RATE_PER_SECOND = 20;

    private final Clock clock;
    private final Sleeper sleeper;
    private final Throttle throttle;
    private final int ratePerSecond;
    /** A token bucket like AWS's: a second's worth of burst, refilled at the rate; negative while calls wait. */
    private double tokens;
    private java.time.Instant refilled;

    public AccessCalls(Clock clock, Sleeper sleeper, int ratePerSecond) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.throttle = new Throttle(clock, sleeper);
        this.ratePerSecond = ratePerSecond;
        this.tokens = ratePerSecond;
        this.refilled = clock.instant();
    }

    public static AccessCalls real() {
        return new AccessCalls(Clock.systemUTC(), Sleeper.real(), DEFAULT_RATE_PER_SECOND);
    }

    /** Runs one request (or one listing) at the paced rate, retrying throttling and passing outages. */
    public <T> T call(Supplier<T> request) {
        try {
            return throttle.call(() -> {
                pace();
                return request.get();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }

    public void run(Runnable request) {
        call(() -> {
            request.run();
            return null;
        });
    }

    Sleeper sleeper() {
        return sleeper;
    }

    Clock clock() {
        return clock;
    }

    /** Takes a token, or reserves the next one and waits for it: a late wake-up does not lose its slot. */
    private void pace() {
        Duration wait;
        synchronized (this) {
            java.time.Instant now = clock.instant();
            double elapsed = Duration.between(refilled, now).toNanos() / 1e9;
            if (elapsed > 0) {
                tokens = Math.min(ratePerSecond, tokens + elapsed * ratePerSecond);
                refilled = now;
            }
            tokens -= 1;
            wait = tokens >= 0 ? Duration.ZERO : Duration.ofNanos((long) (-tokens * 1e9 / ratePerSecond));
        }
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }
}
