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
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("dark"), dark);
    }
}
