package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.app.Services;
import dev.fedpilot.app.ServicesFactory;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.sandbox.SandboxWorld;
import dev.fedpilot.sandbox.SimulatedAwsConsole;
import dev.fedpilot.store.MemoryStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot check}: exit codes, JSON and the Nagios convention over a sandbox federation. */
class CheckCommandTest {
    @TempDir
    Path home;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(ServicesFactory factory, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return FedPilotCommand.run(args, factory, request -> {
            throw new AssertionError("no window for a check");
        }, new PrintWriter(out), new PrintWriter(err));
    }

    private ServicesFactory over(ReportFixture fixture) {
        SandboxWorld w = fixture.setup.world;
        return new ServicesFactory(home) {
            @Override
            public Services forCli(boolean sandbox) {
                return new Services(Services.Mode.SANDBOX, w.entraTenant(), w.identityCenter(), w.scimProbe(),
                        new SimulatedAwsConsole(w.console()), fixture.setup.store, new MemoryStateStore(),
                        fixture.setup.audit, fixture.setup.clock, () -> { });
            }
        };
    }

    @Test
    void healthyIsExitZeroAndValidJson() throws Exception {
        ServicesFactory factory = over(new ReportFixture(home.resolve("exports")).complete());
        assertEquals(0, run(factory, "check", "--sandbox"), out + "" + err);
        assertTrue(out.toString().contains("FedPilot check: OK"), out.toString());
        assertEquals(0, run(factory, "check", "--sandbox", "--json"), err.toString());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("ok", json.get("status").asText());
        assertTrue(json.get("items").size() >= 5);
        assertEquals(0, run(factory, "check", "--sandbox", "--nagios"));
        assertTrue(out.toString().startsWith("FEDPILOT OK - "), out.toString());
    }

    @Test
    void quarantineIsExitOneAndNagiosCritical() throws Exception {
        ReportFixture fixture = new ReportFixture(home.resolve("exports")).complete();
        fixture.setup.clock.advance(Duration.ofDays(400));
        fixture.setup.world.runProvisioningCycle();
        ServicesFactory factory = over(fixture);
        assertEquals(1, run(factory, "check", "--sandbox"));
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("CRITICAL provisioning-job: ")), out.toString());
        assertTrue(out.toString().contains("Fix: Generate a new SCIM token"), out.toString());
        assertEquals(2, run(factory, "check", "--sandbox", "--nagios"));
        assertTrue(out.toString().startsWith("FEDPILOT CRITICAL - "), out.toString());
        assertEquals(1, run(factory, "check", "--sandbox", "--json"));
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertEquals("critical", json.get("status").asText());
        assertEquals("critical", json.get("items").get(0).get("severity").asText());
    }

    @Test
    void theTokenDateCanBeRecordedAndBadUsageIsExitTwo() {
        ReportFixture fixture = new ReportFixture(home.resolve("exports")).complete();
        ServicesFactory factory = over(fixture);
        assertEquals(2, run(factory, "check", "--sandbox", "--warn-days", "-1"));
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
        assertEquals(2, run(factory, "check", "--sandbox", "--record-token-date", "last\u001b[2Jweek"));
        assertTrue(err.toString().contains("\\u001b"), "the escape character is shown, not sent: " + err);
        assertEquals(1, run(factory, "check", "--sandbox", "--record-token-date", "2026-01-10"));
        assertTrue(out.toString().contains("CRITICAL scim-token"), "a token from January 2026 has expired by 2027: "
                + out);
        Instant recorded = fixture.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow()
                .scimTokenCreated();
        assertEquals(Instant.parse("2026-01-10T00:00:00Z"), recorded);
    }
}
