package dev.fedpilot.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which side of the federation a SAML metadata file describes, and whose it is. */
public enum MetadataKind {
    AWS_SP("aws-sp", false, "AWS sign-in service provider"),
    ENTRA_IDP("entra-idp", true, "Microsoft Entra identity provider"),
    SAML_SP("saml-sp", false, "SAML service provider"),
    SAML_IDP("saml-idp", true, "SAML identity provider");

    private final String id;
    private final boolean identityProvider;
    private final String description;

    MetadataKind(String id, boolean identityProvider, String description) {
        this.id = id;
        this.identityProvider = identityProvider;
        this.description = description;
    }

    /** The stable name used in JSON and on the command line, e.g. {@code aws-sp}. */
    public String id() {
        return id;
    }

    public boolean identityProvider() {
        return identityProvider;
    }

    public String description() {
        return description;
    }

    public static Optional<MetadataKind> fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(wanted)).findFirst();
    }
}
