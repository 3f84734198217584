package dev.fedpilot.setup;

import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.ui.Messages;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One step in the guide: its texts, its status and the latest note (an error, a result). */
public final class StepItem {
    private final SetupStep step;
    private final String title;
    private final String aws;
    private final String entra;
    private final String why;
    private final ObjectProperty<StepStatus> status = new SimpleObjectProperty<>(StepStatus.TODO);
    private final StringProperty note = new SimpleStringProperty("");

    StepItem(SetupStep step, Messages messages) {
        this.step = step;
        String prefix = "setup.step." + step.key();
        this.title = messages.get(prefix + ".title");
        this.aws = messages.get(prefix + ".aws");
        this.entra = messages.get(prefix + ".entra");
        this.why = messages.get(prefix + ".why");
    }

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

    public ObjectProperty<StepStatus> statusProperty() {
        return status;
    }

    public StepStatus status() {
        return status.get();
    }

    public StringProperty noteProperty() {
        return note;
    }

    @Override
    public String toString() {
        return (step.ordinal() + 1) + " " + title;
    }
}
