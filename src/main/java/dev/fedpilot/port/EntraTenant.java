package dev.fedpilot.port;

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

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What FedPilot needs from the Entra tenant: the IAM Identity Center enterprise app, its SAML and provisioning
 * settings, app assignments and the directory. Every call blocks; run it through the TaskRunner.
 * Failures are {@link dev.fedpilot.domain.CloudException}s. Listings deliver pages as they arrive and stop
 * with a {@link java.util.concurrent.CancellationException} when the calling thread is interrupted.
 */
public interface EntraTenant {

    /** Gallery template "AWS IAM Identity Center (successor to AWS Single Sign-On)". */
    String AWS_IDC_TEMPLATE_ID = "21ed01d2-ec13-4e9e-86c1-cd546719ebc4";
    /** Synchronization template of that app. */
    String SYNC_TEMPLATE_ID = "aWSSingleSignon";
    /**
     * Name of the provisioning rule that provision-on-demand runs; its id differs between tenants and template
     * versions (e.g. a "#V2" suffix), so adapters read it from the job's schema.
     */
    String ON_DEMAND_RULE_NAME = "USERGROUP_OUTBOUND_USERGROUP";

    TenantInfo tenant();

    // --- the enterprise app -------------------------------------------------------------------------------

    /** Apps made from the AWS IdC template already in the tenant, so a second run adopts instead of duplicating. */
    List<EnterpriseApp> findAwsIdcApps();

    /** Instantiates the gallery template. The objects may not be readable for a while: see {@link #readApp}. */
    EnterpriseApp instantiateAwsIdcApp(String displayName);

    /**
     * Reads both objects of the app; empty while they are not readable yet after instantiate
     * (eventual consistency), so callers poll.
     */
    Optional<EnterpriseApp> readApp(EnterpriseApp app);

    // --- SAML -----------------------------------------------------------------------------------------------

    /** Writes the AWS SP values: identifierUris = [entityId], redirectUris = [acsUrl], SSO mode saml. */
    void configureSaml(EnterpriseApp app, String entityId, String acsUrl);

    SamlSettings samlSettings(EnterpriseApp app);

    /** Adds a token signing certificate valid until {@code notAfter} (at most 3 years) and makes it active. */
    CertificateInfo addSigningCertificate(EnterpriseApp app, String displayName, Instant notAfter);

    /** The active signing certificate, if there is one. */
    Optional<CertificateInfo> activeSigningCertificate(EnterpriseApp app);

    URI federationMetadataUrl(EnterpriseApp app);

    /** Downloads the IdP federation metadata XML that AWS needs. */
    String downloadFederationMetadata(EnterpriseApp app);

    // --- provisioning ---------------------------------------------------------------------------------------

    Optional<ProvisioningJob> findProvisioningJob(EnterpriseApp app);

    /** Creates the job from the {@value #SYNC_TEMPLATE_ID} template (the caller checks for an existing one). */
    ProvisioningJob createProvisioningJob(EnterpriseApp app);

    /**
     * Asks Entra to test the endpoint and token (validateCredentials); throws a CloudException with
     * problem UNAUTHENTICATED or INVALID_INPUT when Entra refuses them.
     */
    void validateCredentials(EnterpriseApp app, String jobId, ScimEndpoint endpoint, Secret token);

    /** Stores the endpoint and token in the app's synchronization secrets. */
    void saveCredentials(EnterpriseApp app, ScimEndpoint endpoint, Secret token);

    /** Starts the job; without working saved credentials the job goes to quarantine (the call itself succeeds). */
    void startJob(EnterpriseApp app, String jobId);

    void pauseJob(EnterpriseApp app, String jobId);

    /** Restarts with a full reset of the job's scope and quarantine. */
    void restartJob(EnterpriseApp app, String jobId);

    ProvisioningJob job(EnterpriseApp app, String jobId);

    /** Provisions one user or one group with at most 5 members now; limited to 5 requests per 10 s. */
    List<ProvisioningOutcome> provisionOnDemand(EnterpriseApp app, String jobId, OnDemandRequest request);

    /**
     * Provisioning log entries for this app after {@code since}, newest first. Without an Entra ID P1/P2 licence
     * there is no log: a FORBIDDEN CloudException then says so and gives the job's status instead.
     */
    List<ProvisioningEvent> provisioningLog(EnterpriseApp app, Instant since);

    // --- assignments ------------------------------------------------------------------------------------------

    List<AppAssignment> assignments(EnterpriseApp app);

    /** Assigns a user or group; a principal already assigned gets its existing assignment back. */
    AppAssignment assign(EnterpriseApp app, String principalId, PrincipalType type);

    /** Removes an assignment; one that is already gone counts as removed. */
    void unassign(EnterpriseApp app, String assignmentId);

    // --- directory --------------------------------------------------------------------------------------------

    void listUsers(Consumer<List<DirectoryUser>> onPage);

    void listGroups(Consumer<List<DirectoryGroup>> onPage);

    /** Direct members of a group (users and nested groups). */
    void listGroupMembers(String groupId, Consumer<List<GroupMember>> onPage);

    /** Users and groups whose name starts with or contains {@code text}, at most {@code limit} of each. */
    List<DirectoryUser> searchUsers(String text, int limit);

    List<DirectoryGroup> searchGroups(String text, int limit);

    Optional<DirectoryUser> user(String id);

    /** Adds a user to an Entra group (POST /groups/{id}/members/$ref); an existing member is not an error. */
    void addGroupMember(String groupId, String userId);

    /** Removes a user from an Entra group; a user who is not a member is not an error. */
    void removeGroupMember(String groupId, String userId);

    Optional<DirectoryGroup> group(String id);
}
