package dev.fedpilot.directory;

import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.ui.DialogService;
import dev.fedpilot.text.Messages;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Before Apply writes anything it says what it will do, per group and per side (the AWS identity store, or
 * Entra then provisioning), unless the user turned that question off; the choice is kept for next time.
 */
public final class ApplyConfirmation {
    static final String STORE_NAME = "directory-preferences";

    /** What the directory remembers between runs. */
    public record Preferences(boolean askBeforeApply) {
    }

    private final BooleanProperty askFirst = new SimpleBooleanProperty(true);
    private final StateStore store;
    private final DialogService dialogs;
    private final Messages messages;

    ApplyConfirmation(StateStore store, DialogService dialogs, Messages messages) {
        this.store = store;
        this.dialogs = dialogs;
        this.messages = messages;
        askFirst.set(store.load(STORE_NAME, Preferences.class).map(Preferences::askBeforeApply).orElse(true));
        askFirst.addListener((o, a, ask) -> store.save(STORE_NAME, new Preferences(ask)));
    }

    public BooleanProperty askFirstProperty() {
        return askFirst;
    }

    /** Applies {@code pending} after the user agreed to the preview, or at once when the question is off. */
    public void apply(PendingChangesViewModel pending) {
        if (pending.changes().isEmpty()) {
            return;
        }
        if (!askFirst.get() || dialogs.confirm(messages.get("directory.applyPreview.title"),
                preview(pending.changes()), messages.get("directory.pending.apply", pending.changes().size()))) {
            pending.apply();
        }
    }

    /** "AWS-ReadOnly: add 2, remove 1 in the AWS identity store", one line per group and side. */
    String preview(List<PendingChange> changes) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (PendingChange pc : changes) {
            MembershipChange c = pc.change();
            String key = c.group().displayName() + "\u0000" + c.where().name();
            int[] n = counts.computeIfAbsent(key, k -> new int[3]);
            n[switch (c.action()) {
                case ADD -> 0;
                case REMOVE -> 1;
                default -> 2;
            }]++;
        }
        List<String> lines = new ArrayList<>();
        counts.forEach((key, n) -> {
            String[] parts = key.split("\u0000");
            List<String> what = new ArrayList<>();
            if (n[0] > 0) {
                what.add(messages.get("directory.applyPreview.add", n[0]));
            }
            if (n[1] > 0) {
                what.add(messages.get("directory.applyPreview.remove", n[1]));
            }
            if (n[2] > 0) {
                what.add(messages.get("directory.applyPreview.provision", n[2]));
            }
            lines.add(messages.get(MembershipChange.Where.valueOf(parts[1]) == MembershipChange.Where.ENTRA
                    ? "directory.applyPreview.entra" : "directory.applyPreview.aws", parts[0], String.join(", ", what)));
        });
        return String.join("\n", lines) + "\n\n" + messages.get("directory.applyPreview.off");
    }
}
