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

    private static final String SCIM_URL = "https://scim.us-east-1.amazonaws.com/Contract1/scim/v2";
    private static final String SCIM_TOKEN = "scim-contract-token";

    @BeforeEach
    void start() {
        fake = GraphFake.start().pageSize(PAGE_SIZE).hiddenReads(3).scimCredentials(SCIM_URL, SCIM_TOKEN);
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
    protected ScimCredentials validScimCredentials() {
        return new ScimCredentials(new dev.fedpilot.domain.ScimEndpoint(java.net.URI.create(SCIM_URL)),
                dev.fedpilot.domain.Secret.of(SCIM_TOKEN));
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
