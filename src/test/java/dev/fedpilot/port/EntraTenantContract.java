package dev.fedpilot.port;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SamlSettings;
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
