package dev.fedpilot.setup;

import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.testing.SetupFixture;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating the Entra app is eventually consistent: the step polls until the app can be read, or gives up. Run
 * on a clock that moves with every wait, so the 30 s delay and the 3 min give-up take no real time.
 */
class EntraAppConsistencyDelayTest {
    static final Duration POLL = Duration.ofSeconds(3);
    @TempDir
    Path exports;

    EntraAppStepViewModel step(SetupFixture f, Duration giveUp) {
        SetupContext ctx = new SetupContext(f.world.entraTenant(), f.world.identityCenter(), f.world.scimProbe(),
                new SimulatedAwsConsole(f.world.console()), f.store, f.audit, f.clock, f.sleeper, f.tasks,
                f.messages, f.dialogs, exports);
        return new EntraAppStepViewModel(ctx, POLL, giveUp);
    }

    SetupFixture fixture(Duration consistencyDelay) {
        return new SetupFixture(SandboxOptions.defaults().withConsistencyDelay(consistencyDelay),
                new MemoryStateStore(), new SameThreadTaskRunner(), exports);
    }

    @Test
    void aNewAppIsPolledUntilEntraCanReadIt() {
        SetupFixture f = fixture(Duration.ofSeconds(30));
        EntraAppStepViewModel step = step(f, Duration.ofMinutes(3));

        step.run();

        assertEquals(StepStatus.DONE, step.status(), step.noteProperty().get());
        List<Duration> waits = f.sleeper.waits().stream().filter(POLL::equals).toList();
        assertTrue(waits.size() >= 10 && waits.size() <= 11, "polled every 3 s through the 30 s delay: " + waits);
        assertNotNull(f.store.load(dev.fedpilot.domain.SetupState.STORE_NAME, dev.fedpilot.domain.SetupState.class)
                .orElseThrow().app());
    }

    @Test
    void anAppThatStaysUnreadableIsGivenUpOnAfterTheGiveUpTime() {
        SetupFixture f = fixture(Duration.ofMinutes(10));
        EntraAppStepViewModel step = step(f, Duration.ofMinutes(1));

        step.run();

        assertTrue(step.status() != StepStatus.DONE, step.status().toString());
        assertTrue(step.noteProperty().get().contains("Entra has not finished creating the app yet."),
                step.noteProperty().get());
        long polls = f.sleeper.waits().stream().filter(POLL::equals).count();
        assertTrue(polls >= 20 && polls <= 21, "gave up after about a minute of 3 s polls: " + polls);

        // run again later: the app saved in the first run is found, not created a second time
        f.clock.advance(Duration.ofMinutes(10));
        step.run();
        assertEquals(StepStatus.DONE, step.status(), step.noteProperty().get());
        assertEquals(1, f.world.entraTenant().findAwsIdcApps().size());
    }
}
