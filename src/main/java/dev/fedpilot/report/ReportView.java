package dev.fedpilot.report;

import dev.fedpilot.ui.DialogService;
import dev.fedpilot.text.Messages;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Report screen: Refresh and Save-as buttons over a scrolling preview of the report. */
public final class ReportView extends BorderPane {
    private static final String CSS = "/dev/fedpilot/report/report.css";

    public ReportView(ReportViewModel model, Messages messages, DialogService dialogs) {
        setId("report-view");
        getStylesheets().add(String.valueOf(ReportView.class.getResource(CSS)));
        getStyleClass().add("fp-report");

        Label title = new Label(messages.get("report.view.title"), new FontIcon(Feather.FILE_TEXT));
        title.getStyleClass().addAll("title-4", "fp-report-title");
        Button refresh = new Button(messages.get("report.view.refresh"), new FontIcon(Feather.REFRESH_CW));
        refresh.setId("report-refresh");
        refresh.setTooltip(new Tooltip(messages.get("report.view.refresh.tooltip")));
        refresh.disableProperty().bind(model.busyProperty());
        refresh.setOnAction(e -> model.refresh());
        Button cancel = new Button(messages.get("report.view.cancel"), new FontIcon(Feather.X));
        cancel.setId("report-cancel");
        cancel.visibleProperty().bind(model.busyProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        cancel.setOnAction(e -> model.cancel());

        HBox exports = new HBox(6, new Label(messages.get("report.view.export")));
        exports.setAlignment(Pos.CENTER_LEFT);
        for (ReportFormat format : ReportFormat.values()) {
            String name = messages.get("report.format." + format.id());
            Button button = new Button(name, new FontIcon(format == ReportFormat.JSON ? Feather.CODE : Feather.DOWNLOAD));
            button.setId("report-export-" + format.id());
            button.setTooltip(new Tooltip(messages.get("report.view.export.tooltip", name)));
            button.setAccessibleText(messages.get("report.view.export.tooltip", name));
            button.disableProperty().bind(model.canExportProperty().not());
            button.setOnAction(e -> model.export(format));
            exports.getChildren().add(button);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, title, spacer, refresh, cancel, new Separator(Orientation.VERTICAL), exports);
        bar.setAlignment(Pos.CENTER_LEFT);

        ProgressBar progress = new ProgressBar();
        progress.setId("report-progress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("report-status");
        status.getStyleClass().add("fp-fact-label");
        status.textProperty().bind(model.statusProperty());
        HBox statusLine = new HBox(10, progress, status);
        statusLine.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(8, bar, statusLine);
        top.setPadding(new Insets(12, 16, 10, 16));
        top.getStyleClass().add("fp-report-toolbar");
        setTop(top);

        StackPane preview = new StackPane();
        preview.setAlignment(Pos.TOP_LEFT);
        Runnable show = () -> {
            ReportDocument doc = model.documentProperty().get();
            if (doc == null) {
                Label empty = new Label(messages.get(model.busyProperty().get() ? "report.view.building" : "report.view.empty"));
                empty.setId("report-placeholder");
                empty.getStyleClass().add("title-4");
                preview.getChildren().setAll(empty);
            } else {
                preview.getChildren().setAll(ReportPreview.render(doc, text -> dialogs.copyToClipboard(text, false)));
            }
        };
        model.documentProperty().addListener((o, a, b) -> show.run());
        model.busyProperty().addListener((o, a, b) -> {
            if (model.documentProperty().get() == null) {
                show.run();
            }
        });
        show.run();
        ScrollPane scroll = new ScrollPane(preview);
        scroll.setId("report-preview");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("fp-pane");
        setCenter(scroll);

        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.F5) {
                model.refresh();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                model.cancel();
            }
        });
        // built the first time the page is shown, not at startup; later visits keep the last report (its time is
        // in the status line) until Refresh or F5, instead of reading both clouds again on every visit
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null && model.documentProperty().get() == null) {
                model.refresh();
            }
        });
    }
}
