package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Whatever goes wrong, no message, fix, quarantine detail or log entry shows a SCIM token. */
class SandboxSecretLeakTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private final List<String> texts = new ArrayList<>();

    @Test
    void tokensNeverAppearInMessages() {
        EnterpriseApp app = sandbox.readyApp();
        sandbox.federate(app);
        Secret live = sandbox.console.generateScimToken();
        String liveText = live.revealAsString();
        String wrongText = "Zm9vYmFyLXRoaXMtaXMtbm90LWEtdG9rZW4tYnV0LWxvb2tzLWxpa2Utb25l";
        Secret wrong = Secret.of(wrongText);
        String jobId = sandbox.entra.createProvisioningJob(app).jobId();
        ScimEndpoint endpoint = sandbox.console.scimEndpoint();

        failure(() -> sandbox.entra.validateCredentials(app, jobId, endpoint, wrong));
        failure(() -> sandbox.entra.validateCredentials(app, jobId,
                ScimEndpoint.parse("https://scim.us-east-1.amazonaws.com/x/scim/v2"), live));
        failure(() -> sandbox.entra.validateCredentials(app, jobId, endpoint, Secret.of("")));
        probe(endpoint, wrong);
        probe(endpoint, live);
        probe(ScimEndpoint.parse("https://scim.example.org/scim/v2"), live);

        sandbox.entra.saveCredentials(app, endpoint, live);
        sandbox.entra.startJob(app, jobId);
        sandbox.entra.assign(app, sandbox.entraGroup("AWS-Pilot-Users").id(), PrincipalType.GROUP);
        sandbox.world.runProvisioningCycle();
        sandbox.clock.advance(Duration.ofDays(400));
        sandbox.world.runProvisioningCycle();
        ProvisioningJob job = sandbox.entra.job(app, jobId);
        texts.add(job.quarantine().reason());
        texts.add(job.quarantine().detail());
        texts.add(job.lastExecution().errorMessage());
        sandbox.entra.provisioningLog(app, null).stream().map(ProvisioningEvent::outcome)
                .forEach(o -> texts.add(o.message()));
        failure(() -> sandbox.entra.provisionOnDemand(app, jobId,
                dev.fedpilot.domain.OnDemandRequest.user(sandbox.entraUserByDisplayName("Megan Bowen").id())));
        failure(() -> sandbox.console.scimTokenCreated(wrong));
        failure(() -> sandbox.console.deleteScimToken(wrong));
        failure(() -> {
            sandbox.console.generateScimToken();
            sandbox.console.generateScimToken();
        });

        assertFalse(texts.isEmpty());
        for (String text : texts) {
            assertFalse(text.contains(liveText), "live token leaked: " + text);
            assertFalse(text.contains(wrongText), "mistyped token leaked: " + text);
            assertFalse(text.contains(liveText.substring(0, 16)), "part of the token leaked: " + text);
        }
        assertEquals("Secret[redacted]", live.toString());
    }

    private void failure(Executable call) {
        CloudException e = assertThrows(CloudException.class, call);
        texts.add(e.getMessage());
        texts.add(e.fix());
    }

    private void probe(ScimEndpoint endpoint, Secret token) {
        ScimCheck check = sandbox.world.scimProbe().check(endpoint, token);
        texts.add(check.message());
        texts.add(check.fix());
    }
}
