package dev.fedpilot.ui.shell;

import dev.fedpilot.text.Messages;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Shown instead of a page when no cloud is configured: offers the sandbox and explains sign-in. */
public final class WelcomeView extends VBox {

    public WelcomeView(Messages messages, Runnable openSandbox) {
        getStyleClass().add("fp-welcome");
        setId("welcome");
        setAlignment(Pos.TOP_LEFT);
        Label title = new Label(messages.get("welcome.title"));
        title.getStyleClass().add("fp-welcome-title");
        Label text = new Label(messages.get("welcome.text"));
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
