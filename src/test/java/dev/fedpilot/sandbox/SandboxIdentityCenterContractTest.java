package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.IdentityCenterContract;
import org.junit.jupiter.api.BeforeEach;

import java.time.Clock;
import java.util.List;

/** The sandbox's identity store must behave like AWS's, as the moto-backed adapter does. */
class SandboxIdentityCenterContractTest extends IdentityCenterContract {
    private SandboxWorld world;

    @BeforeEach
    void freshWorld() {
        world = new SandboxWorld(SandboxOptions.defaults(), Clock.systemUTC());
    }

    @Override
    protected IdentityCenter subject() {
        return world.identityCenter();
    }

    @Override
    protected IdcInstance instance() {
        return world.identityCenter().instances().get(0);
    }

    @Override
    protected DirectoryUser seedUser(String userName, String givenName, String familyName) {
        return world.locked(() -> world.identityStore().createUser(userName, givenName + " " + familyName, givenName,
                familyName, List.of(userName), List.of(), null));
    }

    @Override
    protected DirectoryGroup seedGroup(String displayName) {
        return world.locked(() -> world.identityStore().createGroup(displayName, null, null));
    }
}
