package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.Sleeper;
import dev.fedpilot.port.ThrottleBudget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Runs one AWS call: waits and retries when AWS throttles (as long as RetryAfterSeconds says, within the
 * policy's {@link ThrottleBudget}), stops on interrupt, and maps every other failure to a {@link CloudException}.
 * This is the only place an AWS call is retried for throttling; callers do not retry again.
 */
final class AwsCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCalls.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MIN_WAIT = Duration.ofMillis(100);

    private final ThrottleBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;

    AwsCalls(AwsCallPolicy policy, Clock clock, Sleeper sleeper) {
        this.budget = policy.throttleBudget();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** @param action the IAM action name, e.g. {@code identitystore:ListUsers}, used in messages */
    <T> T call(String action, Supplier<T> request) {
        Instant start = clock.instant();
        Duration lastWait = null;
        for (int attempt = 1; ; attempt++) {
            checkInterrupted(action);
            try {
                return request.get();
            } catch (SdkException failure) {
                if (AwsErrors.isCancellation(failure) || Thread.currentThread().isInterrupted()) {
                    throw AwsErrors.cancelled(action);
                }
                if (!AwsErrors.isThrottling(failure)) {
                    LOG.debug("{} failed", action, failure);
                    throw AwsErrors.toCloudException(action, failure);
                }
                Optional<Duration> retryAfter = AwsErrors.retryAfter(failure);
                Optional<Duration> wait = budget.nextWait(attempt, Duration.between(start, clock.instant()),
                        retryAfter, FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10)));
                if (wait.isEmpty()) {
                    LOG.warn("{} still throttled after {} attempts", action, attempt);
                    throw AwsErrors.throttled(action, attempt, retryAfter.orElse(lastWait), failure);
                }
                lastWait = wait.get().compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait.get();
                LOG.info("{} throttled (attempt {}), waiting {} ms", action, attempt, lastWait.toMillis());
                sleep(action, lastWait);
            }
        }
    }

    static void checkInterrupted(String action) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled before " + action);
        }
    }

    private void sleep(String action, Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw AwsErrors.cancelled(action);
        }
    }
}
