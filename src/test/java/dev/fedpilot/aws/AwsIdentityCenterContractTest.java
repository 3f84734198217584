package dev.fedpilot.aws;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.IdentityCenterContract;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The IdentityCenter contract against moto over HTTP. */
class AwsIdentityCenterContractTest extends IdentityCenterContract {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private AwsClients clients;
    private IdcInstance instance;
    private AwsIdentityCenter subject;

    @BeforeEach
    void connect() {
        clients = MotoAws.clients(MOTO.endpoint());
        instance = MotoAws.defaultInstance(clients);
        subject = new AwsIdentityCenter(clients, MotoAws.policy());
    }

    @AfterEach
    void disconnect() {
        clients.close();
    }

    @Override
    protected IdentityCenter subject() {
        return subject;
    }

    @Override
    protected IdcInstance instance() {
        return instance;
    }

    @Override
    protected DirectoryUser seedUser(String userName, String givenName, String familyName) {
        String id = MotoAws.createUser(clients.identityStore(), instance, userName, givenName, familyName);
        return subject.findUserByName(instance, userName)
                .filter(u -> u.id().equals(id))
                .orElseThrow(() -> new AssertionError("seeded user not found: " + userName));
    }

    @Override
    protected DirectoryGroup seedGroup(String displayName) {
        String id = MotoAws.createGroup(clients.identityStore(), instance, displayName);
        return new DirectoryGroup(id, displayName, "Seeded " + displayName, null);
    }
}
