package dev.fedpilot.ui;

import dev.fedpilot.text.Fact;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

/** A titled card of facts (label: value, with copy buttons for ids and URLs) and optional extra content. */
public final class Card extends VBox {
    private final GridPane facts = new GridPane();
    private final Consumer<String> copy;

    public Card(String title, Feather icon, Consumer<String> copy) {
        super(8);
        this.copy = copy;
        getStyleClass().add("fp-card");
        setPadding(new Insets(12));
        Label heading = new Label(title, new FontIcon(icon));
        heading.getStyleClass().add("fp-card-title");
        facts.setHgap(10);
        facts.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        facts.getColumnConstraints().addAll(labels, values);
        getChildren().addAll(heading, facts);
    }

    /** Keeps the fact rows in step with {@code source}. */
    public Card bind(ObservableList<Fact> source) {
        source.addListener((ListChangeListener<Fact>) c -> show(source));
        show(source);
        return this;
    }

    public Card add(Node... extra) {
        getChildren().addAll(extra);
        return this;
    }

    private void show(ObservableList<Fact> source) {
        facts.getChildren().clear();
        int row = 0;
        for (Fact fact : source) {
            Label label = new Label(fact.label());
            label.getStyleClass().add("fp-fact-label");
            Label value = new Label();
            value.getStyleClass().add(fact.code() ? "fp-code" : "fp-fact-value");
            if (fact.code()) {
                // an id stays on one line: cut in the middle when narrow, whole in the tooltip and the copy button
                value.setText(fact.value());
                value.setWrapText(false);
                value.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
                value.setMinWidth(60);
                if (fact.value() != null && !fact.value().isBlank()) {
                    value.setTooltip(new Tooltip(fact.value()));
                }
            } else {
                value.setText(breakableAtDots(fact.value()));
                value.setWrapText(true);
            }
            HBox.setHgrow(value, Priority.ALWAYS);
            HBox cell = new HBox(4, value);
            cell.setAlignment(Pos.CENTER_LEFT);
            if (fact.code() && fact.value() != null && !fact.value().isBlank()) {
                Button button = new Button(null, new FontIcon(Feather.COPY));
                button.getStyleClass().addAll("button-icon", "flat", "fp-copy");
                button.setMinWidth(Region.USE_PREF_SIZE);
                button.setTooltip(new Tooltip("Copy " + fact.label()));
                button.setAccessibleText("Copy " + fact.label());
                button.setOnAction(e -> copy.accept(fact.value()));
                cell.getChildren().add(button);
            }
            facts.addRow(row++, label, cell);
        }
    }

    /**
     * A long name without spaces ("contoso-sandbox.onmicrosoft.com") may break after its dots rather than
     * anywhere: a zero-width space after each dot is a break opportunity and draws nothing.
     */
    static String breakableAtDots(String text) {
        if (text == null || text.contains(" ") || text.length() < 24) {
            return text;
        }
        return text.replace(".", ".\u200B");
    }
}
