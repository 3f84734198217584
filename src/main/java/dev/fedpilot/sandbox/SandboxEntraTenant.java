package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.TenantInfo;
import dev.fedpilot.port.EntraTenant;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The sandbox Entra tenant behind the {@link EntraTenant} port. Assigning a principal twice fails with CONFLICT,
 * as Graph answers "Permission being assigned already exists on the object".
 */
final class SandboxEntraTenant implements EntraTenant {
    /** Graph's default page size for users, groups and members. */
    static final int PAGE_SIZE = 100;

    private final SandboxWorld world;
    private final CallGate gate;

    SandboxEntraTenant(SandboxWorld world, CallGate gate) {
        this.world = world;
        this.gate = gate;
    }

    @Override
    public TenantInfo tenant() {
        gate.enter("GET /organization");
        return new TenantInfo(EntraSeed.TENANT_ID, EntraSeed.DOMAIN, "Contoso (Sandbox)", EntraSeed.ADMIN_UPN);
    }

    // --- the enterprise app -----------------------------------------------------------------------------------

    @Override
    public List<EnterpriseApp> findAwsIdcApps() {
        gate.enter("GET /servicePrincipals");
        return world.locked(() -> world.apps().findAwsIdc(world.now()));
    }

    @Override
    public EnterpriseApp instantiateAwsIdcApp(String displayName) {
        gate.enter("POST /applicationTemplates/" + AWS_IDC_TEMPLATE_ID + "/instantiate");
        return world.changing(() -> world.apps().instantiate(displayName, AWS_IDC_TEMPLATE_ID, world.now()));
    }

    @Override
    public Optional<EnterpriseApp> readApp(EnterpriseApp app) {
        gate.enter("GET /servicePrincipals/{id}");
        return world.locked(() -> world.apps().read(app, world.now()));
    }

    // --- SAML -------------------------------------------------------------------------------------------------

    @Override
    public void configureSaml(EnterpriseApp app, String entityId, String acsUrl) {
        gate.enter("PATCH /applications/{id}");
        updateApp(app, state -> world.apps().configureSaml(state, entityId, acsUrl));
    }

    @Override
    public SamlSettings samlSettings(EnterpriseApp app) {
        gate.enter("GET /servicePrincipals/{id}");
        return onApp(app, state -> world.apps().samlSettings(state));
    }

    @Override
    public CertificateInfo addSigningCertificate(EnterpriseApp app, String displayName, Instant notAfter) {
        gate.enter("POST /servicePrincipals/{id}/addTokenSigningCertificate");
        return changeApp(app, state -> world.apps().addSigningCertificate(state, displayName, notAfter, world.now()));
    }

    @Override
    public Optional<CertificateInfo> activeSigningCertificate(EnterpriseApp app) {
        gate.enter("GET /servicePrincipals/{id}?$select=keyCredentials");
        return onApp(app, state -> world.apps().activeSigningCertificate(state));
    }

    @Override
    public URI federationMetadataUrl(EnterpriseApp app) {
        // a URL built from the appId, as the real adapter does, so no call and no lock
        return EntraApps.federationMetadataUrl(app.appId());
    }

    @Override
    public String downloadFederationMetadata(EnterpriseApp app) {
        gate.enter("GET federationmetadata.xml");
        return onApp(app, state -> world.apps().federationMetadata(state));
    }

    // --- provisioning -----------------------------------------------------------------------------------------

    @Override
    public Optional<ProvisioningJob> findProvisioningJob(EnterpriseApp app) {
        gate.enter("GET /servicePrincipals/{id}/synchronization/jobs");
        return onApp(app, state -> world.provisioning().find(state));
    }

    @Override
    public ProvisioningJob createProvisioningJob(EnterpriseApp app) {
        gate.enter("POST /servicePrincipals/{id}/synchronization/jobs");
        return changeApp(app, state -> world.provisioning().create(state));
    }

    @Override
    public void validateCredentials(EnterpriseApp app, String jobId, ScimEndpoint endpoint, Secret token) {
        gate.enter("POST …/jobs/{jobId}/validateCredentials");
        withApp(app, state -> world.provisioning().validate(state, jobId, endpoint, token, world.now()));
    }

    @Override
    public void saveCredentials(EnterpriseApp app, ScimEndpoint endpoint, Secret token) {
        gate.enter("PUT /servicePrincipals/{id}/synchronization/secrets");
        updateApp(app, state -> world.provisioning().saveCredentials(state, endpoint, token));
    }

    @Override
    public void startJob(EnterpriseApp app, String jobId) {
        gate.enter("POST …/jobs/{jobId}/start");
        updateApp(app, state -> world.provisioning().start(state, jobId));
    }

    @Override
    public void pauseJob(EnterpriseApp app, String jobId) {
        gate.enter("POST …/jobs/{jobId}/pause");
        updateApp(app, state -> world.provisioning().pause(state, jobId));
    }

    @Override
    public void restartJob(EnterpriseApp app, String jobId) {
        gate.enter("POST …/jobs/{jobId}/restart");
        updateApp(app, state -> world.provisioning().restart(state, jobId));
    }

    @Override
    public ProvisioningJob job(EnterpriseApp app, String jobId) {
        gate.enter("GET …/jobs/{jobId}");
        return onApp(app, state -> world.provisioning().view(state, jobId));
    }

    @Override
    public List<ProvisioningOutcome> provisionOnDemand(EnterpriseApp app, String jobId, OnDemandRequest request) {
        gate.enter("POST …/jobs/{jobId}/provisionOnDemand");
        return changeApp(app, state -> world.onDemand().run(state, jobId, request, world.now()));
    }

    @Override
    public List<ProvisioningEvent> provisioningLog(EnterpriseApp app, Instant since) {
        gate.enter("GET /auditLogs/provisioning");
        return onApp(app, state -> world.provisioning().log(state, since));
    }

    // --- assignments ------------------------------------------------------------------------------------------

    @Override
    public List<AppAssignment> assignments(EnterpriseApp app) {
        gate.enter("GET /servicePrincipals/{id}/appRoleAssignedTo");
        return onApp(app, state -> List.copyOf(state.assignments));
    }

    @Override
    public AppAssignment assign(EnterpriseApp app, String principalId, PrincipalType type) {
        gate.enter("POST /servicePrincipals/{id}/appRoleAssignedTo");
        return changeApp(app, state -> world.apps().assign(state, principalId, type));
    }

    @Override
    public void unassign(EnterpriseApp app, String assignmentId) {
        gate.enter("DELETE /servicePrincipals/{id}/appRoleAssignedTo/{assignmentId}");
        updateApp(app, state -> world.apps().unassign(state, assignmentId));
    }

    // --- directory --------------------------------------------------------------------------------------------

    @Override
    public void listUsers(Consumer<List<DirectoryUser>> onPage) {
        gate.pages("GET /users", PAGE_SIZE, (offset, size) -> world.locked(() -> world.directory().users(offset, size)),
                onPage);
    }

    @Override
    public void listGroups(Consumer<List<DirectoryGroup>> onPage) {
        gate.pages("GET /groups", PAGE_SIZE,
                (offset, size) -> world.locked(() -> world.directory().groups(offset, size)), onPage);
    }

    @Override
    public void listGroupMembers(String groupId, Consumer<List<GroupMember>> onPage) {
        gate.pages("GET /groups/{id}/members", PAGE_SIZE,
                (offset, size) -> world.locked(() -> world.directory().members(groupId, offset, size)), onPage);
    }

    @Override
    public List<DirectoryUser> searchUsers(String text, int limit) {
        gate.enter("GET /users?$search");
        return world.locked(() -> world.directory().searchUsers(text, limit));
    }

    @Override
    public List<DirectoryGroup> searchGroups(String text, int limit) {
        gate.enter("GET /groups?$search");
        return world.locked(() -> world.directory().searchGroups(text, limit));
    }

    @Override
    public Optional<DirectoryUser> user(String id) {
        gate.enter("GET /users/{id}");
        return world.locked(() -> world.directory().user(id));
    }

    @Override
    public Optional<DirectoryGroup> group(String id) {
        gate.enter("GET /groups/{id}");
        return world.locked(() -> world.directory().group(id));
    }

    @Override
    public void addGroupMember(String groupId, String userId) {
        gate.enter("POST /groups/{id}/members/$ref");
        world.changing(() -> {
            requireGroupAndUser(groupId, userId);
            world.directory().addMember(groupId, userId);
            return null;
        });
    }

    @Override
    public void removeGroupMember(String groupId, String userId) {
        gate.enter("DELETE /groups/{id}/members/{userId}/$ref");
        world.changing(() -> {
            requireGroupAndUser(groupId, userId);
            world.directory().removeMember(groupId, userId);
            return null;
        });
    }

    private void requireGroupAndUser(String groupId, String userId) {
        if (world.directory().group(groupId).isEmpty()) {
            throw CloudException.notFound("No Entra group with id " + groupId + ".");
        }
        if (world.directory().user(userId).isEmpty()) {
            throw CloudException.notFound("No Entra user with id " + userId + ".");
        }
    }

    private <T> T onApp(EnterpriseApp app, Function<AppState, T> action) {
        return world.locked(() -> action.apply(world.apps().require(app, world.now())));
    }

    private void withApp(EnterpriseApp app, Consumer<AppState> action) {
        world.locked(() -> action.accept(world.apps().require(app, world.now())));
    }

    /** A call that changes the app: the sandbox saves its world afterwards. */
    private <T> T changeApp(EnterpriseApp app, Function<AppState, T> action) {
        return world.changing(() -> action.apply(world.apps().require(app, world.now())));
    }

    private void updateApp(EnterpriseApp app, Consumer<AppState> action) {
        world.changing(() -> action.accept(world.apps().require(app, world.now())));
    }
}
