package dev.fedpilot.report;

import dev.fedpilot.ui.DialogService;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The Report screen: builds the report in the background (Refresh), shows it as a preview, and writes it as
 * HTML, PDF, Markdown or JSON to a file the user picks. Exports write the report that is shown.
 */
public final class ReportViewModel {
    private final ReportBuilder builder;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Messages messages;
    private final ReportLayout layout;
    private final ReadOnlyObjectWrapper<SetupReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReportDocument> document = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> lastSaved = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canExport = report.isNotNull().and(busy.not());
    private TaskRunner.Cancellable running;

    public ReportViewModel(ReportBuilder builder, TaskRunner tasks, DialogService dialogs, Messages messages) {
        this.builder = builder;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.messages = messages;
        this.layout = new ReportLayout(messages);
        status.set(messages.get("report.view.empty"));
    }

    // --- properties -----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<SetupReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** What the preview shows: the report laid out exactly as the HTML export. */
    public ReadOnlyObjectProperty<ReportDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** 0..1 while reading; -1 while writing a file (no steps to count). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line on what happened last: reading, ready, saved, failed. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> lastSavedProperty() {
        return lastSaved.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Reads both clouds, the saved progress and the audit log again. */
    public void refresh() {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        progress.set(0);
        status.set(messages.get(document.get() == null ? "report.view.building" : "report.view.reading"));
        int total = ReportBuilder.Phase.values().length;
        running = tasks.task(messages.get("report.task.build"), c -> builder.build(phase -> {
                    if (c.cancelled()) {
                        throw new CancellationException("cancelled");
                    }
                    String text = messages.get("report.phase." + phase.id());
                    c.progress(phase.ordinal(), total, text);
                    c.onUi(() -> {
                        progress.set((double) phase.ordinal() / total);
                        status.set(text);
                    });
                }))
                .onSuccess(r -> {
                    report.set(r);
                    document.set(layout.document(r));
                    status.set(messages.get("report.view.ready", ReportLayout.when(r.generatedAt())));
                })
                .onFailure(e -> {
                    status.set(messages.get("report.view.readFailed", ErrorText.what(e)));
                    dialogs.showError(messages.get("report.view.readFailedTitle"), e);
                })
                .onCancelled(() -> status.set(messages.get("report.view.cancelled")))
                .onFinally(this::idle)
                .start();
    }

    /** Stops a refresh that is still reading. */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }

    /** Asks where to save and writes the shown report there in {@code format}, in the background. */
    public void export(ReportFormat format) {
        SetupReport current = report.get();
        if (current == null || busy.get()) {
            return;
        }
        String title = messages.get("report.view.saveTitle", messages.get("report.format." + format.id()));
        Optional<Path> chosen = dialogs.chooseFileToSave(title, ReportFiles.suggestedName(current, format),
                List.of(format.extension()));
        if (chosen.isEmpty()) {
            return;
        }
        Path target = withExtension(chosen.get(), format);
        String problem = ReportFiles.problemWith(target);
        if (problem != null) {
            status.set(messages.get("report.view.saveFailed", problem));
            dialogs.showError(messages.get("report.view.saveFailedTitle"), new IllegalArgumentException(problem));
            return;
        }
        busy.set(true);
        progress.set(-1);
        status.set(messages.get("report.view.writing", target.getFileName()));
        running = tasks.task(messages.get("report.task.write", target.getFileName()), c -> {
                    c.progress(0, 1, target.getFileName().toString());
                    ReportFiles.write(current, format, messages, target);
                    c.progress(1, 1, target.getFileName().toString());
                    return target;
                })
                .onSuccess(path -> {
                    lastSaved.set(path);
                    status.set(messages.get("report.view.saved", path));
                })
                .onFailure(e -> {
                    status.set(messages.get("report.view.saveFailed", ErrorText.what(e)));
                    dialogs.showError(messages.get("report.view.saveFailedTitle"), e);
                })
                .onFinally(this::idle)
                .start();
    }

    private void idle() {
        busy.set(false);
        progress.set(0);
        running = null;
    }

    /** File choosers on some systems do not add the extension the filter implies. */
    static Path withExtension(Path file, ReportFormat format) {
        String name = file.getFileName().toString();
        return name.contains(".") ? file : file.resolveSibling(name + "." + format.extension());
    }
}
