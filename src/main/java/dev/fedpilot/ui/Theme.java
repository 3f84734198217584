package dev.fedpilot.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** AtlantaFX Primer light and dark, plus FedPilot's own stylesheet with its -fp-* colours. */
public final class Theme {
    private static final String APP_CSS = Objects.requireNonNull(
            Theme.class.getResource("/dev/fedpilot/ui/fedpilot.css")).toExternalForm();

    private Theme() {
    }

    public static void apply(Scene scene, boolean dark) {
        // the binary form of the theme loads several times faster than parsing its 170 kB of CSS
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
    }
}
