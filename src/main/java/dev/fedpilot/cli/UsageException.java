package dev.fedpilot.cli;

/** Bad input the user can fix; reported in one line with exit code 2, without a stack trace. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
