package dev.fedpilot.app;

/**
 * How the window was asked to open.
 *
 * @param largeSandbox  {@code --sandbox=large}: the 100,000-user preset instead of the demo tenant
 * @param resetSandbox  {@code --sandbox-reset}: the sandbox starts over from its seed before the window opens
 */
public record GuiRequest(boolean sandbox, boolean selfTest, boolean largeSandbox, boolean resetSandbox) {

    public GuiRequest(boolean sandbox, boolean selfTest) {
        this(sandbox, selfTest, false, false);
    }
}
