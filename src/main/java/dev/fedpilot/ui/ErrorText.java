package dev.fedpilot.ui;

import dev.fedpilot.domain.CloudException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns any failure into the two lines a user reads: what happened, and what to do about it. */
public final class ErrorText {
    private ErrorText() {
    }

    public static String what(Throwable error) {
        Throwable e = unwrap(error);
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "Unexpected error (" + e.getClass().getSimpleName() + ").";
        }
        return message;
    }

    public static String fix(Throwable error) {
        Throwable e = unwrap(error);
        if (e instanceof CloudException ce) {
            return ce.fix();
        }
        if (e instanceof IllegalArgumentException) {
            return "";
        }
        return "Try again. If it keeps failing, the log has the details.";
    }

    public static String full(Throwable error) {
        String fix = fix(error);
        return fix.isEmpty() ? what(error) : what(error) + "\n" + fix;
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof ExecutionException || t instanceof CompletionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
