package dev.fedpilot.ui;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** A task shown in the status line: its title, progress (-1 unknown) and latest message. */
public final class RunningTask {
    private final String title;
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final TaskRunner.Cancellable handle;

    RunningTask(String title, TaskRunner.Cancellable handle) {
        this.title = title;
        this.handle = handle;
    }

    public String title() {
        return title;
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void cancel() {
        handle.cancel();
    }

    void update(long done, long total, String text) {
        progress.set(total <= 0 ? -1 : Math.min(1.0, (double) done / total));
        if (text != null) {
            message.set(text);
        }
    }
}
