package dev.fedpilot.setup;

import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.ui.Card;
import dev.fedpilot.ui.DialogService;
import dev.fedpilot.ui.Messages;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** Guide | AWS IAM Identity Center | Microsoft Entra ID, side by side in resizable panes. */
public final class SetupView extends SplitPane {

    public SetupView(SetupViewModel model, Messages messages, DialogService dialogs) {
        getStyleClass().add("fp-setup");
        setId("setup-panes");
        getItems().addAll(
                pane("pane-guide", messages.get("setup.pane.guide"), guide(model, messages)),
                pane("pane-aws", messages.get("setup.pane.aws"),
                        new Card(messages.get("setup.pane.aws"), Feather.CLOUD, t -> dialogs.copyToClipboard(t, false))
                                .bind(model.awsFacts())),
                pane("pane-entra", messages.get("setup.pane.entra"),
                        new Card(messages.get("setup.pane.entra"), Feather.SHIELD, t -> dialogs.copyToClipboard(t, false))
                                .bind(model.entraFacts())));
        setDividerPositions(0.34, 0.67);
    }

    private static Node pane(String id, String title, Node content) {
        Label heading = new Label(title.toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("fp-pane-title");
        VBox box = new VBox(10, heading, content);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId(id);
        scroll.getStyleClass().add("fp-pane");
        return scroll;
    }

    private static Node guide(SetupViewModel model, Messages messages) {
        ListView<StepItem> list = new ListView<>(model.steps());
        list.setId("guide-steps");
        list.setPrefHeight(9 * 34 + 4);
        list.setCellFactory(v -> new StepCell(messages));
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        model.selectedProperty().addListener((o, a, item) -> list.getSelectionModel().select(item));

        Label title = new Label();
        title.getStyleClass().add("fp-step-title");
        Label aws = detail();
        Label entra = detail();
        Label why = detail();
        Label note = detail();
        note.getStyleClass().add("fp-step-note");
        Runnable show = () -> {
            StepItem item = model.selectedProperty().get();
            title.setText(item.toString());
            aws.setText(messages.get("setup.detail.aws") + ": " + item.aws());
            entra.setText(messages.get("setup.detail.entra") + ": " + item.entra());
            why.setText(messages.get("setup.detail.why") + ": " + item.why());
            note.textProperty().bind(item.noteProperty());
        };
        model.selectedProperty().addListener((o, a, b) -> show.run());
        show.run();
        VBox detail = new VBox(6, title, aws, entra, why, note);
        detail.setId("step-detail");
        detail.getStyleClass().add("fp-card");
        detail.setPadding(new Insets(12));
        return new VBox(10, list, detail);
    }

    private static Label detail() {
        Label label = new Label();
        label.setWrapText(true);
        return label;
    }

    /** A step with its number, title and a status icon. */
    private static final class StepCell extends ListCell<StepItem> {
        private final Messages messages;

        StepCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(StepItem item, boolean empty) {
            super.updateItem(item, empty);
            textProperty().unbind();
            graphicProperty().unbind();
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            setText(item.toString());
            setGraphic(icon(item.status()));
            item.statusProperty().addListener((o, a, s) -> {
                if (getItem() == item) {
                    setGraphic(icon(s));
                    setAccessibleText(item + ", " + messages.get("setup.status." + s.name().toLowerCase(Locale.ROOT)));
                }
            });
            setAccessibleText(item + ", " + messages.get("setup.status." + item.status().name().toLowerCase(Locale.ROOT)));
        }

        private static Node icon(StepStatus status) {
            FontIcon icon = new FontIcon(switch (status) {
                case TODO -> Feather.CIRCLE;
                case WORKING -> Feather.LOADER;
                case DONE -> Feather.CHECK_CIRCLE;
                case ATTENTION -> Feather.ALERT_TRIANGLE;
            });
            icon.getStyleClass().add("fp-status-" + status.name().toLowerCase(Locale.ROOT));
            return icon;
        }
    }
}
