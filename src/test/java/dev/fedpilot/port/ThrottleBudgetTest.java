package dev.fedpilot.port;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The shared limits of both adapters' retrying: 4 attempts, waits up to 30 s, 60 s per call. */
class ThrottleBudgetTest {
    final ThrottleBudget budget = ThrottleBudget.DEFAULT;
    final Duration second = Duration.ofSeconds(1);

    @Test
    void retryAfterIsHonouredUpToTheFourthAttempt() {
        assertEquals(Optional.of(Duration.ofSeconds(5)), budget.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(5)), second));
        assertEquals(Optional.of(Duration.ofSeconds(5)), budget.nextWait(3, Duration.ofSeconds(10), Optional.of(Duration.ofSeconds(5)), second));
        assertEquals(Optional.empty(), budget.nextWait(4, Duration.ofSeconds(15), Optional.of(Duration.ofSeconds(5)), second));
    }

    @Test
    void aRetryAfterPast30SecondsIsNotWaitedButABackoffIsCapped() {
        assertEquals(Optional.of(Duration.ofSeconds(30)), budget.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(30)), second));
        assertEquals(Optional.empty(), budget.nextWait(1, Duration.ZERO, Optional.of(Duration.ofSeconds(31)), second));
        assertEquals(Optional.of(Duration.ofSeconds(30)), budget.nextWait(1, Duration.ZERO, Optional.empty(), Duration.ofSeconds(64)));
    }

    @Test
    void noWaitTakesTheCallPast60Seconds() {
        assertEquals(Optional.of(Duration.ofSeconds(20)), budget.nextWait(2, Duration.ofSeconds(40), Optional.of(Duration.ofSeconds(20)), second));
        assertEquals(Optional.empty(), budget.nextWait(2, Duration.ofSeconds(41), Optional.of(Duration.ofSeconds(20)), second));
    }
}
