package dev.fedpilot.directory;

import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The pending changes under the lists: what will happen, undo / redo, apply with progress, and the results. */
final class PendingChangesView extends VBox {
    private final Messages messages;
    private final PendingChangesViewModel pending;

    PendingChangesView(DirectoryViewModel model, Messages messages) {
        super(6);
        this.messages = messages;
        this.pending = model.pending();
        getStyleClass().add("fp-dir-pending");
        setPadding(new Insets(8, 12, 8, 12));

        Label title = new Label();
        title.getStyleClass().add("fp-pane-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> messages.get("directory.pending.title",
                pending.countProperty().get()).toUpperCase(java.util.Locale.ROOT), pending.countProperty()));
        ToggleButton showResults = new ToggleButton(messages.get("directory.pending.results"));
        showResults.setId("dir-show-results");
        showResults.getStyleClass().add("small");
        showResults.disableProperty().bind(Bindings.isEmpty(pending.results()));

        ListView<PendingChange> list = new ListView<>(pending.changes());
        list.setId("dir-pending");
        list.setPrefHeight(120);
        list.setPlaceholder(new Label(messages.get("directory.pending.empty")));
        list.setCellFactory(v -> new PendingCell());
        showResults.selectedProperty().addListener((o, a, on) -> list.setItems(on ? pending.results() : pending.changes()));
        pending.applyingProperty().addListener((o, was, now) -> showResults.setSelected(!now && !pending.results().isEmpty()));
        pending.changes().addListener((ListChangeListener<PendingChange>) c -> {
            if (!pending.applyingProperty().get() && showResults.isSelected() && !pending.changes().isEmpty()) {
                showResults.setSelected(false);
            }
        });

        Button undo = button("dir-undo", "directory.pending.undo", Feather.CORNER_UP_LEFT);
        undo.disableProperty().bind(pending.canUndoProperty().not());
        undo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(messages.get(
                "directory.pending.undoTip", pending.undoTextProperty().get())), pending.undoTextProperty()));
        undo.setOnAction(e -> pending.undo());
        Button redo = button("dir-redo", "directory.pending.redo", Feather.CORNER_UP_RIGHT);
        redo.disableProperty().bind(pending.canRedoProperty().not());
        redo.tooltipProperty().bind(Bindings.createObjectBinding(() -> new Tooltip(messages.get(
                "directory.pending.redoTip", pending.redoTextProperty().get())), pending.redoTextProperty()));
        redo.setOnAction(e -> pending.redo());
        Button apply = button("dir-apply", "directory.pending.apply", Feather.CHECK);
        apply.getStyleClass().add("accent");
        apply.textProperty().bind(Bindings.createStringBinding(() -> messages.get("directory.pending.apply",
                pending.countProperty().get()), pending.countProperty()));
        apply.disableProperty().bind(pending.applyingProperty().or(pending.countProperty().isEqualTo(0)));
        apply.setOnAction(e -> model.applyConfirmation().apply(pending));
        javafx.scene.control.CheckBox askFirst = new javafx.scene.control.CheckBox(messages.get("directory.applyPreview.ask"));
        askFirst.setId("dir-apply-ask");
        askFirst.selectedProperty().bindBidirectional(model.applyConfirmation().askFirstProperty());
        Button cancel = button("dir-cancel-apply", "directory.pending.cancel", Feather.X);
        cancel.visibleProperty().bind(pending.applyingProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> pending.cancelApply());
        Button discard = button("dir-discard", "directory.pending.discard", Feather.TRASH_2);
        discard.disableProperty().bind(pending.applyingProperty().or(pending.countProperty().isEqualTo(0)));
        discard.setOnAction(e -> pending.discard());
        ProgressBar progress = new ProgressBar(-1);
        progress.setPrefWidth(120);
        progress.visibleProperty().bind(pending.applyingProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label summary = new Label();
        summary.setId("dir-apply-summary");
        summary.textProperty().bind(pending.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(8, title, showResults, summary, spacer, progress, undo, redo, discard, cancel, askFirst, apply);
        header.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(header, list);
    }

    private Button button(String id, String key, Feather icon) {
        Button b = new Button(messages.get(key, 0), new FontIcon(icon));
        b.setId(id);
        return b;
    }

    /** A change, where it goes (AWS, or Entra then provisioned), a SCIM warning, and its outcome. */
    private final class PendingCell extends ListCell<PendingChange> {
        @Override
        protected void updateItem(PendingChange item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("fp-dir-failed", "fp-dir-done");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            ChangeText text = pending.text();
            String line = text.describe(item.change());
            if (item.change().mayBeUndoneByProvisioning()) {
                line += "  " + messages.get("directory.pending.scimMark");
            }
            String outcome = text.outcome(item);
            setText(outcome.isEmpty() ? line : line + "  \u2014  " + outcome.lines().findFirst().orElse(""));
            setTooltip(outcome.isEmpty() ? null : new Tooltip(outcome));
            switch (item.status()) {
                case FAILED -> getStyleClass().add("fp-dir-failed");
                case DONE -> getStyleClass().add("fp-dir-done");
                default -> { }
            }
            Button drop = new Button(null, new FontIcon(Feather.X));
            drop.getStyleClass().addAll("button-icon", "flat", "small");
            drop.setTooltip(new Tooltip(messages.get("directory.pending.drop")));
            drop.setAccessibleText(messages.get("directory.pending.drop"));
            drop.setOnAction(e -> pending.drop(item));
            drop.setVisible(item.status() != PendingChange.Status.DONE && getListView().getItems() == pending.changes());
            setGraphic(drop);
            setContentDisplay(javafx.scene.control.ContentDisplay.LEFT);
        }
    }
}
