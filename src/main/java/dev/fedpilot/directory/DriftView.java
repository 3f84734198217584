package dev.fedpilot.directory;

import dev.fedpilot.domain.Drift;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.text.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/** Drift against Entra for the groups assigned to the AWS app; each row offers its fix as a pending change. */
final class DriftView extends VBox {
    private final Messages messages;
    private final DirectoryViewModel model;

    DriftView(DirectoryViewModel model, Messages messages) {
        super(8);
        this.model = model;
        this.messages = messages;
        setPadding(new Insets(8, 0, 0, 0));
        DriftViewModel drift = model.drift();
        Button check = new Button(messages.get("directory.drift.check"), new FontIcon(Feather.GIT_PULL_REQUEST));
        check.setId("dir-drift-check");
        check.disableProperty().bind(drift.checkingProperty().or(model.usersLoadedProperty().not()));
        check.setTooltip(new Tooltip(messages.get("directory.drift.checkTooltip")));
        check.setOnAction(e -> model.checkDrift());
        Label status = new Label();
        status.setId("dir-drift-status");
        status.setWrapText(true);
        // a wrapped status keeps its lines: squeezed, it would draw over the list below it
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(drift.statusProperty());
        ListView<Drift.Item> list = new ListView<>(drift.items());
        list.setId("dir-drift");
        list.setPlaceholder(new Label(messages.get("directory.drift.empty")));
        list.setCellFactory(v -> new DriftCell());
        list.setMinHeight(80);
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(check, status, list);
    }

    private final class DriftCell extends ListCell<Drift.Item> {
        @Override
        protected void updateItem(Drift.Item item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String kind = item.kind().name().toLowerCase(Locale.ROOT);
            Label what = new Label(messages.get("directory.drift.kind." + kind, item.memberName(),
                    item.entraGroup().displayName()));
            what.setWrapText(true);
            what.setMinHeight(Region.USE_PREF_SIZE);
            what.getStyleClass().add("fp-dir-drift-" + kind);
            VBox text = new VBox(2, what);
            if (item.reason() != null && !item.reason().isBlank()) {
                Label reason = new Label(item.reason());
                reason.setWrapText(true);
                reason.setMinHeight(Region.USE_PREF_SIZE);
                reason.getStyleClass().add("fp-finding-fix");
                text.getChildren().add(reason);
            }
            HBox fixes = new HBox(4);
            fixes.setAlignment(Pos.CENTER_RIGHT);
            for (MembershipChange fix : item.fixes()) {
                Button b = new Button(fixLabel(fix));
                b.getStyleClass().add("small");
                b.setTooltip(new Tooltip(model.pending().text().describe(fix)));
                b.setOnAction(e -> model.fix(fix));
                fixes.getChildren().add(b);
            }
            // the fixes go under the text, not beside it: in a narrow column the text keeps the whole width and
            // names wrap at their spaces, not every few characters
            text.setMaxWidth(Double.MAX_VALUE);
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(40));
            fixes.setAlignment(Pos.CENTER_LEFT);
            setGraphic(new VBox(6, text, fixes));
        }

        private String fixLabel(MembershipChange fix) {
            return messages.get("directory.fix." + fix.action().name().toLowerCase(Locale.ROOT) + "."
                    + fix.where().name().toLowerCase(Locale.ROOT));
        }
    }
}
