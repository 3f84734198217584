package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.microsoft.graph.models.AppRole;
import com.microsoft.graph.models.AppRoleAssignment;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static dev.fedpilot.entra.GraphOperation.ASSIGN;
import static dev.fedpilot.entra.GraphOperation.READ_ASSIGNMENTS;
import static dev.fedpilot.entra.GraphOperation.UNASSIGN;

/** Users and groups assigned to the app (appRoleAssignedTo): only they are provisioned. */
final class AssignmentOperations {
    private static final Logger log = LoggerFactory.getLogger(AssignmentOperations.class);
    /** The role Entra uses for apps that define none. */
    static final UUID DEFAULT_ACCESS_ROLE = new UUID(0, 0);

    private final GraphServiceClient graph;
    private final GraphCalls calls;

    AssignmentOperations(GraphServiceClient graph, GraphCalls calls) {
        this.graph = graph;
        this.calls = calls;
    }

    List<AppAssignment> assignments(EnterpriseApp app) {
        var assignedTo = graph.servicePrincipals().byServicePrincipalId(app.servicePrincipalId()).appRoleAssignedTo();
        List<AppAssignment> all = new ArrayList<>();
        GraphPaging.forEachPage(calls, READ_ASSIGNMENTS,
                () -> assignedTo.get(c -> c.queryParameters.top = DirectoryOperations.PAGE_SIZE),
                next -> assignedTo.withUrl(next).get(),
                r -> r.getValue(), r -> r.getOdataNextLink(),
                (AppRoleAssignment a) -> GraphMapping.assignment(a), all::addAll);
        return all;
    }

    AppAssignment assign(EnterpriseApp app, String principalId, PrincipalType type) {
        AppRoleAssignment body = new AppRoleAssignment();
        body.setPrincipalId(UUID.fromString(principalId));
        body.setResourceId(UUID.fromString(app.servicePrincipalId()));
        body.setAppRoleId(roleFor(app));
        try {
            AppRoleAssignment created;
            try {
                created = post(app, body);
            } catch (CloudException e) {
                // after a 5xx the assignment may exist anyway: look before posting again
                if (e.problem() != CloudException.Problem.UNAVAILABLE) {
                    throw e;
                }
                Optional<AppAssignment> existing = existing(app, principalId);
                if (existing.isPresent()) {
                    log.info("Assigning {} failed ({}), but the assignment exists", principalId, e.getMessage());
                    return existing.get();
                }
                created = post(app, body);
            }
            log.info("Assigned {} {} to app {}", type, principalId, app.appId());
            AppAssignment mapped = GraphMapping.assignment(created);
            return mapped != null ? mapped : new AppAssignment(created.getId(), principalId, type,
                    created.getPrincipalDisplayName());
        } catch (CloudException e) {
            // "Permission being assigned already exists on the object": the user's intent is already true
            if (e.problem() == CloudException.Problem.INVALID_INPUT
                    && e.getMessage().toLowerCase(Locale.ROOT).contains("already exists")) {
                Optional<AppAssignment> existing = existing(app, principalId);
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
            throw e;
        }
    }

    private AppRoleAssignment post(EnterpriseApp app, AppRoleAssignment body) {
        return calls.call(ASSIGN, AppOperations.ids(app), null, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId()).appRoleAssignedTo()
                .post(body, c -> c.options.add(CreateOnce.OPTION)));
    }

    private Optional<AppAssignment> existing(EnterpriseApp app, String principalId) {
        return assignments(app).stream().filter(a -> principalId.equalsIgnoreCase(a.principalId())).findFirst();
    }

    /**
     * DELETE …/appRoleAssignedTo/{id}. For an assignment that is already gone Graph answers 400
     * Request_BadRequest "EntitlementGrant being updated or deleted is not found." (not 404): that exact error
     * counts as done; any other 400 is a failure.
     */
    void unassign(EnterpriseApp app, String assignmentId) {
        try {
            graphDelete(app, assignmentId);
        } catch (com.microsoft.kiota.ApiException e) {
            if (alreadyGone(e)) {
                log.info("Assignment {} on app {} was already gone", assignmentId, app.appId());
                return;
            }
            throw calls.translate(UNASSIGN, e, AppOperations.ids(app), null);
        }
        log.info("Removed assignment {} from app {}", assignmentId, app.appId());
    }

    private void graphDelete(EnterpriseApp app, String assignmentId) {
        GraphCalls.checkInterrupted();
        graph.servicePrincipals().byServicePrincipalId(app.servicePrincipalId())
                .appRoleAssignedTo().byAppRoleAssignmentId(assignmentId).delete();
    }

    static boolean alreadyGone(com.microsoft.kiota.ApiException e) {
        if (e.getResponseStatusCode() != 400
                || !(e instanceof com.microsoft.graph.models.odataerrors.ODataError odata) || odata.getError() == null) {
            return false;
        }
        String message = odata.getError().getMessage() == null ? "" : odata.getError().getMessage();
        return "Request_BadRequest".equals(odata.getError().getCode())
                && message.startsWith("EntitlementGrant") && message.contains("is not found");
    }

    /** The gallery app's "User" role, else "msiam_access", else any role users can hold. */
    private UUID roleFor(EnterpriseApp app) {
        ServicePrincipal sp = calls.call(READ_ASSIGNMENTS, AppOperations.ids(app), null, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId())
                .get(c -> c.queryParameters.select = new String[] {"appRoles"}));
        List<AppRole> roles = sp.getAppRoles() == null ? List.of() : sp.getAppRoles();
        if (roles.isEmpty()) {
            return DEFAULT_ACCESS_ROLE;
        }
        return roles.stream()
                .filter(r -> !Boolean.FALSE.equals(r.getIsEnabled()))
                .filter(r -> r.getAllowedMemberTypes() != null && r.getAllowedMemberTypes().contains("User"))
                .min(Comparator.comparingInt(AssignmentOperations::preference))
                .map(AppRole::getId)
                .orElseThrow(() -> new CloudException(CloudException.Problem.INVALID_INPUT,
                        Messages.english().get("entra.error.noAppRole"), Messages.english().get("entra.fix.noAppRole")));
    }

    private static int preference(AppRole role) {
        String name = role.getDisplayName() == null ? "" : role.getDisplayName();
        String value = role.getValue() == null ? "" : role.getValue();
        if (name.equalsIgnoreCase("User")) {
            return 0;
        }
        return value.equalsIgnoreCase("msiam_access") || name.equalsIgnoreCase("msiam_access") ? 1 : 2;
    }
}
