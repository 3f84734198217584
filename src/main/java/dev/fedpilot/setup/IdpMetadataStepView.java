package dev.fedpilot.setup;

import dev.fedpilot.ui.FindingList;
import dev.fedpilot.text.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The saved file, the console checklist and "I've done this". */
final class IdpMetadataStepView extends VBox {

    IdpMetadataStepView(IdpMetadataStepViewModel model, Messages messages) {
        super(8);
        Label file = new Label();
        file.setId("idp-saved-file");
        file.getStyleClass().add("fp-code");
        // a path on one line, cut in the middle (the file name stays); whole in the tooltip and on the AWS card
        file.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        file.textProperty().bind(model.savedFileProperty());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.textProperty().bind(model.savedFileProperty());
        file.setTooltip(whole);

        VBox checklist = new VBox(4);
        int n = 1;
        for (String line : model.consoleChecklist()) {
            Label item = new Label(n++ + ". " + line);
            item.setWrapText(true);
            checklist.getChildren().add(item);
        }
        Button console = new Button(messages.get("setup.console.open"), new FontIcon(Feather.EXTERNAL_LINK));
        console.setId("idp-open-console");
        console.setOnAction(e -> model.openConsole());
        Button done = new Button(messages.get("setup.idp.doneButton"), new FontIcon(Feather.CHECK));
        done.setId("idp-done");
        done.setOnAction(e -> model.confirmConsoleDone());
        FlowPane buttons = new FlowPane(6, 6, console, done);
        if (model.simulatedConsole()) {
            Button simulated = new Button(messages.get("setup.idp.simulated"), new FontIcon(Feather.UPLOAD));
            simulated.setId("idp-simulated-upload");
            simulated.setOnAction(e -> model.uploadInSimulatedConsole());
            buttons.getChildren().add(simulated);
        }
        VBox consolePart = new VBox(8, checklist, buttons);
        consolePart.visibleProperty().bind(model.awaitingConsoleProperty());
        consolePart.managedProperty().bind(consolePart.visibleProperty());
        getChildren().addAll(file, new FindingList(model.findings()), consolePart);
    }
}
