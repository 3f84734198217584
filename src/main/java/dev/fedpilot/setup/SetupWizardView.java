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
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Guide | AWS IAM Identity Center | Microsoft Entra ID, side by side in resizable panes. */
public final class SetupWizardView extends SplitPane {
    private final SetupWizardViewModel model;
    private final Messages messages;

    public SetupWizardView(SetupWizardViewModel model, Messages messages, DialogService dialogs) {
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
        guide = section(messages.get("setup.pane.guide"), guide());
        awsSide = section(messages.get("setup.pane.aws"), flowing(aws, SetupContext.Side.AWS));
        entraSide = section(messages.get("setup.pane.entra"), flowing(entra, SetupContext.Side.ENTRA));
        arrange(false);
        // on a laptop screen the two cloud panes stack in one column before any value wraps to a few characters
        widthProperty().addListener((o, a, w) -> {
            boolean narrow = w.doubleValue() > 0 && w.doubleValue() < NARROW;
            if (narrow != stacked) {
                arrange(narrow);
            }
        });
    }

    /** Below this width the AWS and Entra panes share one column. */
    static final double NARROW = 1000;
    private final Node guide;
    private final Node awsSide;
    private final Node entraSide;
    private boolean stacked;

    private void arrange(boolean narrow) {
        stacked = narrow;
        // minimum widths keep a dragged or reset divider from squeezing any pane to a sliver
        if (narrow) {
            getItems().setAll(pane("pane-guide", guide, 340), pane("pane-clouds", new VBox(18, awsSide, entraSide), 400));
            setDividerPositions(0.46);
        } else {
            getItems().setAll(pane("pane-guide", guide, 360), pane("pane-aws", awsSide, 300),
                    pane("pane-entra", entraSide, 300));
            setDividerPositions(0.4, 0.7);
        }
    }

    private static VBox section(String title, Node content) {
        Label heading = new Label(title.toUpperCase(Locale.ROOT));
        heading.getStyleClass().add("fp-pane-title");
        heading.setMinWidth(Region.USE_PREF_SIZE);
        return new VBox(10, heading, content);
    }

    private static Node pane(String id, Node content, double minWidth) {
        VBox box = new VBox(content);
        box.setPadding(new Insets(12));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        scroll.setId(id);
        // the pane is scrolled with the wheel or by the focused control; as a Tab stop it would show no ring
        scroll.setFocusTraversable(false);
        scroll.setMinWidth(minWidth);
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
        // one detail per step, built on first visit: its views listen to long-lived view models only once
        Map<StepViewModel, Node> built = new HashMap<>();
        Runnable show = () -> detail.getChildren().setAll(built.computeIfAbsent(model.selectedProperty().get(),
                this::detail));
        model.selectedProperty().addListener((o, a, b) -> show.run());
        show.run();
        return new VBox(10, list, detail);
    }

    private Node detail(StepViewModel step) {
        Label title = new Label(step.toString());
        title.getStyleClass().add("fp-step-title");
        title.setWrapText(true);
        Label aws = wrapped(messages.get("setup.detail.aws") + ": " + step.aws());
        Label entra = wrapped(messages.get("setup.detail.entra") + ": " + step.entra());
        Label why = wrapped(messages.get("setup.detail.why") + ": " + step.why());
        why.getStyleClass().add("fp-fact-label");
        Label note = wrapped("");
        note.setId("step-note");
        note.textProperty().bind(step.noteProperty());
        note.getStyleClass().add("fp-step-note");
        noteColour(note, step.status());
        step.statusProperty().addListener((o, a, s) -> noteColour(note, s));
        Button run = new Button(step.actionLabel(), new FontIcon(Feather.PLAY));
        run.textProperty().bind(step.actionTextProperty());
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

    /** Done notes read neutral-to-green, attention amber: the colour says how the step went, not that it spoke. */
    private static void noteColour(Label note, StepStatus status) {
        note.getStyleClass().removeIf(c -> c.startsWith("fp-note-"));
        note.getStyleClass().add("fp-note-" + status.name().toLowerCase(Locale.ROOT));
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
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

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
            if (status == StepStatus.WORKING) {
                // a real spinner, shown only while the step's work runs
                javafx.scene.control.ProgressIndicator spinner = new javafx.scene.control.ProgressIndicator();
                spinner.getStyleClass().add("fp-status-working");
                spinner.setPrefSize(16, 16);
                spinner.setMaxSize(16, 16);
                setGraphic(spinner);
            } else {
                FontIcon icon = new FontIcon(switch (status) {
                    case DONE -> Feather.CHECK_CIRCLE;
                    case ATTENTION -> Feather.ALERT_TRIANGLE;
                    default -> Feather.CIRCLE;
                });
                icon.getStyleClass().add("fp-status-" + status.name().toLowerCase(Locale.ROOT));
                setGraphic(icon);
            }
            String said = item + ", " + messages.get("setup.status." + status.name().toLowerCase(Locale.ROOT));
            setAccessibleText(said);
            // a narrow guide may cut the title; the tooltip keeps it whole
            whole.setText(said);
            setTooltip(whole);
        }
    }
}
