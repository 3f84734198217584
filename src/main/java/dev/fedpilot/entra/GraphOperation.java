package dev.fedpilot.entra;

/**
 * Every Graph call the adapter makes, with what it needs from the tenant, so a refusal can say exactly
 * which delegated permission and admin role are missing.
 */
enum GraphOperation {
    READ_TENANT("User.Read", Role.NONE),
    FIND_APPS(Permission.APPLICATION, Role.APP_ADMIN),
    INSTANTIATE_APP(Permission.APPLICATION, Role.APP_ADMIN),
    READ_APP(Permission.APPLICATION, Role.APP_ADMIN),
    CONFIGURE_SAML(Permission.APPLICATION, Role.APP_ADMIN),
    READ_SAML(Permission.APPLICATION, Role.APP_ADMIN),
    ADD_CERTIFICATE(Permission.APPLICATION, Role.APP_ADMIN),
    READ_CERTIFICATE(Permission.APPLICATION, Role.APP_ADMIN),
    READ_JOBS(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    READ_SCHEMA(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    CREATE_JOB(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    VALIDATE_CREDENTIALS(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    SAVE_CREDENTIALS(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    START_JOB(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    PAUSE_JOB(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    RESTART_JOB(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    PROVISION_ON_DEMAND(Permission.SYNCHRONIZATION, Role.APP_ADMIN),
    READ_PROVISIONING_LOG(Permission.AUDIT_LOG + " " + Permission.DIRECTORY_READ, Role.REPORTS_READER),
    READ_ASSIGNMENTS(Permission.APPLICATION, Role.APP_ADMIN),
    ASSIGN(Permission.APP_ROLE_ASSIGNMENT, Role.APP_ADMIN),
    UNASSIGN(Permission.APP_ROLE_ASSIGNMENT, Role.APP_ADMIN),
    LIST_USERS(Permission.USERS, Role.NONE),
    SEARCH_USERS(Permission.USERS, Role.NONE),
    READ_USER(Permission.USERS, Role.NONE),
    LIST_GROUPS(Permission.GROUPS, Role.NONE),
    SEARCH_GROUPS(Permission.GROUPS, Role.NONE),
    READ_GROUP(Permission.GROUPS, Role.NONE),
    LIST_MEMBERS(Permission.GROUPS, Role.NONE),
    ADD_MEMBER(Permission.GROUP_MEMBERS, Role.GROUPS_ADMIN),
    REMOVE_MEMBER(Permission.GROUP_MEMBERS, Role.GROUPS_ADMIN);

    /** Delegated Graph permissions FedPilot asks for. */
    static final class Permission {
        static final String APPLICATION = "Application.ReadWrite.All";
        static final String APP_ROLE_ASSIGNMENT = "AppRoleAssignment.ReadWrite.All";
        static final String SYNCHRONIZATION = "Synchronization.ReadWrite.All";
        static final String GROUPS = "Group.Read.All";
        static final String USERS = "User.Read.All";
        /** Only for fixing SCIM-managed groups at the source, from the directory browser. */
        static final String GROUP_MEMBERS = "GroupMember.ReadWrite.All";
        /** Only for the provisioning log, together with {@link #DIRECTORY_READ}. */
        static final String AUDIT_LOG = "AuditLog.Read.All";
        static final String DIRECTORY_READ = "Directory.Read.All";

        private Permission() {
        }
    }

    /** Entra admin roles, as the portal names them. */
    enum Role {
        NONE(""),
        APP_ADMIN("Application Administrator or Cloud Application Administrator"),
        REPORTS_READER("Reports Reader, Security Reader or Global Reader"),
        GROUPS_ADMIN("Groups Administrator (or owner of the group)");

        final String displayName;

        Role(String displayName) {
            this.displayName = displayName;
        }
    }

    final String permission;
    final Role role;

    GraphOperation(String permission, Role role) {
        this.permission = permission;
        this.role = role;
    }

    /** The delegated scopes this call needs, all of them (short names such as "User.Read"). */
    java.util.List<String> scopes() {
        return java.util.List.of(permission.split(" "));
    }

    /** Key of the user-facing description, e.g. "entra.op.instantiate_app" → "create the enterprise app". */
    String messageKey() {
        return "entra.op." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
