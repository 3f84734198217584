package dev.fedpilot.ui.shell;

/** The areas of the window, in navigation order. */
public enum Page {
    SETUP("shell.nav.setup"), DIRECTORY("shell.nav.directory"), REPORT("shell.nav.report"), HEALTH("shell.nav.health");

    private final String messageKey;

    Page(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
