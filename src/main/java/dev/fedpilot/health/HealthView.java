package dev.fedpilot.health;

import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.FindingList;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Health screen: the check's items, the provisioning doctor, and the guided SCIM token rotation. */
public final class HealthView extends BorderPane {

    public HealthView(HealthViewModel model, Messages messages) {
        setId("health-view");
        Label title = new Label(messages.get("health.view.title"), new FontIcon(Feather.ACTIVITY));
        title.getStyleClass().add("title-4");
        Button refresh = button("health-refresh", messages.get("health.view.refresh"), Feather.REFRESH_CW,
                model::refresh);
        refresh.disableProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(12, 16, 8, 16));

        Label summary = wrapped();
        summary.textProperty().bind(model.summaryProperty());
        Label status = wrapped();
        status.setId("health-status");
        status.textProperty().bind(model.statusProperty());
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());

        VBox check = section(messages.get("health.view.check"), summary, new FindingList(model.items()));

        Button examine = button("health-examine", messages.get("health.view.examine"), Feather.SEARCH, model::examine);
        examine.disableProperty().bind(model.busyProperty());
        VBox doctor = section(messages.get("health.view.doctor"), wrapped(messages.get("health.view.doctor.what")),
                examine, new FindingList(model.doctorFindings()));

        VBox rotation = section(messages.get("health.view.rotation"), rotationSteps(model, messages));

        VBox column = new VBox(16, status, check, doctor, rotation);
        column.setPadding(new Insets(8, 16, 16, 16));
        column.setMaxWidth(900);
        ScrollPane scroll = new ScrollPane(column);
        scroll.setFitToWidth(true);
        setTop(bar);
        setCenter(scroll);
        // checks by itself when first shown, not at window start (both clouds are called)
        visibleProperty().addListener((o, was, now) -> {
            if (now && getScene() != null) {
                model.shown();
            }
        });
        sceneProperty().addListener((o, was, now) -> {
            if (now != null && isVisible()) {
                model.shown();
            }
        });
    }

    /** One row of controls per stage; only the current stage's row shows. */
    private static VBox rotationSteps(HealthViewModel model, Messages messages) {
        Label stage = wrapped();
        stage.textProperty().bind(Bindings.createStringBinding(() -> messages.get("health.view.rotation.stage."
                + (model.rotationStageProperty().get() == null ? "none"
                : model.rotationStageProperty().get().name().toLowerCase(java.util.Locale.ROOT))),
                model.rotationStageProperty()));
        Button start = button("health-rotation-start", messages.get("health.view.rotation.start"), Feather.ROTATE_CW,
                model::startRotation);
        showWhen(start, model, null);

        TextField endpoint = new TextField();
        endpoint.setId("health-rotation-endpoint");
        endpoint.setPromptText(messages.get("health.view.rotation.endpoint"));
        endpoint.setAccessibleText(messages.get("health.view.rotation.endpoint"));
        endpoint.textProperty().bindBidirectional(model.endpointProperty());
        PasswordField token = new PasswordField();
        token.setId("health-rotation-token");
        token.setPromptText(messages.get("health.view.rotation.token"));
        token.setAccessibleText(messages.get("health.view.rotation.token"));
        Button store = button("health-rotation-store", messages.get("health.view.rotation.store"), Feather.UPLOAD,
                () -> {
                    char[] chars = token.getText().toCharArray();
                    token.clear();
                    model.storeNewToken(chars);
                });
        store.disableProperty().bind(token.textProperty().isEmpty().or(model.busyProperty()));
        HBox.setHgrow(endpoint, Priority.ALWAYS);
        HBox.setHgrow(token, Priority.ALWAYS);
        HBox give = new HBox(8, endpoint, token, store);
        showWhen(give, model, ScimTokenRotation.Stage.AWAITING_TOKEN);

        Button check = button("health-rotation-check", messages.get("health.view.rotation.check"), Feather.CHECK_CIRCLE,
                model::checkCycle);
        showWhen(check, model, ScimTokenRotation.Stage.TOKEN_STORED);
        Button deleted = button("health-rotation-deleted", messages.get("health.view.rotation.deleted"), Feather.TRASH_2,
                model::oldTokenDeleted);
        showWhen(deleted, model, ScimTokenRotation.Stage.CYCLE_CONFIRMED);
        for (Button b : new Button[]{start, check, deleted}) {
            b.disableProperty().bind(model.busyProperty());
        }
        return new VBox(8, stage, start, give, check, deleted);
    }

    private static void showWhen(javafx.scene.Node node, HealthViewModel model, ScimTokenRotation.Stage stage) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.rotationStageProperty().get() == stage,
                model.rotationStageProperty()));
        node.managedProperty().bind(node.visibleProperty());
    }

    private static VBox section(String heading, javafx.scene.Node... content) {
        Label h = new Label(heading);
        h.getStyleClass().add("title-4");
        VBox box = new VBox(8, h);
        box.getChildren().addAll(content);
        box.getStyleClass().add("fp-card");
        box.setPadding(new Insets(12));
        return box;
    }

    private static Button button(String id, String text, Feather icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Label wrapped() {
        return wrapped("");
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }
}
