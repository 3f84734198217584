package dev.fedpilot.ui.shell;

/** What the connection bar shows for one cloud. */
public record ConnectionStatus(State state, String label) {

    public enum State { SIGNED_OUT, CONNECTING, SANDBOX, SIGNED_IN, ERROR }

    public static ConnectionStatus signedOut(String label) {
        return new ConnectionStatus(State.SIGNED_OUT, label);
    }
}
