package dev.fedpilot.access;

import dev.fedpilot.directory.Sleeper;
import dev.fedpilot.directory.Throttle;
import dev.fedpilot.domain.RateWindow;

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
    private final RateWindow window;

    public AccessCalls(Clock clock, Sleeper sleeper, int ratePerSecond) {
        if (ratePerSecond < 1) {
            throw new IllegalArgumentException("ratePerSecond must be at least 1");
        }
        this.clock = clock;
        this.sleeper = sleeper;
        this.throttle = new Throttle(clock, sleeper);
        this.window = new RateWindow(ratePerSecond, Duration.ofSeconds(1));
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

    private void pace() {
        while (true) {
            Duration wait;
            synchronized (window) {
                wait = window.waitBefore(clock.instant());
                if (wait.isZero()) {
                    window.record(clock.instant());
                    return;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("cancelled");
            }
        }
    }
}
