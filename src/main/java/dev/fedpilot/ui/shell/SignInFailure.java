package dev.fedpilot.ui.shell;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.Locale;
import java.util.concurrent.CancellationException;

/**
 * Why an Entra sign-in failed, in the few ways a user can act on: the sign-in was cancelled, no browser could
 * open, the account belongs to another tenant, an administrator must consent, the network is down. The
 * Microsoft identity platform reports these as AADSTS codes inside the message of whatever MSAL throws.
 */
public enum SignInFailure {
    CANCELLED, NO_BROWSER, WRONG_TENANT, CONSENT, NETWORK, OTHER;

    public static SignInFailure of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return CANCELLED;
            }
            if (t instanceof UnknownHostException || t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
                return NETWORK;
            }
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            // AADSTS65004: the user declined consent; access_denied / authentication_canceled: closed or cancelled
            if (m.contains("aadsts65004") || m.contains("access_denied") || m.contains("authentication_canceled")
                    || m.contains("cancelled") || m.contains("canceled")) {
                return CANCELLED;
            }
            // AADSTS65001 and AADSTS90094: consent is missing, and only an administrator may give it
            if (m.contains("aadsts65001") || m.contains("aadsts90094") || m.contains("consent")) {
                return CONSENT;
            }
            // AADSTS50020: the account is not in this tenant; AADSTS90002: no such tenant; AADSTS700016: the app is
            // not in the tenant the account signed in to
            if (m.contains("aadsts50020") || m.contains("aadsts90002") || m.contains("aadsts700016")
                    || m.contains("tenant")) {
                return WRONG_TENANT;
            }
            if (m.contains("browser") || m.contains("desktop is not supported") || m.contains("xdg-open")) {
                return NO_BROWSER;
            }
            if (m.contains("unknownhost") || m.contains("timed out") || m.contains("connection refused")
                    || m.contains("network")) {
                return NETWORK;
            }
        }
        return OTHER;
    }

    /** The key of the short text for the connection chip; "….fix" beside it holds what to do next. */
    public String messageKey() {
        return "shell.entra.failed." + name().toLowerCase(Locale.ROOT);
    }
}
