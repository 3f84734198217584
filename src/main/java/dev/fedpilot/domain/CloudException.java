package dev.fedpilot.domain;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure of a cloud call, in words a user can act on: what happened ({@link #getMessage()}), why
 * ({@link #problem()}) and what to do ({@link #fix()}). Messages never contain a secret.
 */
public class CloudException extends RuntimeException {

    /** What kind of failure, independent of the cloud that raised it. */
    public enum Problem {
        /** Too many requests; wait {@link #retryAfter()} and try again. */
        THROTTLED,
        /** The signed-in principal lacks a permission or an admin role. */
        FORBIDDEN,
        /** Credentials missing, expired or wrong. */
        UNAUTHENTICATED,
        NOT_FOUND,
        /** An object was just created and is not readable yet (eventual consistency). */
        NOT_YET_AVAILABLE,
        CONFLICT,
        INVALID_INPUT,
        /** The service is down or unreachable. */
        UNAVAILABLE,
        UNEXPECTED
    }

    private final Problem problem;
    private final String fix;
    private final Duration retryAfter;

    public CloudException(Problem problem, String message, String fix) {
        this(problem, message, fix, null, null);
    }

    public CloudException(Problem problem, String message, String fix, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.problem = Objects.requireNonNull(problem);
        this.fix = fix == null ? "" : fix;
        this.retryAfter = retryAfter;
    }

    public static CloudException throttled(String message, Duration retryAfter) {
        return new CloudException(Problem.THROTTLED, message,
                "FedPilot already waited and tried again; try once more in a minute.", retryAfter, null);
    }

    public static CloudException notFound(String message) {
        return new CloudException(Problem.NOT_FOUND, message, "Refresh and check the object still exists.");
    }

    public Problem problem() {
        return problem;
    }

    public String fix() {
        return fix;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean isRetryable() {
        return problem == Problem.THROTTLED || problem == Problem.NOT_YET_AVAILABLE || problem == Problem.UNAVAILABLE;
    }
}
