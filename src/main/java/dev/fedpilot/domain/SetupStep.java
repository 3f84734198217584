package dev.fedpilot.domain;

/** The steps of the federation setup, in the order the guide walks them (DOMAIN.md "The workflow"). */
public enum SetupStep {
    SIGN_IN,
    FIND_INSTANCE,
    ENTRA_APP,
    SP_METADATA_TO_ENTRA,
    IDP_METADATA_TO_AWS,
    SCIM,
    ASSIGNMENTS,
    PROVISION_ON_DEMAND,
    WATCH;

    /** Lower-case id for message keys and saved state, e.g. "sp_metadata_to_entra". */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
