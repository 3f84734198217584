package dev.fedpilot.setup;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.ui.FindingList;
import dev.fedpilot.text.Messages;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;

/** Search Entra, pick groups and users (Enter or double-click), see the pitfalls, then assign. */
final class AssignmentsStepView extends VBox {

    AssignmentsStepView(AssignmentsStepViewModel model, Messages messages) {
        super(8);
        TextField search = new TextField();
        search.setId("assign-search");
        search.setPromptText(messages.get("setup.assign.searchPrompt"));
        search.textProperty().bindBidirectional(model.queryProperty());
        PauseTransition debounce = new PauseTransition(Duration.millis(250));
        debounce.setOnFinished(e -> model.search());
        search.textProperty().addListener((o, a, b) -> debounce.playFromStart());
        search.setOnAction(e -> model.search());

        ListView<Candidate> results = new ListView<>(model.results());
        results.setId("assign-results");
        results.setPrefHeight(150);
        results.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Runnable pickSelected = () -> List.copyOf(results.getSelectionModel().getSelectedItems()).forEach(model::pick);
        results.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                pickSelected.run();
            }
        });
        results.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                pickSelected.run();
                e.consume();
            }
        });
        Button add = new Button(messages.get("setup.assign.add"), new FontIcon(Feather.PLUS));
        add.setId("assign-add");
        add.setOnAction(e -> pickSelected.run());

        ListView<Candidate> picked = new ListView<>(model.picked());
        picked.setId("assign-picked");
        picked.setPrefHeight(90);
        picked.setPlaceholder(new Label(messages.get("setup.assign.nonePicked")));
        picked.setCellFactory(v -> new PickedCell(model, messages));
        picked.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                List.copyOf(picked.getSelectionModel().getSelectedItems()).forEach(model::unpick);
            }
        });
        ListView<AppAssignment> assigned = new ListView<>(model.assigned());
        assigned.setId("assign-assigned");
        assigned.setPrefHeight(90);
        assigned.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(AppAssignment item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null
                        : (item.principalType() == dev.fedpilot.domain.PrincipalType.GROUP ? "[group] " : "")
                        + item.principalDisplayName());
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        getChildren().addAll(new HBox(6, search, add), results,
                pickedTitle(model, messages), picked,
                new FindingList(model.findings()),
                new Label(messages.get("setup.assign.assigned")), assigned);
    }

    private static Label pickedTitle(AssignmentsStepViewModel model, Messages messages) {
        Label title = new Label();
        title.setId("assign-picked-title");
        title.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                messages.get("setup.assign.pickedCount", model.picked().size()), model.picked()));
        title.setWrapText(true);
        return title;
    }

    /** A picked entry with its own remove button, so it can leave the list before anything is assigned. */
    private static final class PickedCell extends ListCell<Candidate> {
        private final AssignmentsStepViewModel model;
        private final Messages messages;

        PickedCell(AssignmentsStepViewModel model, Messages messages) {
            this.model = model;
            this.messages = messages;
        }

        @Override
        protected void updateItem(Candidate item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setText(item.toString());
            Button remove = new Button(null, new FontIcon(Feather.X));
            remove.getStyleClass().addAll("button-icon", "flat");
            remove.setId("assign-remove-" + item.id());
            String what = messages.get("setup.assign.remove", item.displayName());
            remove.setAccessibleText(what);
            remove.setTooltip(new javafx.scene.control.Tooltip(what));
            remove.setOnAction(e -> model.unpick(item));
            setGraphic(remove);
            setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        }
    }
}
