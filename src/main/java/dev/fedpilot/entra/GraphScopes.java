package dev.fedpilot.entra;

import java.util.List;

/** The delegated Graph permissions FedPilot asks for at sign-in (DOMAIN.md, "Graph conventions"). */
public final class GraphScopes {
    private static final String PREFIX = "https://graph.microsoft.com/";

    /** What setup and the directory browser need; the signed-in user also needs an app admin role. */
    public static final List<String> DELEGATED = List.of(
            PREFIX + "User.Read",
            PREFIX + GraphOperation.Permission.APPLICATION,
            PREFIX + GraphOperation.Permission.APP_ROLE_ASSIGNMENT,
            PREFIX + GraphOperation.Permission.SYNCHRONIZATION,
            PREFIX + GraphOperation.Permission.GROUPS,
            PREFIX + GraphOperation.Permission.USERS);

    /**
     * Needed only for the provisioning log; admin-consent only, so it is not asked at sign-in by default
     * (a user who cannot consent to it could otherwise not sign in at all).
     */
    public static final String PROVISIONING_LOG = PREFIX + "AuditLog.Read.All";

    private GraphScopes() {
    }
}
