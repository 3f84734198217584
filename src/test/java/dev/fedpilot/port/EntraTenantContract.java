package dev.fedpilot.port;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every {@link EntraTenant} must do, whatever is behind it (Graph fake, sandbox, a real test tenant).
 * Subclasses provide the subject and a way to put users and groups into its directory.
 */
public abstract class EntraTenantContract {

    /** The implementation under test, connected to a directory the hooks below can seed. */
    protected abstract EntraTenant subject();

    /** Creates a user; returns its directory id. */
    protected abstract String seedUser(String userName, String displayName, String givenName, String familyName);

    /** Creates a group; returns its directory id. */
    protected abstract String seedGroup(String displayName);

    protected abstract void addMember(String groupId, String memberId);

    /** A SCIM endpoint and token the provisioning service behind the subject accepts. */
    protected abstract ScimCredentials validScimCredentials();

    /** What the AWS console hands out for provisioning. */
    public record ScimCredentials(ScimEndpoint endpoint, Secret token) {
    }

    /** The largest page the directory hands out, when the subclass controls it; paging is then asserted. */
    protected OptionalInt directoryPageSize() {
        return OptionalInt.empty();
    }

    /** Time between reads while waiting for eventual consistency. */
    protected Duration pollInterval() {
        return Duration.ofMillis(50);
    }

    protected int maxPolls() {
        return 100;
    }

    @Test
    void instantiatedAppBecomesReadableAndIsFoundByTheNextRun() {
        EntraTenant tenant = subject();
        Set<String> before = tenant.findAwsIdcApps().stream().map(EnterpriseApp::servicePrincipalId)
                .collect(Collectors.toSet());

        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot contract")));

        List<EnterpriseApp> after = poll(() -> {
            List<EnterpriseApp> found = tenant.findAwsIdcApps();
            return found.size() > before.size() ? Optional.of(found) : Optional.empty();
        });
        assertEquals(before.size() + 1, after.size(), "one app more, not a duplicate per run");
        EnterpriseApp adopted = after.stream().filter(a -> !before.contains(a.servicePrincipalId())).findFirst()
                .orElseThrow();
        assertEquals(app.servicePrincipalId(), adopted.servicePrincipalId());
        assertEquals(app.appId(), adopted.appId());
        assertEquals(app.applicationObjectId(), adopted.applicationObjectId());
    }

    @Test
    void samlSettingsAndSigningCertificateRoundTrip() {
        EntraTenant tenant = subject();
        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot SAML")));
        String entityId = "https://us-east-1.signin.aws.amazon.com/platform/saml/d-90670c0ffe";
        String acsUrl = "https://us-east-1.signin.aws.amazon.com/platform/saml/acs/" + UUID.randomUUID();

        tenant.configureSaml(app, entityId, acsUrl);
        SamlSettings saml = tenant.samlSettings(app);
        assertTrue(saml.samlMode(), saml.toString());
        assertEquals(List.of(entityId), saml.identifierUris());
        assertEquals(List.of(acsUrl), saml.redirectUris());

        Instant notAfter = Instant.now().atOffset(ZoneOffset.UTC).plusYears(2).toInstant().truncatedTo(ChronoUnit.SECONDS);
        CertificateInfo cert = tenant.addSigningCertificate(app, "FedPilot contract", notAfter);
        assertEquals(notAfter, cert.notAfter());
        assertEquals(Optional.of(cert), tenant.activeSigningCertificate(app));
        assertTrue(tenant.federationMetadataUrl(app).toString().contains(app.appId()));
    }

    @Test
    void assignedGroupIsListedUntilUnassigned() {
        EntraTenant tenant = subject();
        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot assignments")));
        String groupName = uniqueName("Contract group");
        String group = seedGroup(groupName);

        AppAssignment assignment = tenant.assign(app, group, PrincipalType.GROUP);
        assertEquals(group, assignment.principalId());
        assertEquals(PrincipalType.GROUP, assignment.principalType());
        assertTrue(tenant.assignments(app).contains(assignment), tenant.assignments(app).toString());

        tenant.unassign(app, assignment.id());
        assertTrue(tenant.assignments(app).stream().noneMatch(a -> a.id().equals(assignment.id())));
    }

    @Test
    void directoryListingsDeliverEverySeededObject() {
        EntraTenant tenant = subject();
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        int count = directoryPageSize().orElse(2) * 2 + 1;
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userName = marker.toLowerCase() + i + "@contoso.example";
            users.add(seedUser(userName, marker + " " + i, "Given" + i, "Family" + i));
        }
        String group = seedGroup(marker + " group");
        users.forEach(u -> addMember(group, u));

        List<List<DirectoryUser>> userPages = new ArrayList<>();
        tenant.listUsers(userPages::add);
        Set<String> listed = userPages.stream().flatMap(List::stream).map(DirectoryUser::id).collect(Collectors.toSet());
        assertTrue(listed.containsAll(users), "every seeded user is listed");

        List<List<GroupMember>> memberPages = new ArrayList<>();
        tenant.listGroupMembers(group, memberPages::add);
        assertEquals(Set.copyOf(users), memberPages.stream().flatMap(List::stream).map(GroupMember::id)
                .collect(Collectors.toSet()));

        List<List<DirectoryGroup>> groupPages = new ArrayList<>();
        tenant.listGroups(groupPages::add);
        assertTrue(groupPages.stream().flatMap(List::stream).anyMatch(g -> g.id().equals(group)));

        if (directoryPageSize().isPresent()) {
            int size = directoryPageSize().getAsInt();
            assertTrue(userPages.size() >= 3, "several pages: " + userPages.size());
            assertTrue(userPages.stream().allMatch(p -> p.size() <= size));
            assertEquals(3, memberPages.size());
        }
        List<DirectoryUser> found = poll(() -> {
            List<DirectoryUser> hits = tenant.searchUsers(marker, 100);
            return hits.size() == count ? Optional.of(hits) : Optional.empty();
        });
        assertEquals(Set.copyOf(users), found.stream().map(DirectoryUser::id).collect(Collectors.toSet()));
        assertEquals(Optional.of(marker + " 0"), tenant.user(users.get(0)).map(DirectoryUser::displayName));
    }

    @Test
    void assigningTwiceAnswersTheExistingAssignmentAndUnassigningTwiceIsDone() {
        EntraTenant tenant = subject();
        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot twice")));
        String user = seedUser(uniqueName("twice").replace(' ', '-') + "@contoso.example", "Twice", "T", "Wice");

        AppAssignment first = tenant.assign(app, user, PrincipalType.USER);
        AppAssignment second = tenant.assign(app, user, PrincipalType.USER);

        assertEquals(first, second);
        assertEquals(1, tenant.assignments(app).stream().filter(a -> a.principalId().equals(user)).count());
        tenant.unassign(app, first.id());
        tenant.unassign(app, first.id());
        assertTrue(tenant.assignments(app).isEmpty());
    }

    @Test
    void provisioningJobStartsWithoutCredentialsIntoQuarantineAndRunsOnceTheyAreSaved() {
        EntraTenant tenant = subject();
        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot job")));
        assertEquals(Optional.empty(), tenant.findProvisioningJob(app));

        ProvisioningJob job = tenant.createProvisioningJob(app);
        assertEquals(Optional.of(job.jobId()), tenant.findProvisioningJob(app).map(ProvisioningJob::jobId));
        assertEquals(ProvisioningJob.Status.NOT_CONFIGURED, tenant.job(app, job.jobId()).status());

        tenant.startJob(app, job.jobId());
        assertEquals(ProvisioningJob.Status.QUARANTINE, tenant.job(app, job.jobId()).status());

        ScimCredentials scim = validScimCredentials();
        tenant.validateCredentials(app, job.jobId(), scim.endpoint(), scim.token());
        tenant.saveCredentials(app, scim.endpoint(), scim.token());
        tenant.restartJob(app, job.jobId());
        assertEquals(ProvisioningJob.Status.ACTIVE, tenant.job(app, job.jobId()).status());
        tenant.pauseJob(app, job.jobId());
        assertEquals(ProvisioningJob.Status.PAUSED, tenant.job(app, job.jobId()).status());
    }

    @Test
    void provisionOnDemandForAUserAndAGroupShowsInTheProvisioningLog() {
        EntraTenant tenant = subject();
        Instant before = Instant.now().minusSeconds(2);
        EnterpriseApp app = readable(tenant.instantiateAwsIdcApp(uniqueName("FedPilot on demand")));
        String marker = uniqueName("od").replace(' ', '-');
        String user = seedUser(marker + "-u@contoso.example", marker + " user", "On", "Demand");
        String member = seedUser(marker + "-m@contoso.example", marker + " member", "Mem", "Ber");
        String outsider = seedUser(marker + "-o@contoso.example", marker + " outsider", "Out", "Sider");
        String group = seedGroup(marker + " group");
        addMember(group, member);
        tenant.assign(app, user, PrincipalType.USER);
        tenant.assign(app, group, PrincipalType.GROUP);
        String jobId = tenant.createProvisioningJob(app).jobId();
        ScimCredentials scim = validScimCredentials();
        tenant.saveCredentials(app, scim.endpoint(), scim.token());

        List<ProvisioningOutcome> forUser = tenant.provisionOnDemand(app, jobId, OnDemandRequest.user(user));
        List<ProvisioningOutcome> forGroup = tenant.provisionOnDemand(app, jobId,
                OnDemandRequest.group(group, List.of(member)));
        List<ProvisioningOutcome> forOutsider = tenant.provisionOnDemand(app, jobId, OnDemandRequest.user(outsider));

        assertEquals(ProvisioningOutcome.Result.SUCCESS, forUser.get(0).result(), forUser.toString());
        assertEquals(user, forUser.get(0).subjectId());
        assertEquals(group, forGroup.get(0).subjectId(), forGroup.toString());
        assertEquals(ProvisioningOutcome.Result.SUCCESS, forGroup.get(0).result(), forGroup.toString());
        assertEquals(ProvisioningOutcome.Result.SKIPPED, forOutsider.get(0).result(), forOutsider.toString());
        Set<String> logged = tenant.provisioningLog(app, before).stream()
                .filter(e -> e.outcome().result() == ProvisioningOutcome.Result.SUCCESS)
                .map(e -> e.outcome().subjectId()).collect(Collectors.toSet());
        assertTrue(logged.containsAll(Set.of(user, group, member)), logged.toString());
        assertTrue(tenant.provisioningLog(app, Instant.now().plusSeconds(60)).isEmpty());
    }

    @Test
    void groupsAreFoundAndTheirMembersChangedIdempotently() {
        EntraTenant tenant = subject();
        String marker = "Finder" + UUID.randomUUID().toString().substring(0, 8);
        String group = seedGroup(marker + " admins");
        String user = seedUser(marker.toLowerCase() + "@contoso.example", marker + " person", "Fin", "Der");

        List<DirectoryGroup> found = poll(() -> {
            List<DirectoryGroup> hits = tenant.searchGroups(marker, 10);
            return hits.isEmpty() ? Optional.empty() : Optional.of(hits);
        });
        assertEquals(List.of(group), found.stream().map(DirectoryGroup::id).toList());
        assertEquals(Optional.of(marker + " admins"), tenant.group(group).map(DirectoryGroup::displayName));

        tenant.addGroupMember(group, user);
        tenant.addGroupMember(group, user);
        assertEquals(List.of(user), members(tenant, group));
        tenant.removeGroupMember(group, user);
        tenant.removeGroupMember(group, user);
        assertEquals(List.of(), members(tenant, group));
    }

    private static List<String> members(EntraTenant tenant, String group) {
        List<String> ids = new ArrayList<>();
        tenant.listGroupMembers(group, page -> page.forEach(m -> ids.add(m.id())));
        return ids;
    }

    /** Polls readApp until both objects can be read, as the setup wizard does after instantiate. */
    protected EnterpriseApp readable(EnterpriseApp created) {
        return poll(() -> {
            try {
                return subject().readApp(created);
            } catch (CloudException e) {
                if (e.problem() == CloudException.Problem.NOT_YET_AVAILABLE) {
                    return Optional.empty();
                }
                throw e;
            }
        });
    }

    protected <T> T poll(Supplier<Optional<T>> read) {
        for (int attempt = 0; attempt < maxPolls(); attempt++) {
            Optional<T> value = read.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(pollInterval().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while polling", e);
            }
        }
        throw new AssertionError("not there after " + maxPolls() + " polls");
    }

    protected static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
