package dev.fedpilot.entra.fake;

import java.util.List;
import java.util.Set;

/**
 * The delegated scopes each faked call needs, from the "Permissions" table of its Microsoft Graph v1.0 page
 * (least privileged first; a higher privileged scope from the same table also grants the call). A token without
 * them gets Graph's 403 Authorization_RequestDenied body.
 */
final class FakePermissions {
    private static final String DIRECTORY_RW = "Directory.ReadWrite.All";

    private FakePermissions() {
    }

    /** Every set must be met by at least one of its scopes; empty when the call needs no scope. */
    static List<Set<String>> required(RecordedRequest request) {
        String root = request.segment(0) == null ? "" : request.segment(0);
        boolean read = request.method().equals("GET");
        return switch (root) {
            // organization-get.md, user-get.md (/me): User.Read
            case "organization", "me" -> List.of(Set.of("User.Read", "User.Read.All", "Directory.Read.All"));
            // applicationtemplate-instantiate.md: Application.ReadWrite.All
            case "applicationTemplates" -> List.of(Set.of("Application.ReadWrite.All", DIRECTORY_RW));
            // application-get.md / application-update.md
            case "applications" -> List.of(read ? Set.of("Application.Read.All", "Application.ReadWrite.All",
                    "Directory.Read.All") : Set.of("Application.ReadWrite.All", DIRECTORY_RW));
            case "servicePrincipals" -> servicePrincipal(request, read);
            // user-list.md / user-get.md: User.Read.All (User.ReadBasic.All for basic properties)
            case "users" -> List.of(Set.of("User.Read.All", "User.ReadBasic.All", "User.ReadWrite.All",
                    "Directory.Read.All"));
            case "groups" -> groups(request, read);
            // provisioningobjectsummary-list.md: AuditLog.Read.All and Directory.Read.All
            case "auditLogs" -> List.of(Set.of("AuditLog.Read.All"), Set.of("Directory.Read.All", DIRECTORY_RW));
            default -> List.of();
        };
    }

    private static List<Set<String>> servicePrincipal(RecordedRequest request, boolean read) {
        String area = request.segment(2) == null ? "" : request.segment(2);
        return switch (area) {
            // synchronization-*.md (jobs, templates, secrets, schema, provisionOnDemand): Synchronization.*
            case "synchronization" -> List.of(read
                    ? Set.of("Synchronization.Read.All", "Synchronization.ReadWrite.All", "Application.ReadWrite.All")
                    : Set.of("Synchronization.ReadWrite.All", "Application.ReadWrite.All"));
            // serviceprincipal-list-approleassignedto.md / serviceprincipal-post-approleassignedto.md /
            // serviceprincipal-delete-approleassignedto.md
            case "appRoleAssignedTo" -> List.of(read
                    ? Set.of("Application.Read.All", "Application.ReadWrite.All", "AppRoleAssignment.ReadWrite.All",
                    "Directory.Read.All")
                    : Set.of("AppRoleAssignment.ReadWrite.All", DIRECTORY_RW));
            // serviceprincipal-get.md / serviceprincipal-update.md / serviceprincipal-addtokensigningcertificate.md
            default -> List.of(read ? Set.of("Application.Read.All", "Application.ReadWrite.All", "Directory.Read.All")
                    : Set.of("Application.ReadWrite.All", DIRECTORY_RW));
        };
    }

    private static List<Set<String>> groups(RecordedRequest request, boolean read) {
        boolean memberRef = request.segments().size() >= 4 && "$ref".equals(request.segments()
                .get(request.segments().size() - 1));
        if (memberRef && !read) {
            // group-post-members.md / group-delete-members.md: GroupMember.ReadWrite.All
            return List.of(Set.of("GroupMember.ReadWrite.All", "Group.ReadWrite.All", DIRECTORY_RW));
        }
        // group-list.md / group-get.md / group-list-members.md: GroupMember.Read.All
        return List.of(Set.of("GroupMember.Read.All", "Group.Read.All", "Group.ReadWrite.All", "Directory.Read.All"));
    }

    /** The first requirement the granted scopes do not meet, or null. */
    static Set<String> unmet(List<Set<String>> required, Set<String> granted) {
        for (Set<String> anyOf : required) {
            if (anyOf.stream().noneMatch(granted::contains)) {
                return anyOf;
            }
        }
        return null;
    }
}
