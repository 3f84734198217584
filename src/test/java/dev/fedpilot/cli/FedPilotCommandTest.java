package dev.fedpilot.cli;

import dev.fedpilot.app.GuiRequest;
import dev.fedpilot.app.ServicesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FedPilotCommandTest {
    @TempDir
    Path home;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<GuiRequest> windows = new ArrayList<>();

    private int run(String... args) {
        return FedPilotCommand.run(args, new ServicesFactory(home), request -> {
            windows.add(request);
            return 0;
        }, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void versionPrintsAndExitsZero() {
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("FedPilot "), out.toString());
        assertTrue(windows.isEmpty());
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("--sandbox"));
        assertTrue(out.toString().contains("Usage: fedpilot"));
    }

    @Test
    void noArgumentsOpensTheWindowOnTheConfiguredClouds() {
        assertEquals(0, run());
        assertEquals(List.of(new GuiRequest(false, false)), windows);
    }

    @Test
    void sandboxOpensTheWindowOnTheSimulatedClouds() {
        assertEquals(0, run("--sandbox"));
        assertEquals(List.of(new GuiRequest(true, false)), windows);
    }

    @Test
    void anUnknownOptionIsBadUsageWithOneLineAndNoStackTrace() {
        assertEquals(2, run("--frobnicate"));
        String text = err.toString();
        assertTrue(text.contains("Unknown option: '--frobnicate'"), text);
        assertFalse(text.contains("at dev.fedpilot"), text);
        assertTrue(windows.isEmpty());
    }

    @Test
    void anUnknownCommandIsBadUsage() {
        assertEquals(2, run("teleport", "now"));
        assertTrue(windows.isEmpty());
    }

    @Test
    void theWindowsExitCodeIsTheProcessExitCode() {
        int code = FedPilotCommand.run(new String[]{"--sandbox", "--self-test"}, new ServicesFactory(home),
                request -> 1, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code);
    }

    @Test
    void theSelfTestSaysWhetherItPassed() {
        assertEquals(0, run("--self-test", "--sandbox"));
        assertEquals(List.of(new GuiRequest(true, true)), windows);
        assertTrue(out.toString().contains("FedPilot self-test passed."), out.toString());
    }

    @Test
    void aFlagGivenTwiceIsBadUsageAndOpensNothing() {
        assertEquals(2, run("--sandbox", "--sandbox"));
        assertTrue(windows.isEmpty());
        assertTrue(err.toString().contains("--sandbox"), err.toString());
    }

    @Test
    void aWindowThatCannotOpenIsOneLineAndExitOne() {
        int code = FedPilotCommand.run(new String[]{"--sandbox"}, new ServicesFactory(home), request -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, new PrintWriter(out), new PrintWriter(err));
        assertEquals(1, code);
        assertEquals("fedpilot: cannot open the window (Unable to open DISPLAY). Start FedPilot in a desktop session;"
                + " the commands in 'fedpilot --help' work without one.", err.toString().strip());
    }

    @Test
    void onlyTheWindowFlagsCountAsOpeningTheWindow() {
        assertTrue(FedPilotCommand.opensWindow(new String[0]));
        assertTrue(FedPilotCommand.opensWindow(new String[]{"--sandbox", "--self-test"}));
        assertFalse(FedPilotCommand.opensWindow(new String[]{"--version"}));
        assertFalse(FedPilotCommand.opensWindow(new String[]{"--sandbox", "report"}));
        assertFalse(FedPilotCommand.opensWindow(new String[]{"--sandbox", "--sandbox"}));
    }

    @Test
    void sandboxLargeOpensTheWindowOnTheLargePreset() {
        assertEquals(0, run("--sandbox=large"));
        assertEquals(List.of(new GuiRequest(true, false, true, false)), windows);
        assertTrue(FedPilotCommand.opensWindow(new String[]{"--sandbox=large", "--self-test"}));
    }

    @Test
    void sandboxResetOpensTheSandboxStartedOver() {
        assertEquals(0, run("--sandbox-reset"));
        assertEquals(0, run("--sandbox=large", "--sandbox-reset"));
        assertEquals(List.of(new GuiRequest(true, false, false, true), new GuiRequest(true, false, true, true)),
                windows);
    }

    @Test
    void theSandboxPresetAlsoParsesWithPicocli() {
        assertEquals(0, run("--sandbox", "large"));
        assertEquals(0, run("--sandbox=demo", "--sandbox-reset", "--self-test"));
        assertEquals(List.of(new GuiRequest(true, false, true, false), new GuiRequest(true, true, false, true)),
                windows);
    }

    @Test
    void anUnknownSandboxPresetIsBadUsage() {
        assertEquals(2, run("--sandbox=huge"));
        assertTrue(err.toString().contains("--sandbox takes 'demo' or 'large', not 'huge'."), err.toString());
        assertTrue(windows.isEmpty());
        assertFalse(FedPilotCommand.opensWindow(new String[]{"--sandbox=huge"}));
        assertFalse(FedPilotCommand.opensWindow(new String[]{"--sandbox", "--sandbox=large"}));
    }

    @Test
    void aSubcommandAfterTheSandboxFlagIsNotTakenForItsPreset() {
        assertEquals(0, run("--sandbox", "membership", "add", "--group", "auditors", "--user", "jana.novak"));
        assertTrue(out.toString().contains("Added jana.novak to auditors."), out + " / " + err);
        assertTrue(windows.isEmpty());
    }
}
