package dev.fedpilot.testing;

import dev.fedpilot.port.Sleeper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A sleeper that moves a {@link TestClock} by each wait instead of sleeping, and records the waits. */
public final class MovingSleeper implements Sleeper {
    private final TestClock clock;
    private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());

    public MovingSleeper(TestClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException();
        }
        waits.add(duration);
        if (!duration.isNegative() && !duration.isZero()) {
            clock.advance(duration);
        }
    }

    public List<Duration> waits() {
        synchronized (waits) {
            return List.copyOf(waits);
        }
    }
}
