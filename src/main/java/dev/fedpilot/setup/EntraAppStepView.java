package dev.fedpilot.setup;

import dev.fedpilot.text.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The name for a new app (an existing one is adopted whatever its name). */
final class EntraAppStepView extends VBox {

    EntraAppStepView(EntraAppStepViewModel model, Messages messages) {
        super(6);
        TextField name = new TextField();
        name.setId("app-name");
        name.textProperty().bindBidirectional(model.displayNameProperty());
        Label label = new Label(messages.get("setup.app.nameLabel"));
        label.setLabelFor(name);
        label.setWrapText(true);
        getChildren().addAll(label, name);
    }
}
