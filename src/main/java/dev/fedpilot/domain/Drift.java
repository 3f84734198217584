package dev.fedpilot.domain;

import dev.fedpilot.domain.MembershipChange.Action;
import dev.fedpilot.domain.MembershipChange.GroupRef;
import dev.fedpilot.domain.MembershipChange.UserRef;
import dev.fedpilot.domain.MembershipChange.Where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Where the identity store has drifted from the Entra groups assigned to the AWS app: members Entra has and AWS
 * lacks (not provisioned yet, or refused), members only AWS has (manual edits), assigned groups AWS lacks, and
 * nested groups provisioning skips. Pure: the caller fetches both sides and the provisioning log.
 */
public final class Drift {

    public enum Kind {
        /** An Entra member with no matching member in the AWS group; provisioning has not reported a failure. */
        NOT_PROVISIONED,
        /** An Entra member the provisioning log says AWS refused or provisioning skipped. */
        PROVISIONING_FAILED,
        /** A member of the AWS group that is not a direct member of the Entra group: an edit made in AWS. */
        MANUAL_IN_AWS,
        /** An assigned Entra group with no identity store group yet. */
        GROUP_MISSING_IN_AWS,
        /** A group nested in an assigned group: Entra provisions only direct user members. */
        NESTED_SKIPPED
    }

    /**
     * One assigned Entra group and what each side knows about it.
     *
     * @param awsGroup       the matching identity store group, or null when there is none
     * @param entraUserNames userPrincipalName per Entra user member id, to match AWS users that lack an externalId
     */
    public record GroupSide(DirectoryGroup entraGroup, DirectoryGroup awsGroup, List<GroupMember> entraMembers,
                            Map<String, String> entraUserNames, List<DirectoryUser> awsMembers) {
        public GroupSide {
            Objects.requireNonNull(entraGroup, "entraGroup");
            entraMembers = entraMembers == null ? List.of() : List.copyOf(entraMembers);
            entraUserNames = entraUserNames == null ? Map.of() : Map.copyOf(entraUserNames);
            awsMembers = awsMembers == null ? List.of() : List.copyOf(awsMembers);
        }
    }

    /**
     * One difference and the changes that would fix it.
     *
     * @param memberEntraId the Entra id of the member (user or nested group); null for AWS-only members
     * @param awsUser       the identity store user, for AWS-only members
     * @param memberUserName the Entra userPrincipalName or the AWS UserName, when known
     * @param reason        what the provisioning log says about this member or group, when it says anything
     */
    public record Item(Kind kind, DirectoryGroup entraGroup, DirectoryGroup awsGroup, String memberEntraId,
                       DirectoryUser awsUser, String memberName, String memberUserName, String reason) {

        /** The fixes, the usual one first. */
        public List<MembershipChange> fixes() {
            GroupRef group = new GroupRef(awsGroup == null ? null : awsGroup.id(), entraGroup.id(),
                    entraGroup.displayName(), true);
            return switch (kind) {
                case NOT_PROVISIONED, PROVISIONING_FAILED -> List.of(new MembershipChange(Action.PROVISION,
                        Where.ENTRA, group, new UserRef(null, memberEntraId, memberUserName, memberName)));
                case MANUAL_IN_AWS -> List.of(
                        new MembershipChange(Action.REMOVE, Where.IDENTITY_STORE, group, UserRef.of(awsUser)),
                        new MembershipChange(Action.ADD, Where.ENTRA, group, UserRef.of(awsUser)));
                case GROUP_MISSING_IN_AWS -> List.of(new MembershipChange(Action.PROVISION, Where.ENTRA, group, null));
                case NESTED_SKIPPED -> List.of(new MembershipChange(Action.ASSIGN, Where.ENTRA,
                        new GroupRef(null, memberEntraId, memberName, false), null));
            };
        }
    }

    private Drift() {
    }

    /**
     * The differences, group by group in the given order.
     *
     * @param log provisioning log entries, newest first (as Entra returns them)
     */
    public static List<Item> compute(List<GroupSide> groups, List<ProvisioningEvent> log) {
        Map<String, ProvisioningOutcome> latest = new HashMap<>();
        for (ProvisioningEvent event : log) {
            latest.putIfAbsent(event.outcome().subjectId(), event.outcome());
        }
        List<Item> items = new ArrayList<>();
        for (GroupSide side : groups) {
            compare(side, latest, items);
        }
        return items;
    }

    private static void compare(GroupSide side, Map<String, ProvisioningOutcome> latest, List<Item> items) {
        DirectoryGroup entra = side.entraGroup();
        if (side.awsGroup() == null) {
            items.add(new Item(Kind.GROUP_MISSING_IN_AWS, entra, null, entra.id(), null, entra.displayName(), null,
                    failureOf(latest.get(entra.id()))));
            return;
        }
        Set<String> byExternalId = new HashSet<>();
        Set<String> byUserName = new HashSet<>();
        for (DirectoryUser user : side.awsMembers()) {
            if (user.externalId() != null) {
                byExternalId.add(user.externalId());
            }
            byUserName.add(lower(user.userName()));
        }
        Set<String> matchedIds = new HashSet<>();
        Set<String> matchedNames = new HashSet<>();
        for (GroupMember member : side.entraMembers()) {
            if (member.type() == PrincipalType.GROUP) {
                ProvisioningOutcome said = latest.get(member.id());
                items.add(new Item(Kind.NESTED_SKIPPED, entra, side.awsGroup(), member.id(), null,
                        member.displayName(), null, said == null ? null : said.message()));
                continue;
            }
            String upn = side.entraUserNames().get(member.id());
            boolean inAws = byExternalId.contains(member.id()) || (upn != null && byUserName.contains(lower(upn)));
            if (inAws) {
                matchedIds.add(member.id());
                if (upn != null) {
                    matchedNames.add(lower(upn));
                }
                continue;
            }
            ProvisioningOutcome said = latest.get(member.id());
            boolean refused = said != null && said.result() != ProvisioningOutcome.Result.SUCCESS;
            items.add(new Item(refused ? Kind.PROVISIONING_FAILED : Kind.NOT_PROVISIONED, entra, side.awsGroup(),
                    member.id(), null, member.displayName(), upn, refused ? said.message() : null));
        }
        for (DirectoryUser user : side.awsMembers()) {
            boolean fromEntra = (user.externalId() != null && matchedIds.contains(user.externalId()))
                    || matchedNames.contains(lower(user.userName()));
            if (!fromEntra) {
                items.add(new Item(Kind.MANUAL_IN_AWS, entra, side.awsGroup(), null, user,
                        user.displayName() == null || user.displayName().isBlank() ? user.userName() : user.displayName(),
                        user.userName(), null));
            }
        }
    }

    /** The identity store group that provisioning made or adopted for an Entra group: by externalId, then name. */
    public static Optional<DirectoryGroup> match(DirectoryGroup entraGroup, Collection<DirectoryGroup> awsGroups) {
        Optional<DirectoryGroup> byId = awsGroups.stream()
                .filter(g -> entraGroup.id().equals(g.externalId())).findFirst();
        return byId.or(() -> awsGroups.stream()
                .filter(g -> g.displayName() != null && g.displayName().equalsIgnoreCase(entraGroup.displayName()))
                .findFirst());
    }

    private static String failureOf(ProvisioningOutcome outcome) {
        return outcome == null || outcome.result() == ProvisioningOutcome.Result.SUCCESS ? null : outcome.message();
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
