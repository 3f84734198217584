package dev.fedpilot.app;

/** How the window was asked to open. */
public record GuiRequest(boolean sandbox, boolean selfTest) {
}
