package dev.fedpilot.domain;

import java.util.List;

/** The SAML side of the Entra app: what AWS's SP metadata was written into. */
public record SamlSettings(String preferredSingleSignOnMode, List<String> identifierUris, List<String> redirectUris,
                           String preferredTokenSigningKeyThumbprint) {

    public SamlSettings {
        identifierUris = identifierUris == null ? List.of() : List.copyOf(identifierUris);
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    public boolean samlMode() {
        return "saml".equalsIgnoreCase(preferredSingleSignOnMode);
    }
}
