package dev.fedpilot.port;

import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every ScimProbe must do, the real one over HTTP and the sandbox's alike. */
public abstract class ScimProbeContract {

    protected abstract ScimProbe subject();

    /** An endpoint the probe can reach, as AWS generates it. */
    protected abstract ScimEndpoint endpoint();

    /** A token that endpoint accepts. */
    protected abstract Secret validToken();

    /** The same host with a path that is not a SCIM endpoint. */
    protected abstract ScimEndpoint wrongPath();

    @Test
    void theRightTokenIsAccepted() {
        ScimCheck check = subject().check(endpoint(), validToken());
        assertTrue(check.ok(), check.toString());
    }

    @Test
    void aWrongTokenIsUnauthorizedWithAFixAndIsNeverRepeated() {
        String wrong = "wrong-token-" + System.nanoTime();
        ScimCheck check = subject().check(endpoint(), Secret.of(wrong));
        assertEquals(ScimCheck.Outcome.UNAUTHORIZED, check.outcome());
        assertFalse(check.fix().isBlank());
        assertFalse(check.message().contains(wrong) || check.fix().contains(wrong));
    }

    @Test
    void aWrongPathIsNotFound() {
        ScimCheck check = subject().check(wrongPath(), validToken());
        assertEquals(ScimCheck.Outcome.NOT_FOUND, check.outcome(), check.toString());
    }

    @Test
    void anUnknownHostIsADnsFailure() {
        ScimCheck check = subject().check(ScimEndpoint.parse("https://scim.nowhere.invalid/abc/scim/v2"), validToken());
        assertEquals(ScimCheck.Outcome.DNS_FAILURE, check.outcome(), check.toString());
    }
}
