package dev.fedpilot.entra;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.port.ThrottleBudget;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Replaces the SDK's RetryHandler: that one sleeps up to 180 s per attempt and, when interrupted, keeps
 * retrying; this one honours Retry-After within the shared {@link ThrottleBudget} (4 attempts, a wait capped
 * at 30 s, 60 s per call in all) and stops at once when the calling thread is interrupted. It is the only
 * layer that retries a Graph call; features do not retry again.
 */
final class ThrottleRetryInterceptor implements Interceptor {
    private static final Logger log = LoggerFactory.getLogger(ThrottleRetryInterceptor.class);

    /** The wait before a retry was interrupted: the caller cancelled. */
    static final class WaitInterrupted extends InterruptedIOException {
        WaitInterrupted() {
            super("interrupted while waiting to retry a throttled Graph request");
        }
    }

    private final RetryPolicy policy;
    private final ThrottleBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;

    ThrottleRetryInterceptor(RetryPolicy policy) {
        this(policy, Clock.systemUTC(), Sleeper.real());
    }

    ThrottleRetryInterceptor(RetryPolicy policy, Clock clock, Sleeper sleeper) {
        this.policy = policy;
        this.budget = policy.throttleBudget();
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Instant start = clock.instant();
        Response response = chain.proceed(request);
        for (int attempt = 1; retryable(response, request); attempt++) {
            Instant now = clock.instant();
            Optional<Duration> wait = budget.nextWait(attempt, Duration.between(start, now),
                    RetryPolicy.parseRetryAfter(response.header("Retry-After"), now), policy.backoff(attempt));
            if (wait.isEmpty()) {
                log.info("Graph answered {} for {} {} (attempt {}); the retry budget is spent", response.code(),
                        request.method(), request.url().encodedPath(), attempt);
                break;
            }
            log.info("Graph answered {} for {} {}; retrying in {} ms (attempt {})", response.code(),
                    request.method(), request.url().encodedPath(), wait.get().toMillis(), attempt);
            response.close();
            sleep(wait.get());
            request = request.newBuilder().header("Retry-Attempt", String.valueOf(attempt)).build();
            response = chain.proceed(request);
        }
        return response;
    }

    private static boolean retryable(Response response, Request request) {
        int code = response.code();
        boolean transientStatus = code == 429 || code == 503 || code == 504;
        return transientStatus && (request.body() == null || !request.body().isOneShot());
    }

    private void sleep(Duration wait) throws WaitInterrupted {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterrupted();
        }
    }
}
