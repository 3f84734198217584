package dev.fedpilot.ui;

import dev.fedpilot.text.Messages;
import java.util.List;

/**
 * Quitting with pending edits asks first: keep them for next time (they are journaled), apply them, or discard
 * them. Nothing pending: the window closes without a question.
 */
public final class QuitGuard {
    private final List<? extends PendingEdits> screens;
    private final DialogService dialogs;
    private final Messages messages;

    public QuitGuard(List<? extends PendingEdits> screens, DialogService dialogs, Messages messages) {
        this.screens = screens;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Asks if needed, then runs {@code close}; returns false when the user chose to stay. */
    public boolean closeAfterAsking(Runnable close) {
        List<? extends PendingEdits> pending = screens.stream().filter(s -> s.pendingCount() > 0).toList();
        if (pending.isEmpty()) {
            close.run();
            return true;
        }
        String what = String.join(", ", pending.stream()
                .map(s -> messages.get("quit.pending.screen", s.pendingCount(), s.screenName())).toList());
        var choice = dialogs.chooseAction(messages.get("quit.pending.title"), messages.get("quit.pending.text", what),
                List.of(messages.get("quit.pending.keep"), messages.get("quit.pending.apply"),
                        messages.get("quit.pending.discard")));
        if (choice.isEmpty()) {
            return false;
        }
        switch (choice.get()) {
            case 1 -> applyAll(pending, 0, close);
            case 2 -> {
                pending.forEach(PendingEdits::discardPending);
                close.run();
            }
            default -> close.run();
        }
        return true;
    }

    private static void applyAll(List<? extends PendingEdits> pending, int index, Runnable close) {
        if (index == pending.size()) {
            close.run();
        } else {
            pending.get(index).applyPending(() -> applyAll(pending, index + 1, close));
        }
    }
}
