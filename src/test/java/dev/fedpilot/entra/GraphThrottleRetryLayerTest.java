package dev.fedpilot.entra;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.entra.fake.Fault;
import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.port.ThrottleBudget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One retry layer on the Entra side (trust issue item 8): Graph answering 429 with Retry-After to every try is
 * reached four times through the real adapter (its interceptor, over HTTP), then the caller gets THROTTLED.
 */
class GraphThrottleRetryLayerTest {
    private GraphFake fake;
    private GraphEntraTenant tenant;

    @BeforeEach
    void start() {
        fake = GraphFake.start();
        tenant = FakeTenants.connect(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aCallThrottledEveryTimeReachesGraphFourTimesInAll() {
        fake.inject(Fault.throttle("GET", "/users", 1, 100));

        CloudException e = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> assertThrows(CloudException.class, () -> tenant.listUsers(page -> { })));

        assertEquals(Problem.THROTTLED, e.problem());
        assertEquals(ThrottleBudget.DEFAULT.maxAttempts(), fake.requests("GET", "/users").size());
        assertEquals(4, fake.requests("GET", "/users").size());
        assertTrue(e.isRetryable());
    }
}
