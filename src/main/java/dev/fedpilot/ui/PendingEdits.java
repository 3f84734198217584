package dev.fedpilot.ui;

/**
 * A screen that holds edits not yet written to a cloud (the Directory today, the Access screen later). Pending
 * edits are journaled as they are made, so keeping them for next time needs nothing but closing.
 */
public interface PendingEdits {

    /** The screen's name as the user knows it ("Directory"). */
    String screenName();

    int pendingCount();

    /** Writes the pending edits; {@code whenDone} runs on the FX thread once the apply has ended. */
    void applyPending(Runnable whenDone);

    /** Drops the pending edits, journal included. */
    void discardPending();
}
