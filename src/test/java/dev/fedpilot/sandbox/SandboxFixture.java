package dev.fedpilot.sandbox;

import dev.fedpilot.testing.TestClock;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A sandbox world on a hand-moved clock, with the setup steps the tests share. */
final class SandboxFixture {
    static final Instant START = Instant.parse("2027-03-01T09:00:00Z");

    final TestClock clock = new TestClock(START);
    final dev.fedpilot.testing.MovingSleeper sleeper = new dev.fedpilot.testing.MovingSleeper(clock);
    final SandboxWorld world;
    final EntraTenant entra;
    final IdentityCenter idc;
    final SandboxAwsConsole console;
    final IdcInstance instance;

    SandboxFixture() {
        this(SandboxOptions.defaults());
    }

    SandboxFixture(SandboxOptions options) {
        this(options, null);
    }

    /** A world kept in {@code folder} (null: in memory only). */
    SandboxFixture(SandboxOptions options, SandboxFolder folder) {
        world = new SandboxWorld(options, clock, folder, sleeper);
        entra = world.entraTenant();
        idc = world.identityCenter();
        console = world.console();
        instance = idc.instances().get(0);
    }

    /** Instantiates the app and waits out the consistency delay. */
    EnterpriseApp readyApp() {
        EnterpriseApp app = entra.instantiateAwsIdcApp("AWS IAM Identity Center");
        clock.advance(world.options().consistencyDelay().plusSeconds(1));
        return app;
    }

    /** SAML both ways, so AWS offers automatic provisioning. */
    void federate(EnterpriseApp app) {
        entra.configureSaml(app, console.samlEntityId(), console.samlAcsUrl());
        entra.addSigningCertificate(app, "CN=AWS IAM Identity Center", clock.instant().plus(Duration.ofDays(3 * 365)));
        console.uploadIdpMetadata(entra.downloadFederationMetadata(app));
    }

    /** A federated app with a started provisioning job using a fresh token; returns the job id. */
    String provisioningApp(EnterpriseApp app, Secret token) {
        String jobId = entra.createProvisioningJob(app).jobId();
        entra.validateCredentials(app, jobId, console.scimEndpoint(), token);
        entra.saveCredentials(app, console.scimEndpoint(), token);
        entra.startJob(app, jobId);
        return jobId;
    }

    DirectoryGroup entraGroup(String name) {
        return entra.searchGroups(name, 50).stream().filter(g -> g.displayName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no Entra group " + name));
    }

    DirectoryUser entraUserByDisplayName(String displayName) {
        return allEntraUsers().stream().filter(u -> displayName.equals(u.displayName())).findFirst()
                .orElseThrow(() -> new AssertionError("no Entra user " + displayName));
    }

    List<DirectoryUser> allEntraUsers() {
        List<DirectoryUser> users = new ArrayList<>();
        entra.listUsers(users::addAll);
        return users;
    }

    List<DirectoryUser> directUserMembers(DirectoryGroup group) {
        List<DirectoryUser> users = new ArrayList<>();
        entra.listGroupMembers(group.id(), page -> page.stream().filter(m -> m.type() == PrincipalType.USER)
                .forEach(m -> users.add(entra.user(m.id()).orElseThrow())));
        return users;
    }

    List<DirectoryUser> awsUsers() {
        List<DirectoryUser> users = new ArrayList<>();
        idc.listUsers(instance, users::addAll);
        return users;
    }

    List<Membership> awsMembers(String groupId) {
        List<Membership> members = new ArrayList<>();
        idc.listMembersOfGroup(instance, groupId, members::addAll);
        return members;
    }
}
