package dev.fedpilot.sandbox;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimCheck.Outcome;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.ScimProbe;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxScimProbeTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private final ScimProbe probe = sandbox.world.scimProbe();
    private ScimEndpoint endpoint;
    private Secret token;

    @BeforeEach
    void tokenFromTheConsole() {
        sandbox.federate(sandbox.readyApp());
        endpoint = sandbox.console.scimEndpoint();
        token = sandbox.console.generateScimToken();
    }

    @Test
    void consoleEndpointWithLiveTokenIsOk() {
        assertTrue(endpoint.looksLikeAws());
        assertTrue(endpoint.toString().matches("https://scim\\.us-east-1\\.amazonaws\\.com/[^/]+/scim/v2"));
        ScimCheck check = probe.check(endpoint, token);
        assertEquals(Outcome.OK, check.outcome(), check.message());
        assertTrue(check.message().contains("expires"));
        ScimCheck trailingSlash = probe.check(ScimEndpoint.parse(endpoint + "/"), token);
        assertTrue(trailingSlash.ok());
    }

    @Test
    void wrongExpiredOrDeletedTokenIsUnauthorized() {
        assertUnauthorized(probe.check(endpoint, Secret.of("not-the-token")));
        sandbox.clock.advance(Duration.ofDays(366));
        assertUnauthorized(probe.check(endpoint, token));
    }

    @Test
    void deletedTokenIsUnauthorized() {
        sandbox.console.deleteScimToken(token);
        assertUnauthorized(probe.check(endpoint, token));
    }

    @Test
    void wrongPathOnTheScimHostIsNotFound() {
        ScimEndpoint wrongPath = ScimEndpoint.parse("https://scim.us-east-1.amazonaws.com/abc123/scim/v2");
        ScimCheck check = probe.check(wrongPath, token);
        assertEquals(Outcome.NOT_FOUND, check.outcome());
        assertFalse(check.fix().isBlank());
        ScimCheck otherRegion = probe.check(ScimEndpoint.parse(endpoint.toString()
                .replace("us-east-1", "eu-west-1")), token);
        assertEquals(Outcome.NOT_FOUND, otherRegion.outcome());
        assertTrue(otherRegion.message().contains("us-east-1"), otherRegion.message());
    }

    @Test
    void anotherHostFailsInDns() {
        ScimCheck check = probe.check(ScimEndpoint.parse("https://scim.example.org/scim/v2"), token);
        assertEquals(Outcome.DNS_FAILURE, check.outcome());
        assertTrue(check.message().contains("scim.example.org"));
        assertFalse(check.fix().isBlank());
    }

    private void assertUnauthorized(ScimCheck check) {
        assertEquals(Outcome.UNAUTHORIZED, check.outcome(), check.message());
        assertTrue(check.message().contains("401"));
        assertTrue(check.fix().contains("access token"));
    }
}
