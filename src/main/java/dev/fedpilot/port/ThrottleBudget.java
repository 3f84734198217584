package dev.fedpilot.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far an adapter goes retrying one throttled call (the only layer that retries; features do not retry
 * again): at most {@code maxAttempts} attempts, each after the cloud's Retry-After (else the backoff), no wait
 * longer than {@code maxWait}, and no new attempt once the call would pass {@code maxTotal} from its start. A
 * Retry-After beyond {@code maxWait} is not shortened (retrying early only earns another refusal): the call
 * gives up at once and the caller gets the Retry-After.
 */
public record ThrottleBudget(int maxAttempts, Duration maxWait, Duration maxTotal) {

    /** The one policy of both adapters: 4 attempts, Retry-After capped at 30 s, 60 s per call in all. */
    public static final ThrottleBudget DEFAULT = new ThrottleBudget(4, Duration.ofSeconds(30), Duration.ofSeconds(60));

    public ThrottleBudget {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(maxTotal, "maxTotal");
    }

    /**
     * The wait before the next attempt, or empty when the call should give up.
     *
     * @param attemptsMade attempts so far, all throttled
     * @param elapsed      time since the first attempt started
     * @param retryAfter   what the cloud asked for, if anything
     * @param backoff      the adapter's wait when the cloud did not say
     */
    public Optional<Duration> nextWait(int attemptsMade, Duration elapsed, Optional<Duration> retryAfter,
                                       Duration backoff) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        if (retryAfter.isPresent() && retryAfter.get().compareTo(maxWait) > 0) {
            return Optional.empty();
        }
        Duration wait = retryAfter.orElse(backoff);
        if (wait.isNegative()) {
            wait = Duration.ZERO;
        }
        if (wait.compareTo(maxWait) > 0) {
            wait = maxWait;
        }
        return elapsed.plus(wait).compareTo(maxTotal) > 0 ? Optional.empty() : Optional.of(wait);
    }
}
