package dev.fedpilot.setup;

import dev.fedpilot.domain.ProvisioningFailure;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.text.FailureText;
import dev.fedpilot.text.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One line per provisioned user or group. A failure or a skip reads as plain language first (whose, what went
 * wrong, the fix, from the failure catalogue); what Entra and AWS said is in the line's tooltip.
 */
final class OnDemandStepView extends VBox {

    OnDemandStepView(OnDemandStepViewModel model, Messages messages) {
        super(8);
        FailureText words = new FailureText(messages);
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
                    setTooltip(null);
                    return;
                }
                ProvisioningFailure failure = ProvisioningFailure.of(item);
                if (failure == null) {
                    String text = item.subjectName() + (item.message() == null || item.message().isBlank() ? ""
                            : ": " + item.message());
                    setText(text);
                    Tooltip whole = new Tooltip(text);
                    whole.setWrapText(true);
                    whole.setMaxWidth(600);
                    setTooltip(whole);
                } else {
                    setText(words.describe(failure) + " " + words.fix(failure));
                    Tooltip raw = new Tooltip(messages.get("setup.ondemand.raw", failure.raw()));
                    raw.setWrapText(true);
                    raw.setMaxWidth(600);
                    setTooltip(raw);
                    setAccessibleHelp(failure.raw());
                }
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
        Label hint = new Label(messages.get("setup.ondemand.rawHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("text-muted");
        getChildren().addAll(outcomes, hint);
    }
}
