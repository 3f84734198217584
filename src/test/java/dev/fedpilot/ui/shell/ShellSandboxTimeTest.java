package dev.fedpilot.ui.shell;

import dev.fedpilot.sandbox.SandboxClock;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.TestClock;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sandbox > Move time forward: the command moves the sandbox's clock and the status line says the new date. */
class ShellSandboxTimeTest {
    private final SandboxClock clock = new SandboxWorld(SandboxOptions.defaults(),
            new TestClock(Instant.parse("2027-03-01T09:00:00Z"))).clock();

    private ShellViewModel shell(boolean sandbox) {
        ShellViewModel model = new ShellViewModel(new SameThreadTaskRunner(), new MemoryStateStore(),
                Messages.english(), Optional.empty(), Optional.empty(), sandbox);
        model.setSandboxTime(clock, clock::moveForward);
        return model;
    }

    @Test
    void movingTimeForwardMovesTheSandboxClockAndShowsTheDate() {
        ShellViewModel model = shell(true);
        assertTrue(model.canMoveSandboxTime());
        model.moveSandboxTime(" 366 ");
        assertEquals(Duration.ofDays(366), clock.offset());
        assertTrue(model.statusProperty().get().contains("2028-03-01"), model.statusProperty().get());
    }

    @Test
    void theStatusLineCanSayTheSandboxDate() {
        clock.moveForward(Duration.ofDays(31));
        ShellViewModel model = shell(true);
        model.showSandboxDate();
        assertEquals("Sandbox date: 2027-04-01. The next provisioning cycle and health check run on it.",
                model.statusProperty().get());
    }

    @Test
    void aBadNumberOfDaysMovesNothingAndSaysWhy() {
        ShellViewModel model = shell(true);
        for (String bad : new String[]{"", "-5", "0", "ten", "40000"}) {
            model.moveSandboxTime(bad);
            assertEquals(Duration.ZERO, clock.offset(), bad);
            assertTrue(model.statusProperty().get().startsWith("Time moves forward by a whole number"),
                    model.statusProperty().get());
        }
    }

    @Test
    void realCloudsHaveNoTimeTravel() {
        ShellViewModel model = shell(false);
        assertFalse(model.canMoveSandboxTime());
        model.moveSandboxTime("30");
        assertEquals(Duration.ZERO, clock.offset());
    }
}
