package dev.fedpilot.entra.fake;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/** A failure the fake answers instead of the real thing, for the next {@code times} matching requests. */
public final class Fault {
    final String method;
    final Pattern path;
    final FakeResponse response;
    private final AtomicInteger remaining;
    /** The request is carried out first and only its answer is replaced (a response lost after the work). */
    boolean afterProcessing;

    private Fault(String method, String pathRegex, FakeResponse response, int times) {
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.response = response;
        this.remaining = new AtomicInteger(times);
    }

    /** 429 with Retry-After in seconds, as Graph throttles. */
    public static Fault throttle(String method, String pathRegex, int retryAfterSeconds, int times) {
        return new Fault(method, pathRegex, FakeResponse.error(429, "TooManyRequests",
                "Too many requests. Please retry after " + retryAfterSeconds + " seconds.",
                Map.of("Retry-After", String.valueOf(retryAfterSeconds))), times);
    }

    /** 403 with the body Graph sends when a permission or role is missing. */
    public static Fault forbidden(String method, String pathRegex, int times) {
        return new Fault(method, pathRegex, FakeResponse.error(403, "Authorization_RequestDenied",
                "Insufficient privileges to complete the operation."), times);
    }

    public static Fault status(String method, String pathRegex, int status, String code, String message, int times) {
        return new Fault(method, pathRegex, FakeResponse.error(status, code, message), times);
    }

    /** Does the work, then answers {@code status} as if the gateway lost Graph's answer. */
    public static Fault lostResponse(String method, String pathRegex, int status, int times) {
        Fault fault = new Fault(method, pathRegex, FakeResponse.error(status, status == 503 ? "serviceNotAvailable"
                : "generalException", "The service is temporarily unavailable."), times);
        fault.afterProcessing = true;
        return fault;
    }

    boolean matches(RecordedRequest request) {
        return method.equalsIgnoreCase(request.method()) && path.matcher(request.path()).matches();
    }

    /** True once per remaining use. */
    boolean consume() {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    public int remaining() {
        return remaining.get();
    }
}
