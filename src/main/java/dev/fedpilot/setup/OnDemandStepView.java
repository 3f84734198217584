package dev.fedpilot.setup;

import dev.fedpilot.domain.ProvisioningOutcome;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One line per provisioned user or group, with the reason when it failed. */
final class OnDemandStepView extends VBox {

    OnDemandStepView(OnDemandStepViewModel model) {
        super(8);
        ListView<ProvisioningOutcome> outcomes = new ListView<>(model.outcomes());
        outcomes.setId("ondemand-outcomes");
        outcomes.setPrefHeight(180);
        outcomes.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ProvisioningOutcome item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(item.subjectName() + (item.message() == null || item.message().isBlank() ? "" : ": " + item.message()));
                setWrapText(true);
                FontIcon icon = new FontIcon(switch (item.result()) {
                    case SUCCESS -> Feather.CHECK;
                    case SKIPPED -> Feather.MINUS_CIRCLE;
                    case FAILURE -> Feather.X_OCTAGON;
                });
                icon.getStyleClass().add(item.result() == ProvisioningOutcome.Result.FAILURE ? "fp-status-attention"
                        : "fp-status-done");
                setGraphic(icon);
            }
        });
        getChildren().add(outcomes);
    }
}
