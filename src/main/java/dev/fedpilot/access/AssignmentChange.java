package dev.fedpilot.access;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.PrincipalType;

import java.util.Locale;
import java.util.Objects;

/**
 * One pending access edit as a command object (do, undo, describe), shaped like the directory's membership edits
 * so it can join the same pending-edit stack: assign or unassign a user or group a permission set in one account.
 */
public record AssignmentChange(Action action, AccountAssignment assignment, String principalName,
                               String permissionSetName, String accountName) {

    public enum Action { ASSIGN, UNASSIGN }

    public AssignmentChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(assignment, "assignment");
        principalName = principalName == null ? assignment.principalId() : principalName;
        permissionSetName = permissionSetName == null ? assignment.permissionSetArn() : permissionSetName;
        accountName = accountName == null ? assignment.accountId() : accountName;
    }

    /** Applies the change and follows it to the end. */
    public AccessWriter.Result apply(AccessWriter writer, IdcInstance instance) {
        return action == Action.ASSIGN ? writer.assign(instance, assignment) : writer.unassign(instance, assignment);
    }

    /** The change that takes this one back. */
    public AssignmentChange undo() {
        return new AssignmentChange(action == Action.ASSIGN ? Action.UNASSIGN : Action.ASSIGN, assignment,
                principalName, permissionSetName, accountName);
    }

    /** E.g. "Assign group billing → ReadOnly in Production (111122223333)". */
    public String describe() {
        String who = (assignment.principalType() == PrincipalType.GROUP ? "group " : "user ") + principalName;
        String verb = action == Action.ASSIGN ? "Assign " : "Unassign ";
        String account = accountName.equals(assignment.accountId()) ? accountName
                : accountName + " (" + assignment.accountId() + ")";
        return verb + who + " → " + permissionSetName + " in " + account;
    }

    public String target() {
        return assignment.target();
    }

    @Override
    public String toString() {
        return describe().toLowerCase(Locale.ROOT);
    }
}
