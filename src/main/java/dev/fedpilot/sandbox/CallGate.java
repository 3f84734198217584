package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.Sleeper;
import dev.fedpilot.port.ThrottleBudget;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * What every call to one sandbox port goes through: latency, throttling of every Nth call, cancellation. A
 * throttled call is retried here as the real adapters retry theirs (Retry-After within {@link ThrottleBudget}),
 * so features see from the sandbox what they see from the clouds: THROTTLED only once that budget is spent.
 */
final class CallGate {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final String service;
    private final String throttleText;
    private final Duration latency;
    private final int throttleEveryNthCall;
    private final Sleeper sleeper;
    private final AtomicLong calls = new AtomicLong();

    CallGate(String service, String throttleText, SandboxOptions options, Sleeper sleeper) {
        this.sleeper = sleeper;
        this.service = service;
        this.throttleText = throttleText;
        this.latency = options.latency();
        this.throttleEveryNthCall = options.throttleEveryNthCall();
    }

    /** Waits the latency; when the peer throttles the call (every Nth), waits Retry-After and tries again. */
    void enter(String operation) {
        Duration elapsed = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            pause();
            elapsed = elapsed.plus(latency);
            long n = calls.incrementAndGet();
            if (throttleEveryNthCall == 0 || n % throttleEveryNthCall != 0) {
                return;
            }
            Optional<Duration> wait = ThrottleBudget.DEFAULT.nextWait(attempt, elapsed, Optional.of(RETRY_AFTER),
                    RETRY_AFTER);
            if (wait.isEmpty()) {
                throw CloudException.throttled(service + " throttled " + operation + ": " + throttleText, RETRY_AFTER);
            }
            sleep(wait.get());
            elapsed = elapsed.plus(wait.get());
        }
    }

    /**
     * Runs a request against a rate limit of the simulated cloud, retried when it throttles exactly as the real
     * adapters retry (within {@link ThrottleBudget}), so callers above the port never re-send.
     */
    void limited(Runnable request) {
        Duration elapsed = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            try {
                request.run();
                return;
            } catch (CloudException e) {
                if (e.problem() != CloudException.Problem.THROTTLED) {
                    throw e;
                }
                Optional<Duration> wait = ThrottleBudget.DEFAULT.nextWait(attempt, elapsed, e.retryAfter(),
                        RETRY_AFTER);
                if (wait.isEmpty()) {
                    throw e;
                }
                sleep(wait.get());
                elapsed = elapsed.plus(wait.get());
            }
        }
    }

    /**
     * Streams a listing page by page; {@code slice} (offset, size) reads one page under the world's lock.
     * Stops with a CancellationException when the calling thread is interrupted between pages.
     */
    <T> void pages(String operation, int pageSize, BiFunction<Integer, Integer, List<T>> slice,
                   Consumer<List<T>> onPage) {
        enter(operation);
        int offset = 0;
        while (true) {
            checkInterrupt();
            List<T> page = slice.apply(offset, pageSize);
            if (!page.isEmpty()) {
                onPage.accept(page);
            }
            if (page.size() < pageSize) {
                return;
            }
            offset += page.size();
            checkInterrupt();
            pause();
        }
    }

    static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    private void pause() {
        checkInterrupt();
        if (!latency.isZero()) {
            sleep(latency);
        }
    }

    /** Waits as the gate's callers wait (the injected sleeper); an interrupt ends it as a cancellation. */
    void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }
}
