package dev.fedpilot.ui;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A scripted DialogService for tests: records what was shown and answers from queues. */
public final class RecordingDialogs implements DialogService {
    public final List<String> errors = new ArrayList<>();
    public final List<String> infos = new ArrayList<>();
    public final List<String> opened = new ArrayList<>();
    public final List<String> clipboard = new ArrayList<>();
    public final Deque<Boolean> confirmations = new ArrayDeque<>();
    public final Deque<Path> files = new ArrayDeque<>();
    /** Answers to choose, askText and chooseAction (a String, or an Integer for chooseAction); empty: cancelled. */
    public final Deque<Object> answers = new ArrayDeque<>();
    public final List<String> asked = new ArrayList<>();
    /** What the clipboard holds for clipboardText; null: nothing. */
    public String clipboardText;

    @Override
    public void showError(String title, Throwable error) {
        errors.add(title + ": " + ErrorText.full(error));
    }

    @Override
    public void showInfo(String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        asked.add(title + ": " + message + " [" + confirmLabel + "]");
        return confirmations.isEmpty() || confirmations.pop();
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, List<String> extensions) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String suggestedName, List<String> extensions) {
        return Optional.ofNullable(files.poll());
    }

    @Override
    public void openInBrowser(String url) {
        opened.add(url);
    }

    @Override
    public void copyToClipboard(String text, boolean secret) {
        clipboard.add(secret ? "<secret>" : text);
    }

    @Override
    public Optional<String> choose(String title, String header, List<String> options) {
        asked.add(header + " " + options);
        return Optional.ofNullable((String) answers.poll());
    }

    @Override
    public Optional<String> askText(String title, String header, String initial) {
        asked.add(header);
        return Optional.ofNullable((String) answers.poll());
    }

    @Override
    public Optional<Integer> chooseAction(String title, String message, List<String> actions) {
        asked.add(title + ": " + message + " " + actions);
        return Optional.ofNullable((Integer) answers.poll());
    }

    @Override
    public Optional<String> clipboardText() {
        return Optional.ofNullable(clipboardText).filter(t -> !t.isBlank());
    }
}
