package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.function.Consumer;

/**
 * One step of the guide: its texts, status and note, a primary action (Enter runs it, Esc cancels it) and
 * the background work behind it. Subclasses add their inputs and commands.
 */
public abstract class StepViewModel {
    protected final SetupContext ctx;
    private final SetupStep step;
    private final String title;
    private final String aws;
    private final String entra;
    private final String why;
    private final String actionLabel;
    private final ReadOnlyObjectWrapper<StepStatus> status = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private TaskRunner.Cancellable running;
    /** Counts started work, so only the latest one's end puts a "working" step back to its saved status. */
    private int generation;

    protected StepViewModel(SetupContext ctx, SetupStep step) {
        this.ctx = ctx;
        this.step = step;
        String prefix = "setup.step." + step.key();
        this.title = ctx.messages().get(prefix + ".title");
        this.aws = ctx.messages().get(prefix + ".aws");
        this.entra = ctx.messages().get(prefix + ".entra");
        this.why = ctx.messages().get(prefix + ".why");
        this.actionLabel = ctx.messages().get(prefix + ".action");
        status.set(ctx.state().status(step));
    }

    // --- properties -----------------------------------------------------------------------------------------

    public SetupStep step() {
        return step;
    }

    public String title() {
        return title;
    }

    public String aws() {
        return aws;
    }

    public String entra() {
        return entra;
    }

    public String why() {
        return why;
    }

    public String actionLabel() {
        return actionLabel;
    }

    /** The Run button's text; a step whose action depends on its inputs says what it will do with them. */
    public javafx.beans.value.ObservableValue<String> actionTextProperty() {
        return new javafx.beans.property.SimpleStringProperty(actionLabel);
    }

    public ReadOnlyObjectProperty<StepStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    public StepStatus status() {
        return status.get();
    }

    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether the primary action can run now (inputs valid, earlier steps done). */
    public abstract BooleanExpression canRunProperty();

    // --- commands -------------------------------------------------------------------------------------------

    /** The step's primary action. */
    public abstract void run();

    /** Stops the step's background work, if any. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    // --- for subclasses -------------------------------------------------------------------------------------

    /** Runs {@code work} in the background with this step shown as working; failures become "needs attention". */
    protected <T> void work(String taskTitle, TaskRunner.Work<T> body, Consumer<T> onSuccess) {
        busy.set(true);
        int mine = ++generation;
        String before = note.get();
        status.set(StepStatus.WORKING);
        note.set(taskTitle + "…");
        running = ctx.tasks().task(taskTitle, body)
                .onSuccess(onSuccess)
                .onFailure(e -> {
                    attention(ErrorText.full(e));
                    ctx.audit(step, taskTitle, AuditEntry.Outcome.FAILED, ErrorText.what(e));
                })
                .onCancelled(() -> {
                    status.set(ctx.state().status(step));
                    note.set(before.isEmpty() ? ctx.messages().get("setup.cancelled") : before);
                })
                .onFinally(() -> {
                    busy.set(false);
                    // work that only says something (a generated token, a loaded file) must not leave a spinner
                    if (mine == generation && status.get() == StepStatus.WORKING) {
                        status.set(ctx.state().status(step));
                    }
                })
                .start();
    }

    protected void done(String text) {
        ctx.mark(step, StepStatus.DONE);
        status.set(StepStatus.DONE);
        note.set(text);
    }

    protected void attention(String text) {
        ctx.mark(step, StepStatus.ATTENTION);
        status.set(StepStatus.ATTENTION);
        note.set(text);
    }

    /** A note without changing the status (progress, hints). */
    protected void say(String text) {
        note.set(text);
    }

    protected String text(String key, Object... args) {
        return ctx.messages().get(key, args);
    }

    @Override
    public String toString() {
        return (step.ordinal() + 1) + "  " + title;
    }
}
