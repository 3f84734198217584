package dev.fedpilot.directory;

import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.MembershipChange.Where;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.text.Messages;

import java.util.List;

/** Words for changes and their outcomes, as the pending list and the audit log show them. */
public final class ChangeText {
    private final Messages messages;

    public ChangeText(Messages messages) {
        this.messages = messages;
    }

    /** E.g. "+ bob@contoso.com → billing". */
    public String describe(MembershipChange ch) {
        String user = ch.user() == null ? "" : ch.user().userName() == null ? ch.user().label() : ch.user().userName();
        String group = ch.group().displayName();
        boolean entra = ch.where() == Where.ENTRA;
        return switch (ch.action()) {
            case ADD -> messages.get(entra ? "directory.change.addAtSource" : "directory.change.add", user, group);
            case REMOVE -> messages.get(entra ? "directory.change.removeAtSource" : "directory.change.remove",
                    user, group);
            case PROVISION -> ch.user() == null ? messages.get("directory.change.provisionGroup", group)
                    : messages.get("directory.change.provisionMember", user, group);
            case ASSIGN -> messages.get("directory.change.assign", group);
        };
    }

    /** A whole edit: the change itself, or "3 changes in billing". */
    public String describe(List<MembershipChange> changes) {
        if (changes.size() == 1) {
            return describe(changes.get(0));
        }
        long groups = changes.stream().map(c -> c.group().displayName()).distinct().count();
        return groups == 1 ? messages.get("directory.edit.manyInGroup", changes.size(), changes.get(0).group().displayName())
                : messages.get("directory.edit.many", changes.size());
    }

    /** What became of a change: "added", "already a member", or the failure. */
    public String outcome(PendingChange pc) {
        return switch (pc.status()) {
            case DONE -> messages.get("directory.outcome." + pc.outcome());
            case FAILED -> messages.get("directory.outcome.failed", pc.failure());
            case PENDING -> pc.stage() == PendingChange.Stage.SOURCE_WRITTEN
                    ? messages.get("directory.outcome.sourceWritten") : "";
        };
    }
}
