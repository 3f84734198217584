package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.identitystore.model.AlternateIdentifier;
import software.amazon.awssdk.services.identitystore.model.GroupMembership;
import software.amazon.awssdk.services.identitystore.model.ListGroupMembershipsResponse;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ResourceType;
import software.amazon.awssdk.services.ssoadmin.model.ListInstancesResponse;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link IdentityCenter} over AWS SDK v2: sso-admin for the instance, identitystore for users, groups and
 * memberships. Every request goes through {@link AwsCalls} (throttling waits, cancellation, error mapping).
 */
public final class AwsIdentityCenter implements IdentityCenter {

    private static final Logger LOG = LoggerFactory.getLogger(AwsIdentityCenter.class);
    private static final int PAGE_SIZE = 100;

    private final AwsClients clients;
    private final AwsCalls calls;
    /** Clients for another region with the same credentials, for an instance that lives there; null: none. */
    private final Function<Region, AwsClients> otherRegion;
    private final Map<String, AwsClients> regions = new ConcurrentHashMap<>();
    /** Some endpoints (moto) answer GetGroupMembershipId with a bare HTTP 500; then we list the group instead. */
    private volatile boolean membershipLookupAvailable = true;

    public AwsIdentityCenter(AwsClients clients, AwsCallPolicy policy) {
        this(clients, policy, null);
    }

    /**
     * @param otherRegion builds clients for another region (same credentials and settings), so that the
     *                    instances of any region can be listed and an instance is always called in its own region
     */
    public AwsIdentityCenter(AwsClients clients, AwsCallPolicy policy, Function<Region, AwsClients> otherRegion) {
        this(clients, policy, otherRegion, java.time.Clock.systemUTC(), dev.fedpilot.port.Sleeper.real());
    }

    /** With the clock and sleeper its throttling waits go by (tests pass ones that need no real time). */
    public AwsIdentityCenter(AwsClients clients, AwsCallPolicy policy, java.time.Clock clock,
                             dev.fedpilot.port.Sleeper sleeper) {
        this(clients, policy, null, clock, sleeper);
    }

    public AwsIdentityCenter(AwsClients clients, AwsCallPolicy policy, Function<Region, AwsClients> otherRegion,
                             java.time.Clock clock, dev.fedpilot.port.Sleeper sleeper) {
        this.clients = Objects.requireNonNull(clients);
        this.calls = new AwsCalls(Objects.requireNonNull(policy), clock, sleeper);
        this.otherRegion = otherRegion;
    }

    @Override
    public String callerIdentity() {
        return calls.call("sts:GetCallerIdentity", () -> clients.sts().getCallerIdentity(r -> { }).arn());
    }

    @Override
    public List<IdcInstance> instances() {
        return instances(clients.region().id());
    }

    @Override
    public List<IdcInstance> instances(String region) {
        List<IdcInstance> instances = new ArrayList<>();
        AwsClients there = clientsFor(region);
        pages("sso:ListInstances",
                token -> there.ssoAdmin().listInstances(r -> r.maxResults(PAGE_SIZE).nextToken(token)),
                ListInstancesResponse::instances, ListInstancesResponse::nextToken,
                page -> page.forEach(i -> instances.add(
                        new IdcInstance(i.instanceArn(), i.identityStoreId(), region, i.name(), i.ownerAccountId(),
                                i.statusAsString()))));
        return List.copyOf(instances);
    }

    @Override
    public void listUsers(IdcInstance instance, Consumer<List<DirectoryUser>> onPage) {
        pages("identitystore:ListUsers",
                token -> store(instance).listUsers(r -> r.identityStoreId(instance.identityStoreId())
                        .maxResults(PAGE_SIZE).nextToken(token)),
                response -> response.users().stream().map(IdentityStoreMapping::user).toList(),
                response -> response.nextToken(), onPage);
    }

    @Override
    public void listGroups(IdcInstance instance, Consumer<List<DirectoryGroup>> onPage) {
        pages("identitystore:ListGroups",
                token -> store(instance).listGroups(r -> r.identityStoreId(instance.identityStoreId())
                        .maxResults(PAGE_SIZE).nextToken(token)),
                response -> response.groups().stream().map(IdentityStoreMapping::group).toList(),
                response -> response.nextToken(), onPage);
    }

    @Override
    public void listMembersOfGroup(IdcInstance instance, String groupId, Consumer<List<Membership>> onPage) {
        pages("identitystore:ListGroupMemberships", token -> listMemberships(instance, groupId, token),
                response -> memberships(response.groupMemberships()), ListGroupMembershipsResponse::nextToken, onPage);
    }

    @Override
    public void listGroupsOfUser(IdcInstance instance, String userId, Consumer<List<Membership>> onPage) {
        pages("identitystore:ListGroupMembershipsForMember",
                token -> store(instance).listGroupMembershipsForMember(r -> r.identityStoreId(instance.identityStoreId())
                        .memberId(m -> m.userId(userId)).maxResults(PAGE_SIZE).nextToken(token)),
                response -> memberships(response.groupMemberships()), response -> response.nextToken(), onPage);
    }

    @Override
    public Optional<DirectoryUser> findUserByName(IdcInstance instance, String userName) {
        return lookup(() -> calls.call("identitystore:GetUserId", () -> store(instance).getUserId(r -> r
                        .identityStoreId(instance.identityStoreId())
                        .alternateIdentifier(uniqueAttribute("userName", userName))).userId()))
                .flatMap(id -> lookup(() -> IdentityStoreMapping.user(calls.call("identitystore:DescribeUser",
                        () -> store(instance).describeUser(r -> r.identityStoreId(instance.identityStoreId()).userId(id))))));
    }

    @Override
    public Optional<DirectoryGroup> findGroupByName(IdcInstance instance, String displayName) {
        return lookup(() -> calls.call("identitystore:GetGroupId", () -> store(instance).getGroupId(r -> r
                        .identityStoreId(instance.identityStoreId())
                        .alternateIdentifier(uniqueAttribute("displayName", displayName))).groupId()))
                .flatMap(id -> lookup(() -> IdentityStoreMapping.group(calls.call("identitystore:DescribeGroup",
                        () -> store(instance).describeGroup(r -> r.identityStoreId(instance.identityStoreId()).groupId(id))))));
    }

    /** Checks first because moto (unlike AWS, which answers ConflictException) would create a duplicate. */
    @Override
    public MembershipResult addMember(IdcInstance instance, String groupId, String userId) {
        if (membershipId(instance, groupId, userId).isPresent()) {
            return MembershipResult.ALREADY_MEMBER;
        }
        try {
            calls.call("identitystore:CreateGroupMembership", () -> store(instance).createGroupMembership(r -> r
                    .identityStoreId(instance.identityStoreId()).groupId(groupId).memberId(m -> m.userId(userId))));
            return MembershipResult.ADDED;
        } catch (CloudException e) {
            if (e.problem() == Problem.CONFLICT && membershipId(instance, groupId, userId).isPresent()) {
                return MembershipResult.ALREADY_MEMBER;
            }
            throw e;
        }
    }

    @Override
    public MembershipResult removeMember(IdcInstance instance, String groupId, String userId) {
        Optional<String> membershipId = membershipId(instance, groupId, userId);
        if (membershipId.isEmpty()) {
            return MembershipResult.ALREADY_ABSENT;
        }
        try {
            calls.call("identitystore:DeleteGroupMembership", () -> store(instance).deleteGroupMembership(r -> r
                    .identityStoreId(instance.identityStoreId()).membershipId(membershipId.get())));
            return MembershipResult.REMOVED;
        } catch (CloudException e) {
            if (isMissing(e)) {
                return MembershipResult.ALREADY_ABSENT;
            }
            throw e;
        }
    }

    private Optional<String> membershipId(IdcInstance instance, String groupId, String userId) {
        if (membershipLookupAvailable) {
            try {
                return Optional.of(calls.call("identitystore:GetGroupMembershipId", () -> store(instance).getGroupMembershipId(
                        r -> r.identityStoreId(instance.identityStoreId()).groupId(groupId)
                                .memberId(m -> m.userId(userId))).membershipId()));
            } catch (CloudException e) {
                if (isMissing(e)) {
                    return Optional.empty();
                }
                if (!isServerFailure(e)) {
                    throw e;
                }
                if (AwsErrors.errorCode((SdkServiceException) e.getCause()).isEmpty()) {
                    LOG.info("GetGroupMembershipId is not available at this endpoint; listing group members instead");
                    membershipLookupAvailable = false;
                }
            }
        }
        return findMembershipByListing(instance, groupId, userId);
    }

    private Optional<String> findMembershipByListing(IdcInstance instance, String groupId, String userId) {
        String action = "identitystore:ListGroupMemberships";
        String token = null;
        do {
            String current = token;
            ListGroupMembershipsResponse response =
                    calls.call(action, () -> listMemberships(instance, groupId, current));
            for (GroupMembership m : response.groupMemberships()) {
                if (m.memberId() != null && userId.equals(m.memberId().userId())) {
                    return Optional.of(m.membershipId());
                }
            }
            token = nextToken(action, current, response.nextToken());
        } while (token != null);
        return Optional.empty();
    }

    private AwsClients clientsFor(String region) {
        if (region == null || otherRegion == null || region.equals(clients.region().id())) {
            return clients;
        }
        return regions.computeIfAbsent(region, r -> otherRegion.apply(Region.of(r)));
    }

    /** The identity store lives in its instance's region. */
    private IdentitystoreClient store(IdcInstance instance) {
        return clientsFor(instance.region()).identityStore();
    }

    private ListGroupMembershipsResponse listMemberships(IdcInstance instance, String groupId, String token) {
        return store(instance).listGroupMemberships(r -> r.identityStoreId(instance.identityStoreId()).groupId(groupId)
                .maxResults(PAGE_SIZE).nextToken(token));
    }

    /** Fetches page after page, hands each non-empty page on at once and checks for interruption in between. */
    private <R, T> void pages(String action, Function<String, R> fetch, Function<R, List<T>> items,
                              Function<R, String> next, Consumer<List<T>> onPage) {
        String token = null;
        do {
            String current = token;
            R response = calls.call(action, () -> fetch.apply(current));
            List<T> page = items.apply(response);
            if (!page.isEmpty()) {
                onPage.accept(page);
            }
            token = nextToken(action, current, next.apply(response));
        } while (token != null);
    }

    private static String nextToken(String action, String current, String next) {
        if (next == null || next.isEmpty()) {
            return null;
        }
        if (next.equals(current)) {
            throw new CloudException(Problem.UNEXPECTED, "AWS returned the same page twice for " + action + ".",
                    "Try again; if it keeps happening, see the log.");
        }
        return next;
    }

    private static List<Membership> memberships(List<GroupMembership> memberships) {
        return memberships.stream().map(IdentityStoreMapping::membership).toList();
    }

    private static AlternateIdentifier uniqueAttribute(String path, String value) {
        return AlternateIdentifier.builder()
                .uniqueAttribute(u -> u.attributePath(path).attributeValue(Document.fromString(value)))
                .build();
    }

    private static <T> Optional<T> lookup(java.util.function.Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (CloudException e) {
            if (isMissing(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Not found means "absent" unless the identity store itself is missing, which the user must hear about. */
    private static boolean isMissing(CloudException e) {
        return e.problem() == Problem.NOT_FOUND && !(e.getCause() instanceof ResourceNotFoundException notFound
                && notFound.resourceType() == ResourceType.IDENTITY_STORE);
    }

    private static boolean isServerFailure(CloudException e) {
        return e.getCause() instanceof SdkServiceException service && service.statusCode() >= 500;
    }
}
