package dev.fedpilot.entra;

import dev.fedpilot.entra.fake.GraphFake;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.EntraTenantContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.util.OptionalInt;

/** The EntraTenant contract against the Graph adapter and the stateful Graph fake. */
class GraphEntraTenantContractTest extends EntraTenantContract {
    private static final int PAGE_SIZE = 2;

    private GraphFake fake;
    private GraphEntraTenant tenant;

    @BeforeEach
    void start() {
        fake = GraphFake.start().pageSize(PAGE_SIZE).hiddenReads(3);
        tenant = FakeTenants.connect(fake);
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Override
    protected EntraTenant subject() {
        return tenant;
    }

    @Override
    protected String seedUser(String userName, String displayName, String givenName, String familyName) {
        return fake.seedUser(userName, displayName, givenName, familyName, userName);
    }

    @Override
    protected String seedGroup(String displayName) {
        return fake.seedGroup(displayName, null);
    }

    @Override
    protected void addMember(String groupId, String memberId) {
        fake.addMember(groupId, memberId);
    }

    @Override
    protected OptionalInt directoryPageSize() {
        return OptionalInt.of(PAGE_SIZE);
    }

    @Override
    protected Duration pollInterval() {
        return Duration.ofMillis(10);
    }
}
