package dev.fedpilot.saml;

/**
 * The input is not SAML metadata FedPilot can read. The message is one sentence a user understands (for the
 * UI and for the CLI's exit code 2); {@link #fix()} says what to do.
 */
public class MetadataParseException extends RuntimeException {

    /** Why the input was refused, for tests and for the UI to pick an icon or hint. */
    public enum Reason { UNREADABLE, EMPTY, TOO_LARGE, BINARY, NOT_XML, DOCTYPE, MALFORMED, WRONG_ROOT, WRONG_NAMESPACE,
        NOT_ONE_ENTITY, NO_ROLE, BAD_CERTIFICATE, TOO_DEEP, NOT_A_FILE, UTF16_WITHOUT_BOM }

    private final Reason reason;
    private final String fix;

    public MetadataParseException(Reason reason, String message, String fix) {
        this(reason, message, fix, null);
    }

    public MetadataParseException(Reason reason, String message, String fix, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.fix = fix == null ? "" : fix;
    }

    public Reason reason() {
        return reason;
    }

    public String fix() {
        return fix;
    }
}
