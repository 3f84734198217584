package dev.fedpilot.aws;

import dev.fedpilot.aws.MembershipBatch.Operation;
import dev.fedpilot.aws.MembershipBatch.Outcome;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.testing.DelegatingIdentityCenter;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MembershipBatch against moto: bounded parallelism, one outcome per operation, failures kept apart. */
class MembershipBatchTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsClients clients;
    private IdcInstance instance;
    private AwsIdentityCenter identityCenter;

    @BeforeEach
    void connect() {
        clients = MotoAws.clients(MOTO.endpoint());
        instance = MotoAws.defaultInstance(clients);
        identityCenter = new AwsIdentityCenter(clients, MotoAws.policy());
    }

    @AfterEach
    void disconnect() {
        Thread.interrupted();
        clients.close();
    }

    @Test
    void appliesEveryChangeWithAtMostTheGivenNumberInFlight() {
        String admins = MotoAws.createGroup(clients.identityStore(), instance, "AWS-Admins");
        String readers = MotoAws.createGroup(clients.identityStore(), instance, "AWS-ReadOnly");
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            users.add(MotoAws.createUser(clients.identityStore(), instance, "u" + i + "@example.com", "U", "S" + i));
        }
        identityCenter.addMember(instance, readers, users.get(0));
        List<Operation> operations = new ArrayList<>();
        users.forEach(u -> operations.add(Operation.add(admins, u)));
        operations.add(Operation.remove(readers, users.get(0)));
        operations.add(Operation.remove(readers, users.get(1)));
        CountingIdentityCenter counting = new CountingIdentityCenter(identityCenter);

        List<Outcome> outcomes = new MembershipBatch(counting, 3).apply(instance, operations);

        assertEquals(operations, outcomes.stream().map(Outcome::operation).toList(),
                "one outcome per operation, in order");
        assertTrue(outcomes.subList(0, 8).stream().allMatch(o -> o.result() == MembershipResult.ADDED));
        assertEquals(MembershipResult.REMOVED, outcomes.get(8).result());
        assertEquals(MembershipResult.ALREADY_ABSENT, outcomes.get(9).result());
        assertTrue(counting.maxInFlight.get() <= 3, "in flight at once: " + counting.maxInFlight.get());
        assertEquals(new HashSet<>(users), members(admins));
        assertEquals(Set.of(), members(readers));
    }

    @Test
    void aFailedChangeIsReportedWithoutStoppingTheOthers() {
        String admins = MotoAws.createGroup(clients.identityStore(), instance, "AWS-Admins");
        String ana = MotoAws.createUser(clients.identityStore(), instance, "ana@example.com", "Ana", "Lima");

        List<Outcome> outcomes = new MembershipBatch(identityCenter).apply(instance, List.of(
                Operation.add(admins, "deleted-user"), Operation.add(admins, ana)));

        assertEquals(CloudException.Problem.NOT_FOUND, outcomes.get(0).failure().problem());
        assertNull(outcomes.get(0).result());
        assertTrue(outcomes.get(1).succeeded());
        assertEquals(MembershipResult.ADDED, outcomes.get(1).result());
    }

    @Test
    void anInterruptedCallerGetsACancellation() {
        String admins = MotoAws.createGroup(clients.identityStore(), instance, "AWS-Admins");
        Thread.currentThread().interrupt();

        assertThrows(CancellationException.class, () -> new MembershipBatch(identityCenter)
                .apply(instance, List.of(Operation.add(admins, "someone"))));
        assertTrue(Thread.interrupted(), "the interrupt stays visible to the caller");
    }

    private Set<String> members(String groupId) {
        Set<String> members = new HashSet<>();
        identityCenter.listMembersOfGroup(instance, groupId, page -> page.forEach(m -> members.add(m.userId())));
        return members;
    }

    /** Records how many membership writes run at the same moment. */
    private static final class CountingIdentityCenter extends DelegatingIdentityCenter {
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger maxInFlight = new AtomicInteger();

        CountingIdentityCenter(IdentityCenter delegate) {
            super(delegate);
        }

        @Override
        protected <T> T write(String groupId, String userId, Supplier<T> call) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return call.get();
            } finally {
                inFlight.decrementAndGet();
            }
        }
    }
}
