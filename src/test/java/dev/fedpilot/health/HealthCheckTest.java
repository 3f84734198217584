package dev.fedpilot.health;

import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The health check over a sandbox federation in healthy and unhealthy states. */
class HealthCheckTest {
    @TempDir
    Path exports;

    private static HealthReport check(ReportFixture f, Duration warnAhead) {
        SetupState setup = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        return new HealthCheck(HealthCheck.Side.of(f.setup.world.entraTenant()),
                HealthCheck.Side.of(f.setup.world.identityCenter()), f.setup.clock, Messages.english())
                .run(setup, warnAhead);
    }

    private static HealthItem item(HealthReport report, String code) {
        return report.items().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + report.items()));
    }

    @Test
    void aFreshFederationIsHealthy() {
        ReportFixture f = new ReportFixture(exports).complete();
        HealthReport report = check(f, Duration.ofDays(30));
        assertEquals(HealthItem.Level.OK, report.level(), report.items().toString());
        assertEquals(0, report.nagiosCode());
        assertTrue(item(report, "provisioning-job").message().startsWith("Provisioning is active"));
    }

    @Test
    void anExpiredTokenPutsTheJobInQuarantineAndBothAreCritical() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.clock.advance(Duration.ofDays(366));
        f.setup.world.runProvisioningCycle();
        HealthReport report = check(f, Duration.ofDays(30));
        assertEquals(HealthItem.Level.CRITICAL, report.level());
        assertEquals(2, report.nagiosCode());
        assertEquals(HealthItem.Level.CRITICAL, item(report, "scim-token").level());
        HealthItem job = item(report, "provisioning-job");
        assertEquals(HealthItem.Level.CRITICAL, job.level());
        assertTrue(job.message().contains("AWS refused the SCIM token"), job.message());
        assertTrue(job.fix().startsWith("Generate a new SCIM token in the AWS console"), job.fix());
        assertEquals(HealthItem.Level.CRITICAL, report.items().get(0).level(), "critical items come first");
        assertEquals(HealthItem.Level.OK, report.items().get(report.items().size() - 1).level());
    }

    @Test
    void aTokenNearItsEndIsAWarningAsFarAheadAsAsked() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.clock.advance(Duration.ofDays(300));
        assertEquals(HealthItem.Level.OK, item(check(f, Duration.ofDays(30)), "scim-token").level());
        assertEquals(HealthItem.Level.WARNING, item(check(f, Duration.ofDays(90)), "scim-token").level());
    }

    @Test
    void theLastCyclesFailuresAreGroupedByCauseWithTheirFix() {
        ReportFixture f = new ReportFixture(exports).withFindings();
        HealthReport report = check(f, Duration.ofDays(30));
        assertEquals(HealthItem.Level.WARNING, report.level(), report.items().toString());
        HealthItem missing = item(report, "provisioning-missing-name");
        assertTrue(missing.message().matches("\\d+ users? or groups?: a first, last or display name is missing.*"),
                missing.message());
        assertFalse(missing.fix().isEmpty());
        assertTrue(report.items().stream().noneMatch(i -> i.message().contains("!provisioning")),
                "every text comes from the bundle");
    }

    @Test
    void anUnknownTokenDateAndAMissingCloudAreReportedNotThrown() {
        ReportFixture f = new ReportFixture(exports).complete();
        SetupState setup = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        SetupState undated = setup.withScim(setup.scimEndpoint(), null, setup.jobId());
        HealthReport report = new HealthCheck(HealthCheck.Side.<EntraTenant>of(f.setup.world.entraTenant()),
                HealthCheck.Side.<IdentityCenter>missing("no AWS credentials were found"), f.setup.clock,
                Messages.english()).run(undated, Duration.ofDays(30));
        HealthItem token = item(report, "scim-token");
        assertEquals(HealthItem.Level.WARNING, token.level());
        assertTrue(token.message().contains("age is unknown"), token.message());
        assertTrue(token.fix().contains("--record-token-date"), token.fix());
        HealthItem aws = item(report, "aws");
        assertEquals(HealthItem.Level.CRITICAL, aws.level());
        assertTrue(aws.message().contains("no AWS credentials were found"), aws.message());
    }
}
