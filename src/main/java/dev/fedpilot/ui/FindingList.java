package dev.fedpilot.ui;

import dev.fedpilot.domain.Finding;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Findings as short lines: an icon by severity, what was found, and the fix below it. */
public final class FindingList extends VBox {

    public FindingList(ObservableList<Finding> findings) {
        super(6);
        getStyleClass().add("fp-findings");
        findings.addListener((javafx.collections.ListChangeListener<Finding>) c -> show(findings));
        show(findings);
    }

    private void show(ObservableList<Finding> findings) {
        getChildren().clear();
        for (Finding f : findings) {
            Label what = new Label(f.message(), new FontIcon(switch (f.severity()) {
                case ERROR -> Feather.X_OCTAGON;
                case WARNING -> Feather.ALERT_TRIANGLE;
                case INFO -> Feather.INFO;
            }));
            what.setWrapText(true);
            what.getStyleClass().add("fp-severity-" + f.severity().id());
            what.setUserData(f.code());
            getChildren().add(what);
            if (!f.fix().isBlank()) {
                Label fix = new Label("→ " + f.fix());
                fix.setWrapText(true);
                fix.getStyleClass().add("fp-finding-fix");
                getChildren().add(fix);
            }
        }
        setVisible(!findings.isEmpty());
        setManaged(!findings.isEmpty());
    }
}
