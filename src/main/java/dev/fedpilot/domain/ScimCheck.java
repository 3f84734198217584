package dev.fedpilot.domain;

/** The result of probing a SCIM endpoint with a token, without changing anything there. */
public record ScimCheck(Outcome outcome, String message, String fix) {

    public enum Outcome { OK, UNAUTHORIZED, NOT_FOUND, DNS_FAILURE, TLS_FAILURE, UNREACHABLE, UNEXPECTED }

    public boolean ok() {
        return outcome == Outcome.OK;
    }
}
