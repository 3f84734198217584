package dev.fedpilot.directory;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.domain.CloudException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Paces the calls of one batch: when one call is throttled (or hits a passing outage), every call that goes
 * through the same throttle holds back until the wait the cloud asked for is over, so one answer of "slow down"
 * slows the whole batch, not only the call that got it. It does not retry: the adapter already did, up to its
 * own limit, and the call that failed is reported as failed (one retry layer, the adapter).
 */
public final class Throttle {
    private static final Duration DEFAULT_HOLD_OFF = Duration.ofSeconds(1);

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant resumeAt = Instant.MIN;

    public Throttle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits while the batch is held back, then runs {@code call} once; a throttled failure holds back the rest. */
    public <T> T call(Supplier<T> call) throws InterruptedException {
        awaitTurn();
        try {
            return call.get();
        } catch (CloudException e) {
            if (e.isRetryable()) {
                holdOff(e.retryAfter().orElse(DEFAULT_HOLD_OFF));
            }
            throw e;
        }
    }

    /** Keeps every call back for {@code wait} from now (or longer, if another answer asked for more). */
    synchronized void holdOff(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(resumeAt)) {
            resumeAt = until;
        }
    }

    void awaitTurn() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                wait = Duration.between(clock.instant(), resumeAt);
            }
            if (wait.isNegative() || wait.isZero()) {
                return;
            }
            sleeper.sleep(wait);
        }
    }
}
