package dev.fedpilot.domain;

/** The outcome of a membership write: "already so" counts as done. */
public enum MembershipResult {
    ADDED, ALREADY_MEMBER, REMOVED, ALREADY_ABSENT;

    public boolean changedSomething() {
        return this == ADDED || this == REMOVED;
    }
}
