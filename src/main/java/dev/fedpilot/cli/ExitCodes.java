package dev.fedpilot.cli;

/** FedPilot's exit codes, the same for every subcommand. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The operation was tried and failed (a cloud refused, a check found an error). */
    public static final int FAILED = 1;
    /** Bad usage or bad input: nothing was tried. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
