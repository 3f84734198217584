package dev.fedpilot.setup;

import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.ui.Card;
import dev.fedpilot.ui.DialogService;
import dev.fedpilot.ui.FindingList;
import dev.fedpilot.text.Messages;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** Guide | AWS IAM Identity Center | Microsoft Entra ID, side by side in resizable panes. */
public final class SetupView extends SplitPane {
    private final SetupWizardViewModel model;
    private final Messages messages;

    public SetupView(SetupWizardViewModel model, Messages messages, DialogService dialogs) {
        this.model = model;
        this.messages = messages;
        getStyleClass().add("fp-setup");
        setId("setup-panes");
        Card aws = new Card(messages.get("setup.pane.aws"), Feather.CLOUD, t -> dialogs.copyToClipboard(t, false))
                .bind(model.awsFacts());
        aws.setId("aws-card");
        ListView<String> users = new ListView<>(model.provisionedUsers());
        users.setId("aws-provisioned-users");
        users.setPrefHeight(8 * 26 + 4);
        users.visibleProperty().bind(Bindings.isNotEmpty(model.provisionedUsers()));
        users.managedProperty().bind(users.visibleProperty());
        Label usersTitle = new Label(messages.get("setup.pane.provisioned"));
        usersTitle.visibleProperty().bind(users.visibleProperty());
        usersTitle.managedProperty().bind(users.visibleProperty());
        aws.add(usersTitle, users);
        Card entra = new Card(messages.get("setup.pane.entra"), Feather.SHIELD, t -> dialogs.copyToClipboard(t, false))
                .bind(model.entraFacts());
        entra.setId("entra-card");
        entra.add(new FindingList(model.findings()));
        getItems().addAll(
                pane("pane-guide", messages.get("setup.pane.guide"), guide()),
                pane("pane-aws", messages.get("setup.pane.aws"), flowing(aws, SetupContext.Side.AWS)),
                pane("pane-entra", messages.get("setup.pane.entra"), flowing(entra, SetupContext.Side.ENTRA)));
        setDividerPositions(0.4, 0.7);
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

    /** Highlights the card a value just landed on and says where it came from and when. */
    private Node flowing(Card card, SetupContext.Side side) {
        Label flow = new Label();
        flow.setId(side == SetupContext.Side.AWS ? "aws-flow" : "entra-flow");
        flow.getStyleClass().add("fp-flow");
        flow.setWrapText(true);
        flow.visibleProperty().bind(flow.textProperty().isNotEmpty());
        flow.managedProperty().bind(flow.visibleProperty());
        flow.setGraphic(new FontIcon(side == SetupContext.Side.AWS ? Feather.ARROW_LEFT : Feather.ARROW_RIGHT));
        PauseTransition fade = new PauseTransition(Duration.seconds(4));
        fade.setOnFinished(e -> card.getStyleClass().remove("fp-highlight"));
        model.context().lastFlowProperty().addListener((o, a, f) -> {
            if (f != null && f.landedOn() == side) {
                flow.setText(f.text());
                if (!card.getStyleClass().contains("fp-highlight")) {
                    card.getStyleClass().add("fp-highlight");
                }
                fade.playFromStart();
            }
        });
        return new VBox(6, card, flow);
    }

    private Node guide() {
        ListView<StepViewModel> list = new ListView<>(model.steps());
        list.setId("guide-steps");
        list.setPrefHeight(9 * 37 + 4);
        list.setCellFactory(v -> new StepCell(messages));
        list.getSelectionModel().select(model.selectedProperty().get());
        list.getSelectionModel().selectedItemProperty().addListener((o, a, item) -> {
            if (item != null) {
                model.selectedProperty().set(item);
            }
        });
        model.selectedProperty().addListener((o, a, item) -> list.getSelectionModel().select(item));
        StackPane detail = new StackPane();
        Runnable show = () -> detail.getChildren().setAll(detail(model.selectedProperty().get()));
        model.selectedProperty().addListener((o, a, b) -> show.run());
        show.run();
        return new VBox(10, list, detail);
    }

    private Node detail(StepViewModel step) {
        Label title = new Label(step.toString());
        title.getStyleClass().add("fp-step-title");
        Label aws = wrapped(messages.get("setup.detail.aws") + ": " + step.aws());
        Label entra = wrapped(messages.get("setup.detail.entra") + ": " + step.entra());
        Label why = wrapped(messages.get("setup.detail.why") + ": " + step.why());
        why.getStyleClass().add("fp-fact-label");
        Label note = wrapped("");
        note.setId("step-note");
        note.textProperty().bind(step.noteProperty());
        note.getStyleClass().add("fp-step-note");
        Button run = new Button(step.actionLabel(), new FontIcon(Feather.PLAY));
        run.setId("step-run");
        run.getStyleClass().add("accent");
        run.setDefaultButton(true);
        run.disableProperty().bind(step.canRunProperty().not());
        run.setOnAction(e -> step.run());
        Button cancel = new Button(messages.get("setup.cancel"), new FontIcon(Feather.X));
        cancel.setId("step-cancel");
        cancel.setCancelButton(true);
        cancel.visibleProperty().bind(step.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> step.cancel());
        VBox box = new VBox(8, title, aws, entra, why, StepViews.controls(step, messages), new HBox(8, run, cancel), note);
        box.setId("step-detail");
        box.getStyleClass().add("fp-card");
        box.setPadding(new Insets(12));
        return box;
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }

    /** A step with its number, title and a status icon; the status is also read out to screen readers. */
    private static final class StepCell extends ListCell<StepViewModel> {
        private final Messages messages;
        private final javafx.beans.value.ChangeListener<StepStatus> onStatus = (o, a, s) -> show();

        StepCell(Messages messages) {
            this.messages = messages;
        }

        @Override
        protected void updateItem(StepViewModel item, boolean empty) {
            if (getItem() != null) {
                getItem().statusProperty().removeListener(onStatus);
            }
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            item.statusProperty().addListener(onStatus);
            show();
        }

        private void show() {
            StepViewModel item = getItem();
            StepStatus status = item.status();
            setText(item.toString());
            FontIcon icon = new FontIcon(switch (status) {
                case TODO -> Feather.CIRCLE;
                case WORKING -> Feather.LOADER;
                case DONE -> Feather.CHECK_CIRCLE;
                case ATTENTION -> Feather.ALERT_TRIANGLE;
            });
            icon.getStyleClass().add("fp-status-" + status.name().toLowerCase(Locale.ROOT));
            setGraphic(icon);
            setAccessibleText(item + ", " + messages.get("setup.status." + status.name().toLowerCase(Locale.ROOT)));
        }
    }
}
