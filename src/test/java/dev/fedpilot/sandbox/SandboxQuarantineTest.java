package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxQuarantineTest {
    private final SandboxFixture sandbox = new SandboxFixture();
    private EnterpriseApp app;
    private String jobId;
    private Secret token;

    @BeforeEach
    void runningJob() {
        app = sandbox.readyApp();
        sandbox.federate(app);
        token = sandbox.console.generateScimToken();
        jobId = sandbox.provisioningApp(app, token);
        sandbox.entra.assign(app, sandbox.entraGroup("AWS-ReadOnly").id(), PrincipalType.GROUP);
        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.ACTIVE, sandbox.entra.job(app, jobId).status());
    }

    @Test
    void expiredTokenSendsTheJobToQuarantine() {
        sandbox.clock.advance(Duration.ofDays(366));
        sandbox.world.runProvisioningCycle();

        ProvisioningJob job = sandbox.entra.job(app, jobId);
        assertEquals(ProvisioningJob.Status.QUARANTINE, job.status());
        assertTrue(job.quarantine().reason().contains("InvalidCredentials"), job.quarantine().reason());
        assertTrue(job.quarantine().nextAttempt().isAfter(sandbox.clock.instant()));
        assertEquals("InvalidCredentials", job.lastExecution().errorCode());
        CloudException refused = assertThrows(CloudException.class,
                () -> sandbox.entra.validateCredentials(app, jobId, sandbox.console.scimEndpoint(), token));
        assertEquals(CloudException.Problem.UNAUTHENTICATED, refused.problem());
    }

    @Test
    void tokenDeletedInTheConsoleSendsTheJobToQuarantine() {
        sandbox.console.deleteScimToken(token);
        sandbox.world.runProvisioningCycle();

        ProvisioningJob job = sandbox.entra.job(app, jobId);
        assertEquals(ProvisioningJob.Status.QUARANTINE, job.status());
        assertTrue(job.quarantine().reason().contains("InvalidCredentials"));
    }

    @Test
    void restartWithNewCredentialsLiftsTheQuarantineAndProvisioningResumes() {
        sandbox.console.deleteScimToken(token);
        sandbox.world.runProvisioningCycle();
        DirectoryGroup billing = sandbox.entraGroup("AWS-Billing");
        sandbox.entra.assign(app, billing.id(), PrincipalType.GROUP);

        Secret fresh = sandbox.console.generateScimToken();
        sandbox.entra.validateCredentials(app, jobId, sandbox.console.scimEndpoint(), fresh);
        sandbox.entra.saveCredentials(app, sandbox.console.scimEndpoint(), fresh);
        sandbox.entra.restartJob(app, jobId);
        ProvisioningJob restarted = sandbox.entra.job(app, jobId);
        assertEquals(ProvisioningJob.Status.ACTIVE, restarted.status());
        assertNull(restarted.quarantine());

        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.ACTIVE, sandbox.entra.job(app, jobId).status());
        assertTrue(sandbox.idc.findGroupByName(sandbox.instance, "AWS-Billing").isPresent(), "provisioning resumed");
    }

    @Test
    void restartWithoutNewCredentialsQuarantinesAgainAndPauseStartKeepsQuarantine() {
        sandbox.console.deleteScimToken(token);
        sandbox.world.runProvisioningCycle();
        sandbox.entra.pauseJob(app, jobId);
        sandbox.entra.startJob(app, jobId);
        assertEquals(ProvisioningJob.Status.QUARANTINE, sandbox.entra.job(app, jobId).status());

        sandbox.entra.restartJob(app, jobId);
        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.QUARANTINE, sandbox.entra.job(app, jobId).status());
    }

    @Test
    void quarantinedJobRetriesAtNextAttemptAndRecoversWhenCredentialsWork() {
        sandbox.console.deleteScimToken(token);
        sandbox.world.runProvisioningCycle();
        ProvisioningJob quarantined = sandbox.entra.job(app, jobId);
        Secret fresh = sandbox.console.generateScimToken();
        sandbox.entra.saveCredentials(app, sandbox.console.scimEndpoint(), fresh);

        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.QUARANTINE, sandbox.entra.job(app, jobId).status(),
                "no retry before nextAttempt");
        sandbox.clock.advance(Duration.between(sandbox.clock.instant(), quarantined.quarantine().nextAttempt()));
        sandbox.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.ACTIVE, sandbox.entra.job(app, jobId).status());
    }
}
