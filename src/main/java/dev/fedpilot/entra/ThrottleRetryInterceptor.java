package dev.fedpilot.entra;

import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Replaces the SDK's RetryHandler: that one sleeps up to 180 s per attempt and, when interrupted, keeps
 * retrying; this one honours Retry-After within {@link RetryPolicy#maxTotalWait()} and stops at once when the
 * calling thread is interrupted.
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

    ThrottleRetryInterceptor(RetryPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        Response response = chain.proceed(request);
        Duration waited = Duration.ZERO;
        for (int attempt = 1; attempt <= policy.maxRetries() && retryable(response, request); attempt++) {
            Duration wait = RetryPolicy.parseRetryAfter(response.header("Retry-After"), Instant.now())
                    .orElse(policy.backoff(attempt));
            if (waited.plus(wait).compareTo(policy.maxTotalWait()) > 0) {
                log.info("Graph answered {} for {} {}; Retry-After {} s is beyond the retry budget",
                        response.code(), request.method(), request.url().encodedPath(), wait.toSeconds());
                break;
            }
            log.info("Graph answered {} for {} {}; retrying in {} ms (attempt {})", response.code(),
                    request.method(), request.url().encodedPath(), wait.toMillis(), attempt);
            response.close();
            sleep(wait);
            waited = waited.plus(wait);
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

    private static void sleep(Duration wait) throws WaitInterrupted {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WaitInterrupted();
        }
    }
}
