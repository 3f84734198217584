package dev.fedpilot.setup;

import dev.fedpilot.text.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.Severity;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The SCIM endpoint and token from the AWS console; the token field is never echoed or saved. */
final class ScimStepView extends VBox {

    ScimStepView(ScimStepViewModel model, Messages messages) {
        super(8);
        TextField endpoint = new TextField();
        endpoint.setId("scim-endpoint");
        endpoint.setPromptText("https://scim.<region>.amazonaws.com/<id>/scim/v2");
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        PasswordField token = new PasswordField();
        token.setId("scim-token");
        token.setPromptText(messages.get("setup.scim.tokenPrompt"));
        token.textProperty().addListener((o, a, text) -> {
            if (!text.isEmpty()) {
                model.setToken(text.toCharArray());
            }
        });
        // these listeners sit on the long-lived view model: SetupWizardView builds this view once per step, not per visit
        model.tokenPresentProperty().addListener((o, a, present) -> {
            if (!present) {
                token.clear();
            }
        });
        model.tokenNoteProperty().addListener((o, a, note) -> showTokenState(token, note, messages));
        showTokenState(token, model.tokenNoteProperty().get(), messages);
        DatePicker created = new DatePicker();
        created.setId("scim-token-created");
        created.valueProperty().bindBidirectional(model.tokenCreatedProperty());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        form.addRow(0, label(messages.get("setup.scim.endpointLabel"), endpoint), endpoint);
        form.addRow(1, label(messages.get("setup.scim.tokenLabel"), token), token);
        form.addRow(2, label(messages.get("setup.scim.createdLabel"), created), created);
        javafx.scene.layout.ColumnConstraints grow = new javafx.scene.layout.ColumnConstraints();
        grow.setHgrow(javafx.scene.layout.Priority.ALWAYS);
        form.getColumnConstraints().addAll(new javafx.scene.layout.ColumnConstraints(), grow);

        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(endpoint, false, (javafx.scene.control.Control c, String value) ->
                ValidationResult.fromMessageIf(c, model.endpointErrorProperty().get(), Severity.ERROR,
                        !model.endpointErrorProperty().get().isEmpty()));
        validation.registerValidator(token, false, Validator.createEmptyValidator(messages.get("setup.scim.tokenMissing"),
                Severity.WARNING));
        model.endpointErrorProperty().addListener((o, a, b) -> validation.revalidate());

        Label error = new Label();
        error.setId("scim-endpoint-error");
        error.getStyleClass().add("fp-severity-error");
        error.textProperty().bind(model.endpointErrorProperty());
        error.setWrapText(true);

        Button console = new Button(messages.get("setup.console.open"), new FontIcon(Feather.EXTERNAL_LINK));
        console.setOnAction(e -> model.openConsole());
        FlowPane buttons = new FlowPane(6, 6, console);
        if (model.simulatedConsole()) {
            Button simulated = new Button(messages.get("setup.scim.simulated"), new FontIcon(Feather.KEY));
            simulated.setId("scim-from-console");
            simulated.setOnAction(e -> model.takeFromSimulatedConsole());
            buttons.getChildren().add(simulated);
        }
        getChildren().addAll(form, error, buttons);
    }

    /** A token that came from elsewhere replaces what was typed: the box is emptied and says which token it holds. */
    private static void showTokenState(PasswordField token, String note, Messages messages) {
        if (note.isEmpty()) {
            token.setPromptText(messages.get("setup.scim.tokenPrompt"));
            token.setTooltip(null);
        } else {
            token.clear();
            token.setPromptText(note);
            token.setTooltip(new javafx.scene.control.Tooltip(note));
        }
    }

    private static Label label(String text, javafx.scene.Node target) {
        Label label = new Label(text);
        label.setLabelFor(target);
        return label;
    }
}
