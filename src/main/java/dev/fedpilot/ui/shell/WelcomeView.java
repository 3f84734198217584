package dev.fedpilot.ui.shell;

import dev.fedpilot.text.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;

/**
 * Shown instead of a page when no cloud is configured: the Setup page welcomes and offers the sandbox; the
 * other pages say what they show and what they need (both clouds signed in, or the sandbox).
 */
public final class WelcomeView extends VBox {

    public WelcomeView(Messages messages, Runnable openSandbox) {
        this(messages, Page.SETUP, openSandbox);
    }

    public WelcomeView(Messages messages, Page page, Runnable openSandbox) {
        getStyleClass().add("fp-welcome");
        String key = page == Page.SETUP ? "welcome" : "welcome." + page.name().toLowerCase(Locale.ROOT);
        setId(page == Page.SETUP ? "welcome" : "needs-" + page.name().toLowerCase(Locale.ROOT));
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label(messages.get(key + ".title"));
        title.getStyleClass().add("fp-welcome-title");
        title.setWrapText(true);
        Label text = new Label(messages.get(key + ".text"));
        text.setWrapText(true);
        Button sandbox = new Button(messages.get("welcome.sandbox"), new FontIcon(Feather.PLAY));
        sandbox.setId("open-sandbox");
        sandbox.getStyleClass().add("accent");
        sandbox.setDefaultButton(true);
        sandbox.setOnAction(e -> openSandbox.run());
        Label signIn = new Label(messages.get("welcome.signIn"));
        signIn.setWrapText(true);
        getChildren().addAll(title, text, sandbox, signIn);
    }
}
