package dev.fedpilot.setup;

import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The job's status and, in quarantine, a restart. */
final class WatchStepView extends VBox {

    WatchStepView(WatchStepViewModel model, Messages messages) {
        super(8);
        Label status = new Label();
        status.setId("watch-status");
        status.textProperty().bind(Bindings.createStringBinding(() -> {
            ProvisioningJob job = model.jobProperty().get();
            return job == null ? "" : messages.get("setup.watch.status", job.status().name(),
                    job.interval() == null ? "?" : job.interval().toMinutes());
        }, model.jobProperty()));
        Button restart = new Button(messages.get("setup.watch.restart"), new FontIcon(Feather.REFRESH_CW));
        restart.setId("watch-restart");
        restart.setOnAction(e -> model.restartJob());
        restart.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.jobProperty().get() != null
                && model.jobProperty().get().status() == ProvisioningJob.Status.QUARANTINE, model.jobProperty()));
        restart.managedProperty().bind(restart.visibleProperty());
        getChildren().addAll(status, restart);
    }
}
