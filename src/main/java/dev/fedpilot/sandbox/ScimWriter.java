package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ProvisioningOutcome.Result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Entra sends to the AWS SCIM endpoint for one user or group, and what AWS answers: the writes land in
 * the identity store, refusals come back with AWS's wording. Not thread-safe: the world's lock guards it.
 */
final class ScimWriter {
    private static final String BAD_REQUEST = "SystemForCrossDomainIdentityManagementBadRequest: AWS IAM Identity "
            + "Center answered 400 Bad Request: ";
    private static final String UNPARSABLE = "Request is unparsable, syntactically incorrect, or violates schema.";
    /** Characters AWS rejects in attributes (DOMAIN.md pitfall 9). */
    private static final String FORBIDDEN = "\t\n\r\"<>|;:%";

    /** One SCIM exchange: what happened, and whether the identity store changed. */
    record Write(ProvisioningOutcome outcome, boolean changed) {
        boolean succeeded() {
            return outcome.result() == Result.SUCCESS;
        }
    }

    private final IdentityStore store;

    ScimWriter(IdentityStore store) {
        this.store = store;
    }

    Write user(ProvisioningJobState job, DirectoryUser source) {
        Optional<String> refusal = refusal(source);
        if (refusal.isPresent()) {
            return new Write(outcome(source, Result.FAILURE, refusal.get()), false);
        }
        List<String> emails = source.emails();
        Optional<DirectoryUser> match = store.userByExternalId(source.id()).or(() -> store.userByName(source.userName()));
        if (match.isEmpty()) {
            DirectoryUser created = store.createUser(source.userName(), source.displayName(), source.givenName(),
                    source.familyName(), emails, source.phones(), source.id());
            job.provisionedUsers.add(source.id());
            return new Write(outcome(source, Result.SUCCESS, "Created user " + created.userName()
                    + " in AWS IAM Identity Center."), true);
        }
        DirectoryUser current = match.get();
        DirectoryUser target = new DirectoryUser(current.id(), source.userName(), source.displayName(),
                source.givenName(), source.familyName(), emails, source.phones(), source.id());
        if (!current.userName().equalsIgnoreCase(target.userName())
                && store.userByName(target.userName()).isPresent()) {
            return new Write(outcome(source, Result.FAILURE, "SystemForCrossDomainIdentityManagementConflict: AWS "
                    + "IAM Identity Center answered 409 Conflict: another user already has the userName "
                    + target.userName() + ". Rename or delete that user in AWS."), false);
        }
        job.provisionedUsers.add(source.id());
        if (target.equals(current)) {
            return new Write(outcome(source, Result.SUCCESS, "No change: " + current.userName()
                    + " is up to date in AWS IAM Identity Center."), false);
        }
        store.updateUser(target);
        String message = current.externalId() == null
                ? "Matched the existing AWS user " + current.userName() + " by userName and linked it to Entra."
                : "Updated user " + target.userName() + " in AWS IAM Identity Center.";
        return new Write(outcome(source, Result.SUCCESS, message), true);
    }

    /** Creates or matches the group (by externalId, then displayName); returns the identity store group too. */
    Write group(ProvisioningJobState job, DirectoryGroup source) {
        Optional<String> bad = forbidden("displayName", source.displayName());
        if (bad.isPresent()) {
            return new Write(outcome(source, Result.FAILURE, BAD_REQUEST + UNPARSABLE + " " + bad.get()), false);
        }
        Optional<DirectoryGroup> match = store.groupByExternalId(source.id())
                .or(() -> store.groupByName(source.displayName()));
        job.provisionedGroups.add(source.id());
        if (match.isEmpty()) {
            store.createGroup(source.displayName(), null, source.id());
            return new Write(outcome(source, Result.SUCCESS, "Created group " + source.displayName()
                    + " in AWS IAM Identity Center."), true);
        }
        DirectoryGroup current = match.get();
        DirectoryGroup target = new DirectoryGroup(current.id(), source.displayName(), current.description(),
                source.id());
        if (target.equals(current)) {
            return new Write(outcome(source, Result.SUCCESS, "No change: group " + current.displayName()
                    + " is up to date."), false);
        }
        store.updateGroup(target);
        String message = current.externalId() == null
                ? "Matched the existing AWS group " + current.displayName() + " by displayName; provisioning "
                + "manages it from now on."
                : "Updated group " + target.displayName() + ".";
        return new Write(outcome(source, Result.SUCCESS, message), true);
    }

    /**
     * Sets the members of a provisioned group. With {@code exact}, members Entra does not know are removed,
     * which is how a cycle undoes manual edits of SCIM-managed groups.
     */
    Write members(DirectoryGroup source, List<DirectoryUser> entraMembers, boolean exact) {
        DirectoryGroup group = store.groupByExternalId(source.id()).orElseThrow();
        Set<String> desired = new HashSet<>();
        for (DirectoryUser user : entraMembers) {
            store.userByExternalId(user.id()).ifPresent(u -> desired.add(u.id()));
        }
        Set<String> current = new HashSet<>(store.memberIds(group.id()));
        int added = 0;
        int removed = 0;
        for (String userId : desired) {
            if (!current.contains(userId) && store.addMember(group.id(), userId).changedSomething()) {
                added++;
            }
        }
        if (exact) {
            for (String userId : new ArrayList<>(current)) {
                if (!desired.contains(userId) && store.removeMember(group.id(), userId).changedSomething()) {
                    removed++;
                }
            }
        }
        if (added + removed == 0) {
            return new Write(outcome(source, Result.SUCCESS, "No change: members of group " + source.displayName()
                    + " are up to date."), false);
        }
        return new Write(outcome(source, Result.SUCCESS, "Updated members of group " + source.displayName() + ": "
                + added + " added, " + removed + " removed."), true);
    }

    /** Why AWS refuses this user, in its own words plus what to do, or empty when it accepts it. */
    static Optional<String> refusal(DirectoryUser user) {
        List<String> missing = new ArrayList<>();
        if (blank(user.givenName())) {
            missing.add("'name.givenName' is required");
        }
        if (blank(user.familyName())) {
            missing.add("'name.familyName' is required");
        }
        if (blank(user.displayName())) {
            missing.add("'displayName' is required");
        }
        if (!missing.isEmpty()) {
            return Optional.of(BAD_REQUEST + missing.size() + " validation error" + (missing.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", missing) + ". Give the user a first name, last name and "
                    + "display name in Entra, then provision again.");
        }
        if (user.phones().size() > 1) {
            return Optional.of(BAD_REQUEST + UNPARSABLE + " The user has " + user.phones().size()
                    + " phone numbers and AWS accepts one value for phoneNumbers. Keep one phone number in Entra "
                    + "or map only one in the app's attribute mappings.");
        }
        if (user.emails().size() > 1) {
            return Optional.of(BAD_REQUEST + UNPARSABLE + " The user has " + user.emails().size()
                    + " email addresses and AWS accepts one value for emails. Remove the extra addresses in Entra "
                    + "or map only one in the app's attribute mappings.");
        }
        return forbidden("displayName", user.displayName())
                .or(() -> forbidden("name.givenName", user.givenName()))
                .or(() -> forbidden("name.familyName", user.familyName()))
                .map(reason -> BAD_REQUEST + UNPARSABLE + " " + reason);
    }

    private static Optional<String> forbidden(String attribute, String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (char c : value.toCharArray()) {
            if (FORBIDDEN.indexOf(c) >= 0) {
                return Optional.of("'" + attribute + "' contains " + describe(c) + ", which AWS does not accept "
                        + "(tab, newline, carriage return, \" < > | ; : %). Change the value in Entra.");
            }
        }
        return Optional.empty();
    }

    private static String describe(char c) {
        return switch (c) {
            case '\t' -> "a tab";
            case '\n' -> "a newline";
            case '\r' -> "a carriage return";
            default -> "'" + c + "'";
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static ProvisioningOutcome outcome(DirectoryUser user, Result result, String message) {
        return new ProvisioningOutcome(user.id(), PrincipalType.USER, user.displayName(), result, message);
    }

    static ProvisioningOutcome outcome(DirectoryGroup group, Result result, String message) {
        return new ProvisioningOutcome(group.id(), PrincipalType.GROUP, group.displayName(), result, message);
    }
}
