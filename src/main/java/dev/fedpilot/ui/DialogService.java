package dev.fedpilot.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dialogs a ViewModel may ask for, without touching javafx.scene: the FX implementation shows real dialogs,
 * tests answer with a scripted fake.
 */
public interface DialogService {

    /** Tells the user what went wrong, why, and what to do. */
    void showError(String title, Throwable error);

    void showInfo(String title, String message);

    /** Asks a yes/no question; true when the user confirmed. */
    boolean confirm(String title, String message, String confirmLabel);

    Optional<Path> chooseFileToOpen(String title, List<String> extensions);

    Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions);

    /** Opens a web page in the system browser. */
    void openInBrowser(String url);

    /** Puts {@code text} on the clipboard; {@code secret} text is cleared again after a minute. */
    void copyToClipboard(String text, boolean secret);

    /** Lets the user pick one of {@code options}; empty when cancelled or when there is nothing to pick. */
    Optional<String> choose(String title, String header, List<String> options);

    /** Asks for one line of text, offering {@code initial}; empty when cancelled. */
    Optional<String> askText(String title, String header, String initial);

    /**
     * Asks which of {@code actions} to take (button labels, in order); the index of the chosen one, empty when
     * the user cancelled.
     */
    Optional<Integer> chooseAction(String title, String message, List<String> actions);

    /** The text on the clipboard, empty when it holds none. */
    Optional<String> clipboardText();
}
