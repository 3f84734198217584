package dev.fedpilot.domain;

import java.util.Locale;
import java.util.Objects;

/**
 * One membership edit the user asked for. {@link Where#IDENTITY_STORE} writes the AWS identity store directly;
 * {@link Where#ENTRA} makes the change in the Entra group (the source SCIM syncs from) and then provisions it on
 * demand, so the next provisioning cycle keeps it.
 *
 * @param user null for {@link Action#ASSIGN} and for provisioning a whole group
 */
public record MembershipChange(Action action, Where where, GroupRef group, UserRef user) {

    public enum Action {
        ADD, REMOVE,
        /** Provision on demand: the group, with the user when one is given (a drift fix). */
        PROVISION,
        /** Assign the Entra group to the app (a nested group that provisioning skipped). */
        ASSIGN
    }

    public enum Where { IDENTITY_STORE, ENTRA }

    /**
     * A group on either side; ids that are not known yet are null and are looked up when the change is applied.
     *
     * @param entraId the Entra object id; for a SCIM-managed AWS group this is its externalId
     */
    public record GroupRef(String awsId, String entraId, String displayName, boolean scimManaged) {

        public static GroupRef of(DirectoryGroup awsGroup) {
            return new GroupRef(awsGroup.id(), awsGroup.externalId(), awsGroup.displayName(), awsGroup.scimManaged());
        }
    }

    /**
     * A user on either side.
     *
     * @param userName the identity store UserName, equal to the Entra userPrincipalName for provisioned users
     */
    public record UserRef(String awsId, String entraId, String userName, String displayName) {

        public static UserRef of(DirectoryUser awsUser) {
            return new UserRef(awsUser.id(), awsUser.externalId(), awsUser.userName(), awsUser.displayName());
        }

        /** The name a person recognises: the display name, else the user name. */
        public String label() {
            return displayName == null || displayName.isBlank() ? userName : displayName;
        }
    }

    public MembershipChange {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(group, "group");
        if ((action == Action.ADD || action == Action.REMOVE) && user == null) {
            throw new IllegalArgumentException(action + " needs a user");
        }
    }

    public static MembershipChange add(DirectoryGroup group, DirectoryUser user) {
        return new MembershipChange(Action.ADD, Where.IDENTITY_STORE, GroupRef.of(group), UserRef.of(user));
    }

    public static MembershipChange remove(DirectoryGroup group, DirectoryUser user) {
        return new MembershipChange(Action.REMOVE, Where.IDENTITY_STORE, GroupRef.of(group), UserRef.of(user));
    }

    /** The same change made somewhere else. */
    public MembershipChange at(Where place) {
        return new MembershipChange(action, place, group, user);
    }

    /** Identifies the (group, user) pair, so an add and a remove of the same pair cancel out. */
    public String pairKey() {
        return key(group.awsId(), group.entraId(), group.displayName()) + "|"
                + (user == null ? "-" : key(user.awsId(), user.entraId(), user.userName()));
    }

    /** True when this change undoes {@code other}: the same pair, the opposite direction. */
    public boolean cancels(MembershipChange other) {
        boolean opposite = (action == Action.ADD && other.action == Action.REMOVE)
                || (action == Action.REMOVE && other.action == Action.ADD);
        return opposite && pairKey().equals(other.pairKey());
    }

    /** True when a provisioning cycle may undo this change (an identity store edit of a SCIM-managed group). */
    public boolean mayBeUndoneByProvisioning() {
        return where == Where.IDENTITY_STORE && group.scimManaged() && (action == Action.ADD || action == Action.REMOVE);
    }

    private static String key(String awsId, String entraId, String name) {
        if (awsId != null) {
            return "aws:" + awsId;
        }
        if (entraId != null) {
            return "entra:" + entraId;
        }
        return "name:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }
}
