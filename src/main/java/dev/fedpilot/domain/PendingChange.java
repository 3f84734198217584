package dev.fedpilot.domain;

import java.util.Objects;

/**
 * A membership change in the pending list and the apply journal: what to do, how far it got, and why it failed.
 *
 * @param seq     order of entry; the pending list is sorted by it
 * @param stage   how far an apply got, so a resumed apply does not write anything twice
 * @param outcome after a successful apply: what the cloud said (e.g. "already a member")
 * @param failure after a failed apply: what went wrong and what to do
 */
public record PendingChange(long seq, MembershipChange change, Status status, Stage stage, String outcome,
                            String failure) {

    public enum Status { PENDING, FAILED, DONE }

    public enum Stage {
        NEW,
        /**
         * The identity store write was sent and its answer not yet recorded: after a crash, the next start looks in
         * the identity store to learn whether it happened.
         */
        WRITING,
        /** The Entra group was changed; provisioning on demand (or the AWS write) is still to come. */
        SOURCE_WRITTEN,
        FINISHED
    }

    public PendingChange {
        Objects.requireNonNull(change, "change");
        status = status == null ? Status.PENDING : status;
        stage = stage == null ? Stage.NEW : stage;
    }

    public static PendingChange of(long seq, MembershipChange change) {
        return new PendingChange(seq, change, Status.PENDING, Stage.NEW, null, null);
    }

    public boolean done() {
        return status == Status.DONE;
    }

    public PendingChange withChange(MembershipChange value) {
        return new PendingChange(seq, value, status, stage, outcome, failure);
    }

    public PendingChange writing() {
        return new PendingChange(seq, change, status, Stage.WRITING, outcome, failure);
    }

    /** Back to a plain pending change (e.g. an interrupted write that did not happen). */
    public PendingChange fresh() {
        return new PendingChange(seq, change, Status.PENDING, Stage.NEW, null, null);
    }

    public PendingChange sourceWritten() {
        return new PendingChange(seq, change, status, Stage.SOURCE_WRITTEN, outcome, failure);
    }

    public PendingChange succeeded(String what) {
        return new PendingChange(seq, change, Status.DONE, Stage.FINISHED, what, null);
    }

    public PendingChange failed(String why) {
        return new PendingChange(seq, change, Status.FAILED, stage, null, why);
    }
}
