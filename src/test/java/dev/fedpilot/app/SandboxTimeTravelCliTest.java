package dev.fedpilot.app;

import dev.fedpilot.cli.FedPilotCommand;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.sandbox.SandboxClock;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.setup.SetupContext;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RecordingDialogs;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --sandbox-clock}: the command line moves the persisted sandbox time, and the next command runs on it. */
class SandboxTimeTravelCliTest {
    private static final SandboxOptions QUICK = SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO);

    @TempDir
    Path home;
    private Services window;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @AfterEach
    void shutDown() throws Exception {
        if (window != null) {
            window.shutdown().close();
        }
    }

    private int cli(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return FedPilotCommand.run(args, new ServicesFactory(home), request -> {
            throw new AssertionError("no window");
        }, new PrintWriter(out), new PrintWriter(err));
    }

    /** The whole setup rehearsed in the sandbox as the window keeps it. */
    private void completeSetup() {
        window = new ServicesFactory(home).sandbox(QUICK, false);
        SetupContext context = new SetupContext(window.entra(), window.identityCenter(), window.scimProbe(),
                window.console(), window.store(), window.audit(), window.clock(), new SameThreadTaskRunner(),
                Messages.english(), new RecordingDialogs(), home.resolve("exports"));
        SetupWizardViewModel wizard = new SetupWizardViewModel(context, new SetupWizardViewModel.Timing(
                Duration.ofMillis(10), Duration.ofSeconds(5), Duration.ofMillis(10), Duration.ofSeconds(5)));
        SandboxServicesTest.run(wizard, SetupStep.SIGN_IN, SetupStep.WATCH);
    }

    @Test
    void aYearLaterTheCheckFindsTheScimTokenExpired() {
        completeSetup();
        assertTrue(window.clock() instanceof SandboxClock, "the sandbox's services read the world's clock");
        assertEquals(0, cli("check", "--sandbox"), out + "" + err);

        assertEquals(1, cli("--sandbox-clock", "+370d", "check", "--sandbox"), out + "" + err);
        assertTrue(out.toString().lines().anyMatch(l -> l.startsWith("CRITICAL scim-token")), out.toString());
        assertEquals(Duration.ofDays(370), ((SandboxClock) window.clock()).offset(), "the open window follows");
        assertEquals(1, cli("check", "--sandbox"), "the offset stays for later runs: " + out);

        assertEquals(0, cli("--sandbox-clock", "reset", "check", "--sandbox"), out + "" + err);
        assertEquals(Duration.ZERO, ((SandboxClock) window.clock()).offset());
    }

    @Test
    void aBadOffsetIsBadUsageOnOneLine() {
        for (String bad : new String[]{"-3d", "350d", "+1y", "+99999999d", "soon"}) {
            assertEquals(2, cli("--sandbox-clock", bad, "check", "--sandbox"), bad + ": " + err);
            assertEquals(1, err.toString().strip().lines().count(), err.toString());
            assertTrue(err.toString().startsWith("fedpilot: --sandbox-clock takes"), err.toString());
        }
        assertEquals(2, cli("--sandbox-clock", "+1d"), "time travel needs a command: " + err);
        assertEquals(1, err.toString().strip().lines().count(), err.toString());
    }

    @Test
    void theWindowFlagsFastPathIsNotTakenForTimeTravel() {
        assertTrue(FedPilotCommand.opensWindow(new String[]{"--sandbox"}));
        assertEquals(false, FedPilotCommand.opensWindow(new String[]{"--sandbox-clock", "+350d"}));
    }
}
