package dev.fedpilot.report;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.report.ReportDocument.Block;
import dev.fedpilot.report.ReportDocument.Facts;
import dev.fedpilot.report.ReportDocument.Findings;
import dev.fedpilot.report.ReportDocument.Note;
import dev.fedpilot.report.ReportDocument.Part;
import dev.fedpilot.report.ReportDocument.Table;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.ui.Card;
import dev.fedpilot.text.Fact;
import dev.fedpilot.ui.FindingList;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The report as JavaFX nodes: the same document the HTML export renders, as cards, grids and findings. */
final class ReportPreview {
    private ReportPreview() {
    }

    static Node render(ReportDocument doc, Consumer<String> copy) {
        VBox page = new VBox(14);
        page.setId("report-preview-content");
        page.setPadding(new Insets(16));
        page.setMaxWidth(1000);
        Label title = new Label(doc.title());
        title.getStyleClass().add("title-2");
        Label subtitle = wrapped(doc.subtitle(), "fp-fact-label");
        subtitle.setId("report-subtitle");
        page.getChildren().addAll(new VBox(2, title, subtitle), banner(doc.banner()));
        for (Part part : doc.parts()) {
            page.getChildren().add(part(part, copy));
        }
        return page;
    }

    private static Node banner(ReportDocument.Banner banner) {
        FontIcon icon = new FontIcon(switch (banner.health()) {
            case HEALTHY -> Feather.CHECK_CIRCLE;
            case ATTENTION -> Feather.ALERT_TRIANGLE;
            case PROBLEM -> Feather.X_OCTAGON;
            case INCOMPLETE -> Feather.LOADER;
            case NOT_STARTED -> Feather.CIRCLE;
        });
        icon.getStyleClass().add("fp-report-banner-icon");
        Label headline = new Label(banner.headline());
        headline.setId("report-headline");
        headline.getStyleClass().add("title-4");
        Label detail = wrapped(banner.detail(), "fp-report-detail");
        detail.setId("report-summary-detail");
        HBox box = new HBox(12, icon, new VBox(2, headline, detail));
        box.setId("report-summary");
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new Insets(12, 16, 12, 16));
        box.getStyleClass().addAll("fp-report-banner", "fp-health-" + banner.health().id());
        return box;
    }

    private static Node part(Part part, Consumer<String> copy) {
        Card card = new Card(part.title(), icon(part.section()), copy);
        card.setId("report-" + part.section().id());
        Label state = new Label(part.stateLabel());
        state.getStyleClass().addAll("fp-report-state", "fp-state-" + part.state().id());
        card.getChildren().add(1, state);
        List<Fact> facts = new ArrayList<>();
        for (Block block : part.blocks()) {
            if (block instanceof Facts f) {
                facts.addAll(f.facts());
            } else if (block instanceof Table t) {
                card.add(table(t));
            } else if (block instanceof Findings f) {
                card.add(new FindingList(FXCollections.observableArrayList(f.lines().stream().map(l -> new Finding(
                        l.severity(), l.code(),
                        l.sectionTitle() + ": " + l.message(), l.fix())).toList())));
            } else if (block instanceof Note n) {
                card.add(wrapped(n.text(), "fp-fact-label"));
            }
        }
        card.bind(FXCollections.observableArrayList(facts));
        // long URLs would otherwise squeeze the labels to "…": labels keep their width, values wrap
        card.getChildren().stream().filter(GridPane.class::isInstance).map(GridPane.class::cast).findFirst()
                .filter(grid -> !grid.getColumnConstraints().isEmpty())
                .ifPresent(grid -> grid.getColumnConstraints().get(0).setMinWidth(Region.USE_PREF_SIZE));
        return card;
    }

    private static Node table(Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("fp-report-table");
        grid.setHgap(14);
        grid.setVgap(4);
        for (int c = 0; c < t.headers().size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(c == t.headers().size() - 1 ? Priority.ALWAYS : Priority.SOMETIMES);
            grid.getColumnConstraints().add(column);
            Label header = new Label(t.headers().get(c));
            header.getStyleClass().add("fp-report-th");
            header.setMinWidth(Region.USE_PREF_SIZE);
            grid.add(header, c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<String> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                Label cell = wrapped(row.get(c), t.code().get(c) ? "fp-code" : "fp-fact-value");
                cell.setMaxWidth(t.headers().size() > 3 ? 420 : 600);
                GridPane.setValignment(cell, VPos.TOP);
                grid.add(cell, c, r + 1);
            }
        }
        if (t.caption() == null) {
            return grid;
        }
        Label caption = new Label(t.caption());
        caption.getStyleClass().add("fp-report-caption");
        return new VBox(4, caption, grid);
    }

    private static Feather icon(Section section) {
        return switch (section) {
            case FINDINGS -> Feather.ALERT_TRIANGLE;
            case STEPS -> Feather.LIST;
            case ENTRA -> Feather.SHIELD;
            case AWS -> Feather.CLOUD;
            case SAML -> Feather.KEY;
            case SCIM -> Feather.LINK;
            case PROVISIONING -> Feather.REFRESH_CW;
            case ASSIGNMENTS -> Feather.USERS;
            case TIMELINE -> Feather.CLOCK;
        };
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
