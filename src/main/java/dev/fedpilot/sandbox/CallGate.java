package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** What every call to one sandbox port goes through: latency, throttling of every Nth call, cancellation. */
final class CallGate {
    private static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final String service;
    private final String throttleText;
    private final Duration latency;
    private final int throttleEveryNthCall;
    private final AtomicLong calls = new AtomicLong();

    CallGate(String service, String throttleText, SandboxOptions options) {
        this.service = service;
        this.throttleText = throttleText;
        this.latency = options.latency();
        this.throttleEveryNthCall = options.throttleEveryNthCall();
    }

    /** Waits the latency, then throttles the call if it is the Nth one. */
    void enter(String operation) {
        pause();
        long n = calls.incrementAndGet();
        if (throttleEveryNthCall > 0 && n % throttleEveryNthCall == 0) {
            throw CloudException.throttled(service + " throttled " + operation + ": " + throttleText, RETRY_AFTER);
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
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("cancelled");
        }
    }
}
