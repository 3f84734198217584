package dev.fedpilot.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The sandbox's time: the real clock plus the offset that time travel moved it by, so token and certificate
 * expiry, quarantine and the rotations can be rehearsed without waiting a year. The offset belongs to the world:
 * it is saved with it, so the window, the command line and the next start all read the same date.
 */
public final class SandboxClock extends Clock {
    /** Far enough for any rehearsal, near enough that no Instant overflows. */
    public static final Duration MAX_OFFSET = Duration.ofDays(100 * 365);

    private final SandboxWorld world;
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    SandboxClock(SandboxWorld world, Clock base) {
        this.world = world;
        this.base = Objects.requireNonNull(base, "clock");
    }

    /** The sandbox's now; takes in first an offset another process saved meanwhile. */
    @Override
    public Instant instant() {
        world.catchUpIfChanged();
        return current();
    }

    /** How far ahead of real time the sandbox is. */
    public Duration offset() {
        world.catchUpIfChanged();
        return offset;
    }

    /** Moves the sandbox's time forward by {@code step} (zero or more) and saves it with the world. */
    public void moveForward(Duration step) {
        if (step.isNegative()) {
            throw new IllegalArgumentException("the sandbox's time only moves forward");
        }
        world.changing(() -> {
            Duration moved = offset.plus(step);
            if (moved.compareTo(MAX_OFFSET) > 0) {
                throw new IllegalArgumentException("the sandbox's time moves at most " + MAX_OFFSET.toDays()
                        + " days ahead");
            }
            offset = moved;
        });
    }

    /** Back to real time (the world's dates stay as they were made). */
    public void reset() {
        world.changing(() -> {
            offset = Duration.ZERO;
        });
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    /** Time travel belongs to the world, so the clock keeps its zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /** The world's own reads, under its lock after it caught up. */
    Instant current() {
        return base.instant().plus(offset);
    }

    Duration savedOffset() {
        return offset;
    }

    /** Caller holds the world's lock: the offset as saved (a world saved before time travel has none). */
    void restore(Duration saved) {
        offset = saved == null || saved.isNegative() ? Duration.ZERO : saved;
    }
}
