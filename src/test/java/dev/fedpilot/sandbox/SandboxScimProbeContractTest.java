package dev.fedpilot.sandbox;

import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.ScimProbeContract;
import org.junit.jupiter.api.BeforeEach;

/** The sandbox's probe must answer like the real one does against a SCIM endpoint. */
class SandboxScimProbeContractTest extends ScimProbeContract {
    private SandboxFixture sandbox;
    private Secret token;

    @BeforeEach
    void world() {
        sandbox = new SandboxFixture();
        sandbox.federate(sandbox.readyApp());
        token = sandbox.console.generateScimToken();
    }

    @Override
    protected ScimProbe subject() {
        return sandbox.world.scimProbe();
    }

    @Override
    protected ScimEndpoint endpoint() {
        return sandbox.console.scimEndpoint();
    }

    @Override
    protected Secret validToken() {
        return token.copy();
    }

    @Override
    protected ScimEndpoint wrongPath() {
        String base = sandbox.console.scimEndpoint().toString();
        return ScimEndpoint.parse(base.substring(0, base.indexOf(".com/") + 5) + "not-a-tenant/v2");
    }
}
