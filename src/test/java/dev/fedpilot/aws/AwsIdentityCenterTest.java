package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AwsIdentityCenter against a real moto server over HTTP. */
class AwsIdentityCenterTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsClients clients;
    private IdentitystoreClient store;
    private IdcInstance instance;
    private AwsIdentityCenter identityCenter;

    @BeforeEach
    void connect() {
        clients = MotoAws.clients(MOTO.endpoint());
        store = clients.identityStore();
        instance = MotoAws.defaultInstance(clients);
        identityCenter = new AwsIdentityCenter(clients, MotoAws.policy());
    }

    @AfterEach
    void disconnect() {
        Thread.interrupted();
        clients.close();
    }

    @Test
    void findsTheInstanceWithItsIdentityStoreAndRegion() {
        List<IdcInstance> instances = identityCenter.instances();

        assertEquals(1, instances.size());
        IdcInstance found = instances.get(0);
        assertTrue(found.instanceArn().startsWith("arn:aws:sso:::instance/ssoins-"), found.instanceArn());
        assertTrue(found.identityStoreId().startsWith("d-"), found.identityStoreId());
        assertEquals("us-east-1", found.region());
    }

    @Test
    void callerIdentityIsTheStsArn() {
        assertTrue(identityCenter.callerIdentity().startsWith("arn:aws:"), identityCenter.callerIdentity());
    }

    @Test
    void listsMoreThan250UsersPageByPageEachOnce() {
        Set<String> seeded = seedUsers(260);
        List<Integer> pageSizes = new ArrayList<>();
        List<String> seen = new ArrayList<>();

        identityCenter.listUsers(instance, page -> {
            pageSizes.add(page.size());
            page.forEach(u -> seen.add(u.id()));
        });

        assertEquals(List.of(100, 100, 60), pageSizes);
        assertEquals(260, seen.size());
        assertEquals(seeded, new HashSet<>(seen));
    }

    @Test
    void mapsNamesEmailsAndPhones() {
        store.createUser(r -> r.identityStoreId(instance.identityStoreId()).userName("ana.lima@example.com")
                .displayName("Ana Lima").name(n -> n.givenName("Ana").familyName("Lima"))
                .emails(e -> e.value("ana.lima@example.com").type("work").primary(true))
                .phoneNumbers(p -> p.value("+351 210 000 000").type("work")));
        List<DirectoryUser> users = new ArrayList<>();

        identityCenter.listUsers(instance, users::addAll);

        DirectoryUser ana = users.get(0);
        assertEquals("ana.lima@example.com", ana.userName());
        assertEquals("Ana Lima", ana.displayName());
        assertEquals("Ana", ana.givenName());
        assertEquals("Lima", ana.familyName());
        assertEquals(List.of("ana.lima@example.com"), ana.emails());
        assertEquals(List.of("+351 210 000 000"), ana.phones());
        assertEquals(null, ana.externalId());
    }

    @Test
    void listsGroupsOverSeveralPages() {
        IntStream.rangeClosed(1, 230).forEach(i -> MotoAws.createGroup(store, instance, "Team-" + i));
        List<Integer> pageSizes = new ArrayList<>();
        Set<String> names = new HashSet<>();

        identityCenter.listGroups(instance, page -> {
            pageSizes.add(page.size());
            page.forEach(g -> names.add(g.displayName()));
        });

        assertEquals(List.of(100, 100, 30), pageSizes);
        assertEquals(230, names.size());
        assertTrue(names.contains("Team-230"));
    }

    @Test
    void interruptStopsAListingBetweenPages() {
        seedUsers(250);
        List<Integer> pageSizes = new ArrayList<>();

        assertThrows(CancellationException.class, () -> identityCenter.listUsers(instance, page -> {
            pageSizes.add(page.size());
            Thread.currentThread().interrupt();
        }));

        assertEquals(List.of(100), pageSizes, "no page after the interrupt");
        assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
    }

    @Test
    void membershipChangesShowFromBothSides() {
        String ana = MotoAws.createUser(store, instance, "ana.lima@example.com", "Ana", "Lima");
        String admins = MotoAws.createGroup(store, instance, "AWS-Admins");
        String readers = MotoAws.createGroup(store, instance, "AWS-ReadOnly");

        assertEquals(MembershipResult.ADDED, identityCenter.addMember(instance, admins, ana));
        assertEquals(MembershipResult.ADDED, identityCenter.addMember(instance, readers, ana));
        assertEquals(MembershipResult.ALREADY_MEMBER, identityCenter.addMember(instance, admins, ana));

        assertEquals(Set.of(admins, readers), groupsOf(ana));
        assertEquals(List.of(ana), membersOf(admins));

        assertEquals(MembershipResult.REMOVED, identityCenter.removeMember(instance, admins, ana));
        assertEquals(MembershipResult.ALREADY_ABSENT, identityCenter.removeMember(instance, admins, ana));
        assertEquals(Set.of(readers), groupsOf(ana));
        assertEquals(List.of(), membersOf(admins));
    }

    @Test
    void removesAMemberFoundOnALaterPageOfTheGroup() {
        String group = MotoAws.createGroup(store, instance, "Everyone");
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= 130; i++) {
            String user = MotoAws.createUser(store, instance, "u" + i + "@example.com", "U", "Ser" + i);
            store.createGroupMembership(r -> r.identityStoreId(instance.identityStoreId()).groupId(group)
                    .memberId(m -> m.userId(user)));
            users.add(user);
        }
        String last = users.get(users.size() - 1);

        assertEquals(MembershipResult.REMOVED, identityCenter.removeMember(instance, group, last));

        List<String> members = membersOf(group);
        assertEquals(129, members.size());
        assertTrue(!members.contains(last));
    }

    @Test
    void findsUsersAndGroupsByTheirUniqueNames() {
        String ana = MotoAws.createUser(store, instance, "ana.lima@example.com", "Ana", "Lima");
        MotoAws.createUser(store, instance, "bo.chen@example.com", "Bo", "Chen");
        String admins = MotoAws.createGroup(store, instance, "AWS-Admins");

        DirectoryUser user = identityCenter.findUserByName(instance, "ana.lima@example.com").orElseThrow();
        DirectoryGroup group = identityCenter.findGroupByName(instance, "AWS-Admins").orElseThrow();

        assertEquals(ana, user.id());
        assertEquals("Lima", user.familyName());
        assertEquals(admins, group.id());
        assertEquals("Seeded AWS-Admins", group.description());
        assertTrue(identityCenter.findUserByName(instance, "carol@example.com").isEmpty());
        assertTrue(identityCenter.findGroupByName(instance, "AWS-Nobody").isEmpty());
    }

    @Test
    void addingAnUnknownUserIsNotFound() {
        String admins = MotoAws.createGroup(store, instance, "AWS-Admins");

        CloudException e = assertThrows(CloudException.class,
                () -> identityCenter.addMember(instance, admins, "no-such-user"));

        assertEquals(CloudException.Problem.NOT_FOUND, e.problem());
        assertTrue(e.getMessage().contains("user"), e.getMessage());
    }

    @Test
    void anUnreachableEndpointIsUnavailable() throws IOException {
        URI closed = URI.create("http://127.0.0.1:" + closedPort());
        try (AwsClients offline = MotoAws.clients(closed, new AwsCallPolicy(1, java.time.Duration.ofSeconds(5),
                java.time.Duration.ofSeconds(5), 1, java.time.Duration.ofSeconds(1)))) {
            AwsIdentityCenter unreachable = new AwsIdentityCenter(offline, MotoAws.policy());

            CloudException e = assertThrows(CloudException.class, unreachable::instances);

            assertEquals(CloudException.Problem.UNAVAILABLE, e.problem());
            assertTrue(e.getMessage().contains("sso:ListInstances"), e.getMessage());
            assertTrue(e.isRetryable());
        }
    }

    private Set<String> seedUsers(int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> MotoAws.createUser(store, instance, "user" + i + "@example.com", "Given" + i,
                        "Family" + i))
                .collect(Collectors.toSet());
    }

    private Set<String> groupsOf(String userId) {
        Set<String> groups = new HashSet<>();
        identityCenter.listGroupsOfUser(instance, userId, page -> page.forEach(m -> groups.add(m.groupId())));
        return groups;
    }

    private List<String> membersOf(String groupId) {
        List<Membership> memberships = new ArrayList<>();
        identityCenter.listMembersOfGroup(instance, groupId, memberships::addAll);
        return memberships.stream().map(Membership::userId).toList();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
