package dev.fedpilot.directory;

import dev.fedpilot.domain.CloudException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Retries a cloud call that was throttled (or hit a passing outage) after the wait the cloud asked for, and
 * holds back every other call that goes through the same throttle until then: one answer of "slow down"
 * slows the whole batch, not only the call that got it.
 */
public final class Throttle {
    static final int MAX_ATTEMPTS = 6;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

    private final Clock clock;
    private final Sleeper sleeper;
    private Instant resumeAt = Instant.MIN;

    public Throttle(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Runs {@code call}, waiting out throttling; gives up with the last error after {@link #MAX_ATTEMPTS}. */
    public <T> T call(Supplier<T> call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            awaitTurn();
            try {
                return call.get();
            } catch (CloudException e) {
                if (!e.isRetryable() || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                holdOff(e.retryAfter().orElse(FIRST_BACKOFF.multipliedBy(1L << (attempt - 1))));
            }
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
