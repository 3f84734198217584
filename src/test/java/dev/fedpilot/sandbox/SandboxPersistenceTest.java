package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.store.JsonFileStateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sandbox world kept in a folder: it survives a restart, is shared by worlds on the folder, keeps no secret. */
class SandboxPersistenceTest {
    @TempDir
    Path home;

    private SandboxFolder folder() {
        return new SandboxFolder(new JsonFileStateStore(home), home);
    }

    private SandboxFixture open() {
        return new SandboxFixture(SandboxOptions.defaults(), folder());
    }

    /** A restart: a new world on the folder, on a clock that went on meanwhile (each fixture starts at START). */
    private SandboxFixture restart() {
        SandboxFixture f = open();
        f.clock.advance(Duration.ofMinutes(10));
        return f;
    }

    private static List<String> memberIds(SandboxFixture f, String group) {
        DirectoryGroup g = f.idc.findGroupByName(f.instance, group).orElseThrow();
        List<String> ids = new ArrayList<>();
        f.idc.listMembersOfGroup(f.instance, g.id(), page -> page.forEach(m -> ids.add(m.userId())));
        return ids;
    }

    private static String userId(SandboxFixture f, String userName) {
        return f.idc.findUserByName(f.instance, userName).orElseThrow().id();
    }

    private static String groupId(SandboxFixture f, String name) {
        return f.idc.findGroupByName(f.instance, name).orElseThrow().id();
    }

    @Test
    void theTenantTheConsoleAndTheIdentityStoreSurviveARestart() {
        SandboxFixture first = open();
        EnterpriseApp app = first.readyApp();
        first.federate(app);
        Secret token = first.console.generateScimToken();
        String jobId = first.provisioningApp(app, token);
        DirectoryGroup readOnly = first.entraGroup("AWS-ReadOnly");
        first.entra.assign(app, readOnly.id(), PrincipalType.GROUP);
        first.world.runProvisioningCycle();
        DirectoryGroup billing = first.entraGroup("AWS-Billing");
        String someone = first.allEntraUsers().get(20).id();
        first.entra.addGroupMember(billing.id(), someone);
        first.idc.removeMember(first.instance, groupId(first, "billing"), userId(first, "sam.okoro"));
        first.world.editEntraUser(someone, u -> new DirectoryUser(u.id(), u.userName(), "Renamed Person", u.givenName(),
                u.familyName(), u.emails(), u.phones(), u.externalId()));
        List<String> provisionedUsers = new ArrayList<>();
        first.idc.listUsers(first.instance, page -> page.stream().filter(u -> u.externalId() != null)
                .forEach(u -> provisionedUsers.add(u.id())));
        assertEquals(8, provisionedUsers.size());
        ProvisioningJob job = first.entra.job(app, jobId);

        SandboxFixture again = restart();
        assertEquals(List.of(app), again.entra.findAwsIdcApps());
        assertEquals(first.entra.samlSettings(app), again.entra.samlSettings(app));
        assertEquals(first.entra.activeSigningCertificate(app), again.entra.activeSigningCertificate(app));
        assertEquals(job, again.entra.job(app, jobId));
        assertEquals(first.entra.assignments(app), again.entra.assignments(app));
        assertEquals(first.entra.provisioningLog(app, null), again.entra.provisioningLog(app, null));
        assertTrue(again.console.externalIdpConfigured());
        assertEquals(first.console.scimTokens(), again.console.scimTokens());
        assertEquals(first.console.scimTokens().get(0), again.console.scimToken(token).orElseThrow(),
                "the restarted console still knows the token by its digest");
        List<String> provisionedAgain = new ArrayList<>();
        again.idc.listUsers(again.instance, page -> page.stream().filter(u -> u.externalId() != null)
                .forEach(u -> provisionedAgain.add(u.id())));
        assertEquals(provisionedUsers, provisionedAgain);
        assertEquals(memberIds(first, "AWS-ReadOnly"), memberIds(again, "AWS-ReadOnly"));
        assertFalse(memberIds(again, "billing").contains(userId(again, "sam.okoro")));
        assertEquals("Renamed Person", again.entra.user(someone).orElseThrow().displayName());
        List<String> billingMembers = new ArrayList<>();
        again.entra.listGroupMembers(billing.id(), page -> page.forEach(m -> billingMembers.add(m.id())));
        assertTrue(billingMembers.contains(someone));

        // the saved token still works: provisioning goes on in the restarted world
        again.entra.assign(app, again.entraGroup("AWS-Billing").id(), PrincipalType.GROUP);
        again.world.runProvisioningCycle();
        assertEquals("Succeeded", again.entra.job(app, jobId).lastExecution().state());
        assertTrue(memberIds(again, "AWS-Billing").size() >= 3);
    }

    @Test
    void newIdsAfterARestartDoNotRepeatSavedOnes() {
        SandboxFixture first = open();
        EnterpriseApp one = first.readyApp();
        SandboxFixture again = restart();
        EnterpriseApp two = again.readyApp();
        assertFalse(one.servicePrincipalId().equals(two.servicePrincipalId()));
        SandboxFixture third = restart();
        third.clock.advance(Duration.ofMinutes(10));
        assertEquals(2, third.entra.findAwsIdcApps().size());
    }

    @Test
    void twoWorldsOnOneFolderSeeEachOthersChangesAndNeitherOverwritesTheOther() {
        SandboxFixture window = open();
        SandboxFixture cli = open();
        String auditors = groupId(window, "auditors");
        window.idc.addMember(window.instance, auditors, userId(window, "jana.novak"));
        cli.idc.addMember(cli.instance, auditors, userId(cli, "sam.okoro"));
        List<String> expected = List.of(userId(window, "jana.novak"), userId(window, "sam.okoro"));
        assertEquals(expected.stream().sorted().toList(), memberIds(window, "auditors").stream().sorted().toList(),
                "the first world reads what the second saved");
        assertEquals(expected.stream().sorted().toList(), memberIds(cli, "auditors").stream().sorted().toList());
        assertEquals(expected.stream().sorted().toList(), memberIds(open(), "auditors").stream().sorted().toList(),
                "both changes are on disk");
    }

    @Test
    void changesFromManyThreadsOnTwoWorldsAreAllKept() throws InterruptedException {
        SandboxFixture a = open();
        SandboxFixture b = open();
        String auditors = groupId(a, "auditors");
        List<DirectoryUser> users = new ArrayList<>();
        a.idc.listUsers(a.instance, users::addAll);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            SandboxFixture world = i % 2 == 0 ? a : b;
            String user = users.get(i).id();
            Thread t = new Thread(() -> world.idc.addMember(world.instance, auditors, user));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(users.size(), memberIds(open(), "auditors").size());
    }

    @Test
    void aResetFolderStartsOverAndOpenWorldsFollow() {
        SandboxFixture window = open();
        window.readyApp();
        String auditors = groupId(window, "auditors");
        window.idc.addMember(window.instance, auditors, userId(window, "jana.novak"));
        folder().reset();
        assertEquals(List.of(), open().entra.findAwsIdcApps());
        assertEquals(List.of(), memberIds(window, "auditors"), "the open world went back to the seed");
        assertTrue(window.entra.findAwsIdcApps().isEmpty());
        assertEquals(List.of(), open().console.scimTokens());
    }

    @Test
    void noScimTokenReachesTheFolder() throws IOException {
        SandboxFixture f = open();
        EnterpriseApp app = f.readyApp();
        f.federate(app);
        Secret token = f.console.generateScimToken();
        f.provisioningApp(app, token);
        Secret spare = f.console.generateScimToken();
        for (Secret secret : List.of(token, spare)) {
            String text = secret.revealAsString();
            assertTrue(text.length() > 100);
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertFalse(content.contains(text), file + " holds a SCIM token");
                    assertFalse(content.contains(text.substring(0, 40)), file + " holds part of a SCIM token");
                }
            }
        }
        assertTrue(Files.exists(home.resolve("sandbox-world.json")));
    }

    @Test
    void aWorldSavedWithAnotherSeedIsNotMixedIn() {
        SandboxFixture first = open();
        first.readyApp();
        SandboxFixture other = new SandboxFixture(SandboxOptions.defaults().withSeed(7), folder());
        assertTrue(other.entra.findAwsIdcApps().isEmpty());
    }

    @Test
    void theLargePresetSavesOnlyItsChanges() throws IOException {
        SandboxOptions large = SandboxOptions.defaults().withScale(SandboxScale.LARGE);
        SandboxFixture f = new SandboxFixture(large, folder());
        List<DirectoryGroup> groups = new ArrayList<>();
        f.idc.listGroups(f.instance, page -> groups.addAll(page.subList(0, Math.min(5, page.size()))));
        List<DirectoryUser> users = new ArrayList<>();
        f.idc.listUsers(f.instance, page -> {
            if (users.size() < 20) {
                users.addAll(page.subList(0, 10));
            }
        });
        for (int i = 0; i < 20; i++) {
            f.idc.addMember(f.instance, groups.get(i % groups.size()).id(), users.get(i).id());
        }
        List<Membership> removed = new ArrayList<>();
        f.idc.listMembersOfGroup(f.instance, groups.get(0).id(), removed::addAll);
        f.idc.removeMember(f.instance, groups.get(0).id(), removed.get(0).userId());
        long size = Files.size(home.resolve("sandbox-world.json"));
        assertTrue(size < 64 * 1024, "a LARGE world with a few changes saved " + size + " bytes");

        SandboxFixture again = new SandboxFixture(large, folder());
        List<String> members = new ArrayList<>();
        again.idc.listMembersOfGroup(again.instance, groups.get(1).id(), page -> page.forEach(m -> members.add(m.userId())));
        assertTrue(members.contains(users.get(1).id()));
        List<String> first = new ArrayList<>();
        again.idc.listMembersOfGroup(again.instance, groups.get(0).id(), page -> page.forEach(m -> first.add(m.userId())));
        assertFalse(first.contains(removed.get(0).userId()));
        assertEquals(users.get(0).id(), again.idc.findUserByName(again.instance, users.get(0).userName()).orElseThrow().id());
    }

    @Test
    void aWorldWithoutAFolderStaysInMemory() {
        SandboxFixture memory = new SandboxFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO));
        memory.readyApp();
        assertEquals(0, home.toFile().list().length);
    }

    @Test
    void afterARestartTheRehearsalCanAlwaysGenerateATokenAndKeepsTheOneInUse() {
        SandboxFixture first = open();
        EnterpriseApp app = first.readyApp();
        first.federate(app);
        Secret used = first.console.generateScimToken();
        first.provisioningApp(app, used);
        first.console.generateScimToken();

        SandboxFixture again = restart();
        Secret fresh = new SimulatedAwsConsole(again.console).generateScimToken();
        assertEquals(SandboxAwsConsole.MAX_SCIM_TOKENS, again.console.scimTokens().size());
        assertTrue(again.console.scimToken(used).isPresent(), "the token provisioning uses was kept");
        assertTrue(again.console.scimToken(fresh).isPresent());
    }

    @Test
    void anIdleProvisioningCycleSavesNothing() throws IOException {
        SandboxFixture f = open();
        f.readyApp();
        Path world = home.resolve("sandbox-world.json");
        String before = Files.readString(world);
        f.world.runProvisioningCycle();
        assertEquals(before, Files.readString(world));
    }
}
