package dev.fedpilot.setup;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.AwsConsole;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.ui.DialogService;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * What every setup step shares: the clouds, the saved progress, the audit log and the runner. One per wizard.
 * The state is saved after every change, so a restart resumes where the user stopped.
 */
public final class SetupContext {
    private final EntraTenant entra;
    private final IdentityCenter aws;
    private final ScimProbe scimProbe;
    private final AwsConsole console;
    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TaskRunner tasks;
    private final Messages messages;
    private final DialogService dialogs;
    private final Path exports;
    private final ReadOnlyObjectWrapper<SetupState> state = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ValueFlow> lastFlow = new SimpleObjectProperty<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();

    /** A value that moved from one cloud to the other, shown on the card it landed on. */
    public record ValueFlow(Side landedOn, String text) {
    }

    public enum Side { AWS, ENTRA }

    public SetupContext(EntraTenant entra, IdentityCenter aws, ScimProbe scimProbe, AwsConsole console,
                        StateStore store, AuditLog audit, Clock clock, TaskRunner tasks, Messages messages,
                        DialogService dialogs, Path exports) {
        this(entra, aws, scimProbe, console, store, audit, clock, Sleeper.real(), tasks, messages, dialogs, exports);
    }

    /** With the sleeper every wait of the setup goes through (tests pass one that moves their clock). */
    public SetupContext(EntraTenant entra, IdentityCenter aws, ScimProbe scimProbe, AwsConsole console,
                        StateStore store, AuditLog audit, Clock clock, Sleeper sleeper, TaskRunner tasks,
                        Messages messages, DialogService dialogs, Path exports) {
        this.sleeper = sleeper;
        this.entra = entra;
        this.aws = aws;
        this.scimProbe = scimProbe;
        this.console = console;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.tasks = tasks;
        this.messages = messages;
        this.dialogs = dialogs;
        this.exports = exports;
        state.set(store.load(SetupState.STORE_NAME, SetupState.class).orElse(SetupState.empty()));
    }

    public EntraTenant entra() {
        return entra;
    }

    public IdentityCenter aws() {
        return aws;
    }

    public ScimProbe scimProbe() {
        return scimProbe;
    }

    public AwsConsole console() {
        return console;
    }

    public Clock clock() {
        return clock;
    }

    /** How the setup waits (polling, pacing); time is read from {@link #clock()}. */
    public Sleeper sleeper() {
        return sleeper;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public Messages messages() {
        return messages;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Where files for the AWS console are saved. */
    public Path exports() {
        return exports;
    }

    public SetupState state() {
        return state.get();
    }

    public ReadOnlyObjectProperty<SetupState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ObjectProperty<ValueFlow> lastFlowProperty() {
        return lastFlow;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Applies a change to the saved progress and writes it at once (atomically, never a secret). */
    public void update(UnaryOperator<SetupState> change) {
        SetupState next = change.apply(state.get()).touched(clock.instant());
        store.save(SetupState.STORE_NAME, next);
        state.set(next);
    }

    public void mark(SetupStep step, StepStatus status) {
        update(s -> s.withStatus(step, status));
    }

    /** Forgets the saved progress (the clouds keep what was done there). */
    public void reset() {
        store.delete(SetupState.STORE_NAME);
        state.set(SetupState.empty());
    }

    public void audit(SetupStep step, String action, AuditEntry.Outcome outcome, String detail) {
        audit.record(new AuditEntry(clock.instant(), "setup." + step.key(), action, outcome, detail));
    }

    /** Shows that a value landed on a pane, with the time it moved. */
    public void flowed(Side landedOn, String what) {
        String time = LocalTime.ofInstant(clock.instant(), ZoneId.systemDefault()).format(DateTimeFormatter.ofPattern("HH:mm"));
        lastFlow.set(new ValueFlow(landedOn, messages.get("setup.flow", what, time)));
    }
}
