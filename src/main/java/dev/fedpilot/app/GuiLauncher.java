package dev.fedpilot.app;

/** Opens the FedPilot window and blocks until it closes. */
public final class GuiLauncher {
    private GuiLauncher() {
    }

    public static int launch(GuiRequest request) {
        throw new UnsupportedOperationException("window not built yet");
    }
}
