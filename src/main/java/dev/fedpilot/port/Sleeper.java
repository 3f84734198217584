package dev.fedpilot.port;

import java.time.Duration;

/**
 * How FedPilot waits (throttling, polling, paced batches, the sandbox's simulated latency): the one place that
 * blocks a thread for a time, so that tests pass a sleeper that moves their clock instead of sleeping. Time is
 * read from the injected {@link java.time.Clock}; an ArchUnit rule keeps every other sleep out of the code.
 */
@FunctionalInterface
public interface Sleeper {

    /** Waits {@code duration} (nothing when zero or negative); an interrupt ends the wait. */
    void sleep(Duration duration) throws InterruptedException;

    /** Real time. */
    static Sleeper real() {
        return duration -> {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        };
    }
}
