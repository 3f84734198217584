package dev.fedpilot.health;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The yearly SCIM token rotation on the sandbox, from quarantine to a healthy job, with a restart in the middle. */
class ScimTokenRotationTest {
    @TempDir
    Path exports;

    private static ScimTokenRotation rotation(ReportFixture f) {
        return new ScimTokenRotation(f.setup.world.entraTenant(), f.setup.world.scimProbe(), f.setup.store,
                f.setup.audit, f.setup.clock);
    }

    private static ProvisioningJob job(ReportFixture f) {
        SetupState s = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        return f.setup.world.entraTenant().job(s.app(), s.jobId());
    }

    @Test
    void anExpiredTokenIsRotatedAcrossARestartAndTheJobRecovers() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.clock.advance(Duration.ofDays(366));
        f.setup.world.runProvisioningCycle();
        assertEquals(ProvisioningJob.Status.QUARANTINE, job(f).status(), "the old token expired");

        ScimTokenRotation first = rotation(f);
        assertEquals(ScimTokenRotation.Stage.AWAITING_TOKEN, first.start().stage());
        ScimEndpoint endpoint = f.setup.world.console().scimEndpoint();
        String tokenText;
        try (Secret token = f.setup.world.console().generateScimToken()) {
            tokenText = token.revealAsString();
            assertEquals(ScimTokenRotation.Stage.TOKEN_STORED, first.storeNewToken(endpoint, token).stage());
        }
        assertFalse(f.setup.audit.entries().toString().contains(tokenText), "the token is never recorded");

        ScimTokenRotation afterRestart = rotation(f);
        assertEquals(ScimTokenRotation.Stage.TOKEN_STORED, afterRestart.inProgress().orElseThrow().stage());
        assertEquals(ScimTokenRotation.Stage.TOKEN_STORED, afterRestart.checkCycle().stage(),
                "no cycle has used the new token yet");
        f.setup.clock.advance(Duration.ofMinutes(40));
        f.setup.world.runProvisioningCycle();
        assertEquals(ScimTokenRotation.Stage.CYCLE_CONFIRMED, afterRestart.checkCycle().stage());
        assertEquals(ScimTokenRotation.Stage.DONE, afterRestart.oldTokenDeleted().stage());
        assertTrue(afterRestart.inProgress().isEmpty());

        SetupState setup = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        HealthReport health = new HealthCheck(HealthCheck.Side.of(f.setup.world.entraTenant()),
                HealthCheck.Side.of(f.setup.world.identityCenter()), f.setup.clock, Messages.english())
                .run(setup, Duration.ofDays(30));
        assertEquals(HealthItem.Level.OK, health.level(), health.items().toString());
    }

    @Test
    void aTokenTheEndpointRefusesIsNotStoredAndTheRotationWaits() {
        ReportFixture f = new ReportFixture(exports).complete();
        ScimTokenRotation rotation = rotation(f);
        rotation.start();
        try (Secret wrong = Secret.of("not-a-token".toCharArray())) {
            assertThrows(CloudException.class, () -> rotation.storeNewToken(f.setup.world.console().scimEndpoint(),
                    wrong));
        }
        assertEquals(ScimTokenRotation.Stage.AWAITING_TOKEN, rotation.inProgress().orElseThrow().stage());
        assertThrows(IllegalStateException.class, rotation::oldTokenDeleted, "stages cannot be skipped");
    }
}
