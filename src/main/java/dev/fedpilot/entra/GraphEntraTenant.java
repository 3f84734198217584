package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.microsoft.graph.models.Organization;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.VerifiedDomain;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
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
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import static dev.fedpilot.entra.GraphOperation.READ_TENANT;

/** {@link EntraTenant} over Microsoft Graph (SDK v6). Every call blocks; failures are CloudExceptions. */
public final class GraphEntraTenant implements EntraTenant {

    /**
     * @param loginBase where Entra publishes federation metadata ({@link #LOGIN_BASE}); tests point it at a fake
     */
    public record Settings(URI loginBase, Clock clock) {
        public static final URI LOGIN_BASE = URI.create("https://login.microsoftonline.com/");
        public static final Settings DEFAULT = new Settings(LOGIN_BASE, Clock.systemUTC());

        public Settings {
            Objects.requireNonNull(loginBase, "loginBase");
            Objects.requireNonNull(clock, "clock");
        }
    }

    private final GraphServiceClient graph;
    private final GraphCalls calls;
    private final AppOperations apps;
    private final ProvisioningOperations provisioning;
    private final AssignmentOperations assignments;
    private final DirectoryOperations directory;
    private final FederationMetadata metadata;
    private volatile TenantInfo tenant;

    public GraphEntraTenant(GraphServiceClient graph) {
        this(graph, Settings.DEFAULT);
    }

    public GraphEntraTenant(GraphServiceClient graph, Settings settings) {
        this(graph, settings, null);
    }

    /**
     * @param scopes the scopes the client's tokens ask for, grown per feature on first use (incremental consent);
     *               null when the token is fixed
     */
    public GraphEntraTenant(GraphServiceClient graph, Settings settings, DelegatedScopes scopes) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.calls = new GraphCalls(settings.clock(), scopes);
        this.apps = new AppOperations(graph, calls, settings.clock());
        this.provisioning = new ProvisioningOperations(graph, calls);
        this.assignments = new AssignmentOperations(graph, calls);
        this.directory = new DirectoryOperations(graph, calls);
        this.metadata = new FederationMetadata(settings.loginBase());
    }

    @Override
    public TenantInfo tenant() {
        TenantInfo known = tenant;
        if (known != null) {
            return known;
        }
        var orgs = calls.call(READ_TENANT, () -> graph.organization()
                .get(c -> c.queryParameters.select = new String[] {"id", "displayName", "verifiedDomains"}));
        if (orgs == null || orgs.getValue() == null || orgs.getValue().isEmpty()) {
            throw CloudException.notFound(Messages.english().get("entra.error.notFound",
                    Messages.english().get(READ_TENANT.messageKey()), "organization"));
        }
        Organization org = orgs.getValue().get(0);
        User me = calls.call(READ_TENANT, () -> graph.me()
                .get(c -> c.queryParameters.select = new String[] {"userPrincipalName", "displayName"}));
        String domain = org.getVerifiedDomains() == null ? null : org.getVerifiedDomains().stream()
                .filter(d -> Boolean.TRUE.equals(d.getIsDefault())).map(VerifiedDomain::getName)
                .findFirst().orElse(null);
        known = new TenantInfo(org.getId(), domain, org.getDisplayName(), me == null ? null : me.getUserPrincipalName());
        tenant = known;
        return known;
    }

    @Override
    public List<EnterpriseApp> findAwsIdcApps() {
        return apps.findAwsIdcApps();
    }

    @Override
    public EnterpriseApp instantiateAwsIdcApp(String displayName) {
        return apps.instantiate(displayName);
    }

    @Override
    public Optional<EnterpriseApp> readApp(EnterpriseApp app) {
        return apps.readApp(app);
    }

    @Override
    public void configureSaml(EnterpriseApp app, String entityId, String acsUrl) {
        apps.configureSaml(app, entityId, acsUrl);
    }

    @Override
    public SamlSettings samlSettings(EnterpriseApp app) {
        return apps.samlSettings(app);
    }

    @Override
    public CertificateInfo addSigningCertificate(EnterpriseApp app, String displayName, Instant notAfter) {
        return apps.addSigningCertificate(app, displayName, notAfter);
    }

    @Override
    public Optional<CertificateInfo> activeSigningCertificate(EnterpriseApp app) {
        return apps.activeSigningCertificate(app);
    }

    @Override
    public URI federationMetadataUrl(EnterpriseApp app) {
        return metadata.url(tenant().tenantId(), app.appId());
    }

    @Override
    public String downloadFederationMetadata(EnterpriseApp app) {
        return metadata.download(federationMetadataUrl(app));
    }

    @Override
    public Optional<ProvisioningJob> findProvisioningJob(EnterpriseApp app) {
        return provisioning.findJob(app);
    }

    @Override
    public ProvisioningJob createProvisioningJob(EnterpriseApp app) {
        return provisioning.createJob(app);
    }

    @Override
    public void validateCredentials(EnterpriseApp app, String jobId, ScimEndpoint endpoint, Secret token) {
        provisioning.validateCredentials(app, jobId, endpoint, token);
    }

    @Override
    public void saveCredentials(EnterpriseApp app, ScimEndpoint endpoint, Secret token) {
        provisioning.saveCredentials(app, endpoint, token);
    }

    @Override
    public void startJob(EnterpriseApp app, String jobId) {
        provisioning.start(app, jobId);
    }

    @Override
    public void pauseJob(EnterpriseApp app, String jobId) {
        provisioning.pause(app, jobId);
    }

    @Override
    public void restartJob(EnterpriseApp app, String jobId) {
        provisioning.restart(app, jobId);
    }

    @Override
    public ProvisioningJob job(EnterpriseApp app, String jobId) {
        return provisioning.read(app, jobId);
    }

    @Override
    public List<ProvisioningOutcome> provisionOnDemand(EnterpriseApp app, String jobId, OnDemandRequest request) {
        return provisioning.provisionOnDemand(app, jobId, request);
    }

    @Override
    public List<ProvisioningEvent> provisioningLog(EnterpriseApp app, Instant since) {
        return provisioning.log(app, since);
    }

    @Override
    public List<AppAssignment> assignments(EnterpriseApp app) {
        return assignments.assignments(app);
    }

    @Override
    public AppAssignment assign(EnterpriseApp app, String principalId, PrincipalType type) {
        return assignments.assign(app, principalId, type);
    }

    @Override
    public void unassign(EnterpriseApp app, String assignmentId) {
        assignments.unassign(app, assignmentId);
    }

    @Override
    public void listUsers(Consumer<List<DirectoryUser>> onPage) {
        directory.listUsers(onPage);
    }

    @Override
    public void listGroups(Consumer<List<DirectoryGroup>> onPage) {
        directory.listGroups(onPage);
    }

    @Override
    public void listGroupMembers(String groupId, Consumer<List<GroupMember>> onPage) {
        directory.listGroupMembers(groupId, onPage);
    }

    @Override
    public List<DirectoryUser> searchUsers(String text, int limit) {
        return directory.searchUsers(text, limit);
    }

    @Override
    public List<DirectoryGroup> searchGroups(String text, int limit) {
        return directory.searchGroups(text, limit);
    }

    @Override
    public Optional<DirectoryUser> user(String id) {
        return directory.user(id);
    }

    @Override
    public Optional<DirectoryGroup> group(String id) {
        return directory.group(id);
    }

    @Override
    public void addGroupMember(String groupId, String userId) {
        directory.addMember(groupId, userId);
    }

    @Override
    public void removeGroupMember(String groupId, String userId) {
        directory.removeMember(groupId, userId);
    }
}
