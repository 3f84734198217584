package dev.fedpilot.directory;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PendingChange;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Identity store writes that were sent when FedPilot stopped (a crash, a kill) and whose answer was never
 * recorded: on the next start the identity store is asked whether each membership is there, and what it shows is
 * written to the audit log, so a change that happened is neither lost from the record nor written twice.
 */
final class InterruptedWrites {
    static final String FOUND_AFTER_RESTART = "found-after-restart";
    private final DirectoryContext ctx;
    private final IdcInstance instance;
    private final ChangeText text;

    InterruptedWrites(DirectoryContext ctx, IdcInstance instance, ChangeText text) {
        this.ctx = ctx;
        this.instance = instance;
        this.text = text;
    }

    /** Looks the changes up off the FX thread; {@code settled} gets them done or pending again. */
    void check(List<PendingChange> interrupted, Consumer<List<PendingChange>> settled) {
        ctx.tasks().task(ctx.messages().get("directory.task.interrupted", interrupted.size()), c -> {
                    List<PendingChange> checked = new ArrayList<>();
                    for (PendingChange pc : interrupted) {
                        checked.add(observe(pc));
                    }
                    return checked;
                })
                .onSuccess(settled::accept)
                .onFailure(e -> ctx.dialogs().showError(ctx.messages().get("directory.interrupted.failedTitle"), e))
                .start();
    }

    private PendingChange observe(PendingChange pc) {
        MembershipChange ch = pc.change();
        boolean member = isMember(ch.group().awsId(), ch.user().awsId());
        boolean happened = ch.action() == MembershipChange.Action.ADD ? member : !member;
        PendingChange after = happened ? pc.succeeded(FOUND_AFTER_RESTART) : pc.fresh();
        ctx.audit().record(new AuditEntry(ctx.clock().instant(), "directory", text.describe(ch),
                happened ? AuditEntry.Outcome.OK : AuditEntry.Outcome.INFO,
                ctx.messages().get(happened ? "directory.interrupted.happened" : "directory.interrupted.notHappened")));
        return after;
    }

    private boolean isMember(String groupId, String userId) {
        boolean[] found = {false};
        ctx.aws().listGroupsOfUser(instance, userId, page -> {
            for (Membership m : page) {
                found[0] |= groupId.equals(m.groupId());
            }
        });
        return found[0];
    }
}
