package dev.fedpilot.aws;

import dev.fedpilot.port.ThrottleBudget;

import java.time.Duration;
import java.util.Objects;

/**
 * How hard FedPilot tries before it gives up on an AWS call.
 *
 * @param sdkMaxAttempts    attempts the SDK makes for transient network and 5xx failures (1 = no SDK retry);
 *                          throttling is never retried by the SDK, only by {@link AwsCalls}
 * @param apiCallTimeout    upper bound for one call including the SDK's retries
 * @param attemptTimeout    upper bound for one HTTP attempt
 * @param throttleAttempts  attempts per call when AWS throttles (each waits RetryAfterSeconds or a backoff)
 * @param maxThrottleWait   longest single wait after a throttling answer
 * A call never goes on retrying past {@link ThrottleBudget#DEFAULT}'s total, whatever these say.
 */
public record AwsCallPolicy(int sdkMaxAttempts, Duration apiCallTimeout, Duration attemptTimeout,
                            int throttleAttempts, Duration maxThrottleWait) {

    public AwsCallPolicy {
        if (sdkMaxAttempts < 1 || throttleAttempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
        Objects.requireNonNull(apiCallTimeout);
        Objects.requireNonNull(attemptTimeout);
        Objects.requireNonNull(maxThrottleWait);
    }

    public static AwsCallPolicy defaults() {
        ThrottleBudget budget = ThrottleBudget.DEFAULT;
        return new AwsCallPolicy(3, Duration.ofSeconds(60), Duration.ofSeconds(20), budget.maxAttempts(),
                budget.maxWait());
    }

    /** The adapter's throttling limits: these attempts and single wait, within the shared per-call total. */
    public ThrottleBudget throttleBudget() {
        return new ThrottleBudget(throttleAttempts, maxThrottleWait, ThrottleBudget.DEFAULT.maxTotal());
    }
}
