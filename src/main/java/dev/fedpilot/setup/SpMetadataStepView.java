package dev.fedpilot.setup;

import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.ui.FindingList;
import dev.fedpilot.text.Messages;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.DragEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Where the AWS SP metadata comes in: a file chooser, a drop zone, paste, or the simulated console. */
final class SpMetadataStepView extends VBox {

    SpMetadataStepView(SpMetadataStepViewModel model, Messages messages) {
        super(8);
        Button file = new Button(messages.get("setup.sp.file"), new FontIcon(Feather.FOLDER));
        file.setId("sp-choose-file");
        file.setOnAction(e -> model.chooseFile());
        Button paste = new Button(messages.get("setup.sp.paste"), new FontIcon(Feather.CLIPBOARD));
        paste.setId("sp-paste");
        paste.setOnAction(e -> model.pasteFromClipboard());
        Button console = new Button(messages.get("setup.console.open"), new FontIcon(Feather.EXTERNAL_LINK));
        console.setOnAction(e -> model.openConsole());
        FlowPane buttons = new FlowPane(6, 6, file, paste, console);
        if (model.simulatedConsole()) {
            Button simulated = new Button(messages.get("setup.sp.simulated"), new FontIcon(Feather.DOWNLOAD));
            simulated.setId("sp-from-console");
            simulated.setOnAction(e -> model.takeFromSimulatedConsole());
            buttons.getChildren().add(simulated);
        }

        TextArea text = new TextArea();
        text.setId("sp-metadata-text");
        text.setPromptText(messages.get("setup.sp.drop"));
        text.setPrefRowCount(5);
        text.setWrapText(false);
        text.getStyleClass().add("fp-code");
        text.textProperty().bindBidirectional(model.metadataTextProperty());
        text.setOnDragOver(this::acceptDrop);
        text.setOnDragDropped(e -> {
            var board = e.getDragboard();
            if (board.hasFiles() && !board.getFiles().isEmpty()) {
                model.loadFile(board.getFiles().get(0).toPath());
            } else if (board.hasString()) {
                model.paste(board.getString());
            }
            e.setDropCompleted(true);
            e.consume();
        });

        Label source = new Label();
        source.setId("sp-source");
        source.getStyleClass().add("fp-fact-label");
        source.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.sourceProperty().get().isEmpty() ? "" : messages.get("setup.sp.source", model.sourceProperty().get()),
                model.sourceProperty()));
        Label summary = new Label();
        summary.setId("sp-summary");
        summary.setWrapText(true);
        summary.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            SamlMetadata m = model.parsedProperty().get();
            return m == null ? "" : messages.get("setup.sp.summary", m.kind().description(), m.entityId(),
                    String.join(", ", m.acsUrls()), m.certificates().size());
        }, model.parsedProperty()));
        getChildren().addAll(buttons, text, source, summary, new FindingList(model.findings()));
    }

    private void acceptDrop(DragEvent e) {
        if (e.getDragboard().hasFiles() || e.getDragboard().hasString()) {
            e.acceptTransferModes(TransferMode.COPY);
        }
        e.consume();
    }
}
