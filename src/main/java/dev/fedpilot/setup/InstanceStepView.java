package dev.fedpilot.setup;

import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.text.Messages;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

/** Picks among several instances, or another region when none was found; shows nothing when there is one. */
final class InstanceStepView extends VBox {

    InstanceStepView(InstanceStepViewModel model, Messages messages) {
        super(8);
        ComboBox<String> region = new ComboBox<>(model.regions());
        region.setId("instance-region");
        region.setPromptText(messages.get("setup.instance.regionPrompt"));
        region.setOnAction(e -> model.searchRegion(region.getValue()));
        region.visibleProperty().bind(model.regionPickProperty());
        region.managedProperty().bind(region.visibleProperty());
        region.disableProperty().bind(model.busyProperty());
        ComboBox<IdcInstance> choice = new ComboBox<>(model.candidates());
        choice.setId("instance-choice");
        choice.setPromptText("Pick the instance to connect");
        choice.setButtonCell(new InstanceCell());
        choice.setCellFactory(v -> new InstanceCell());
        choice.setOnAction(e -> {
            if (choice.getValue() != null) {
                model.choose(choice.getValue());
            }
        });
        choice.visibleProperty().bind(javafx.beans.binding.Bindings.size(model.candidates()).greaterThan(1));
        choice.managedProperty().bind(choice.visibleProperty());
        getChildren().addAll(region, choice);
    }

    private static final class InstanceCell extends ListCell<IdcInstance> {
        @Override
        protected void updateItem(IdcInstance item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.identityStoreId() + " · " + item.region() + " · "
                    + item.instanceArn() + (item.active() ? "" : " · " + item.status()));
        }
    }
}
