package dev.fedpilot.testing;

import dev.fedpilot.port.StateStore;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.setup.SetupContext;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.store.MemoryAuditLog;
import dev.fedpilot.store.MemoryStateStore;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import dev.fedpilot.ui.TaskRunner;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** A sandbox world on a hand-moved clock with a setup wizard over it, for ViewModel and view tests. */
public final class SetupFixture {
    public static final Instant START = Instant.parse("2027-03-01T09:00:00Z");
    public final TestClock clock = new TestClock(START);
    /** Every wait of the world and the wizard moves the clock instead of sleeping. */
    public final MovingSleeper sleeper = new MovingSleeper(clock);
    public final SandboxWorld world;
    public final StateStore store;
    public final MemoryAuditLog audit = new MemoryAuditLog();
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final Messages messages = Messages.english();
    public final TaskRunner tasks;
    public final Path exports;

    public SetupFixture(Path exports) {
        this(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO), new MemoryStateStore(),
                new SameThreadTaskRunner(), exports);
    }

    public SetupFixture(SandboxOptions options, StateStore store, TaskRunner tasks, Path exports) {
        this.world = new SandboxWorld(options, clock, sleeper);
        this.store = store;
        this.tasks = tasks;
        this.exports = exports;
    }

    /** A wizard as the app builds it; a second call over the same store is a restart. */
    public SetupWizardViewModel wizard() {
        SetupContext ctx = new SetupContext(world.entraTenant(), world.identityCenter(), world.scimProbe(),
                new SimulatedAwsConsole(world.console()), store, audit, clock, sleeper, tasks, messages, dialogs, exports);
        return new SetupWizardViewModel(ctx, new SetupWizardViewModel.Timing(Duration.ofMillis(10),
                Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(5)));
    }
}
