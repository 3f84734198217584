package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Runs one AWS call: waits and retries when AWS throttles (as long as RetryAfterSeconds says, bounded by the
 * policy), stops on interrupt, and maps every other failure to a {@link CloudException}.
 */
final class AwsCalls {

    private static final Logger LOG = LoggerFactory.getLogger(AwsCalls.class);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MIN_WAIT = Duration.ofMillis(100);

    private final AwsCallPolicy policy;

    AwsCalls(AwsCallPolicy policy) {
        this.policy = policy;
    }

    /** @param action the IAM action name, e.g. {@code identitystore:ListUsers}, used in messages */
    <T> T call(String action, Supplier<T> request) {
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
                if (attempt >= policy.throttleAttempts()) {
                    LOG.warn("{} still throttled after {} attempts", action, attempt);
                    throw AwsErrors.throttled(action, attempt, AwsErrors.retryAfter(failure).orElse(lastWait), failure);
                }
                lastWait = waitFor(attempt, failure);
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

    private Duration waitFor(int attempt, SdkException failure) {
        Duration wait = AwsErrors.retryAfter(failure)
                .orElse(FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 10)));
        if (wait.compareTo(MIN_WAIT) < 0) {
            return MIN_WAIT;
        }
        return wait.compareTo(policy.maxThrottleWait()) > 0 ? policy.maxThrottleWait() : wait;
    }

    private static void sleep(String action, Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            throw AwsErrors.cancelled(action);
        }
    }
}
