package dev.fedpilot.entra;

import dev.fedpilot.port.ThrottleBudget;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How Graph throttling (429) and brief outages (503, 504) are retried: Retry-After is honoured (capped as
 * {@link ThrottleBudget} says), else the wait doubles from {@code firstBackoff}; a wait that would push the call
 * past {@code maxTotalWait} is not taken, the caller gets THROTTLED with the server's Retry-After instead.
 */
public record RetryPolicy(int maxRetries, Duration firstBackoff, Duration maxTotalWait) {

    /** The shared budget (4 attempts, 60 s); stays well inside OkHttp's 100 s call timeout. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(ThrottleBudget.DEFAULT.maxAttempts() - 1,
            Duration.ofSeconds(1), ThrottleBudget.DEFAULT.maxTotal());
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0 || firstBackoff.isNegative() || maxTotalWait.isNegative()) {
            throw new IllegalArgumentException("retry policy values must not be negative");
        }
    }

    /** These retries as attempts, with the shared cap on one wait. */
    ThrottleBudget throttleBudget() {
        return new ThrottleBudget(maxRetries + 1, ThrottleBudget.DEFAULT.maxWait(), maxTotalWait);
    }

    Duration backoff(int attempt) {
        return firstBackoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }

    /** Retry-After as delta-seconds or an HTTP date; empty when absent or unreadable. */
    static Optional<Duration> parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(now, at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
