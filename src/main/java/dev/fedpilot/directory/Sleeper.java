package dev.fedpilot.directory;

import java.time.Duration;

/** How waits for throttling and rate limits pass; tests move a clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    static Sleeper real() {
        return d -> Thread.sleep(Math.max(1, d.toMillis()));
    }
}
