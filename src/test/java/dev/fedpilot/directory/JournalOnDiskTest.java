package dev.fedpilot.directory;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.PendingJournal;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.store.JsonFileStateStore;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static dev.fedpilot.directory.DirectoryFixture.group;
import static dev.fedpilot.directory.DirectoryFixture.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pending-change journal over the real file store: never lost silently, never overwritten by another instance. */
class JournalOnDiskTest {
    private static final String MEGAN = "megan.bowen@contoso-sandbox.onmicrosoft.com";

    @TempDir
    Path home;
    @TempDir
    Path exports;

    private DirectoryFixture fixture(StateStore store) {
        return new DirectoryFixture(SandboxOptions.defaults().withConsistencyDelay(Duration.ZERO), store,
                new SameThreadTaskRunner(), exports);
    }

    private Path journalFile(DirectoryFixture f) {
        return home.resolve(PendingJournal.storeName(f.instance.identityStoreId()) + ".json");
    }

    @Test
    void anUnreadableJournalIsKeptAndTheUserIsToldWhere() throws Exception {
        DirectoryFixture f = fixture(new JsonFileStateStore(home));
        Files.writeString(journalFile(f), "{\"version\":1,\"identityStoreId\":\"" + f.instance.identityStoreId()
                + "\",\"changes\":[{\"seq\":1,");
        DirectoryViewModel model = f.open();
        assertEquals(1, f.setup.dialogs.infos.size(), f.setup.dialogs.infos.toString());
        String told = f.setup.dialogs.infos.get(0);
        assertTrue(told.contains("could not be read") && told.contains(f.instance.identityStoreId()), told);
        Path aside;
        try (var files = Files.list(home)) {
            aside = files.filter(p -> p.getFileName().toString().endsWith(".unreadable")).findFirst().orElseThrow();
        }
        assertTrue(told.contains(aside.toString()), "says where: " + told);

        model.addToGroup(group(model, "billing"), List.of(row(model, MEGAN)));
        model.pending().close();
        assertTrue(Files.readString(aside).contains("\"changes\":[{\"seq\":1,"), "the unreadable copy is kept");
        assertTrue(Files.readString(journalFile(f)).contains("megan.bowen"), "new edits go to a new journal");
    }

    @Test
    void aSecondInstanceInAnotherProcessIsToldAndOverwritesNothing() throws Exception {
        DirectoryFixture f = fixture(new JsonFileStateStore(home));
        String storeId = f.instance.identityStoreId();
        Files.writeString(journalFile(f), "{\"version\":1,\"identityStoreId\":\"" + storeId + "\",\"changes\":[],"
                + "\"updated\":\"2026-12-01T10:00:00Z\"}");
        String before = Files.readString(journalFile(f));
        Process other = new ProcessBuilder(javaExecutable(), "-cp", testClassPath(), JournalHolder.class.getName(),
                home.toString(), storeId).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(other.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("held", said.readLine());

            DirectoryViewModel model = f.open();
            assertTrue(f.setup.dialogs.infos.stream().anyMatch(i -> i.contains("Another FedPilot")),
                    f.setup.dialogs.infos.toString());
            assertFalse(model.pending().writableProperty().get());
            model.addToGroup(group(model, "billing"), List.of(row(model, MEGAN)));
            assertTrue(model.pending().changes().isEmpty(), "the edit is refused, not kept only in memory");
            model.pending().close();
            assertEquals(before, Files.readString(journalFile(f)), "the other instance's journal is untouched");
        } finally {
            other.getOutputStream().close();
            assertTrue(other.waitFor(30, TimeUnit.SECONDS));
        }
        // once the other one has gone, this one may edit
        DirectoryViewModel again = f.open();
        assertTrue(again.pending().writableProperty().get());
        again.addToGroup(group(again, "billing"), List.of(row(again, MEGAN)));
        assertEquals(1, again.pending().changes().size());
        again.pending().close();
    }

    @Test
    void aWriteInterruptedByACrashIsLookedUpAndAuditedAtTheNextStart() throws Exception {
        JsonFileStateStore store = new JsonFileStateStore(home);
        DirectoryFixture f = fixture(store);
        DirectoryGroup billing = f.awsGroup("billing");
        DirectoryUser megan = f.awsUser(MEGAN);
        DirectoryUser jana = f.awsUser("jana.novak");
        f.aws.removeMember(f.instance, billing.id(), jana.id());
        f.aws.removeMember(f.instance, billing.id(), megan.id());
        // the add for Megan reached AWS just before the crash; the one for Jana did not
        f.aws.addMember(f.instance, billing.id(), megan.id());
        store.save(PendingJournal.storeName(f.instance.identityStoreId()), new PendingJournal(PendingJournal.VERSION,
                f.instance.identityStoreId(), List.of(
                PendingChange.of(1, MembershipChange.add(billing, megan)).writing(),
                PendingChange.of(2, MembershipChange.add(billing, jana)).writing()), Instant.now()));

        DirectoryViewModel model = f.open();
        List<PendingChange> left = model.pending().changes();
        assertEquals(1, left.size(), left.toString());
        assertEquals("jana.novak", left.get(0).change().user().userName());
        assertEquals(PendingChange.Stage.NEW, left.get(0).stage(), "not done: applied again like any pending change");
        List<AuditEntry> audit = f.setup.audit.entries();
        assertTrue(audit.stream().anyMatch(e -> e.action().contains(MEGAN) && e.outcome() == AuditEntry.Outcome.OK
                && e.detail().contains("shows it done")), audit.toString());
        assertTrue(audit.stream().anyMatch(e -> e.action().contains("jana.novak")
                && e.detail().contains("stays pending")), audit.toString());
        model.pending().close();
    }

    @Test
    void anIdentityStoreWriteIsMarkedInFlightBeforeItIsSent() {
        Set<PendingChange.Stage> seen = ConcurrentHashMap.newKeySet();
        StateStore watching = new StateStore() {
            final JsonFileStateStore disk = new JsonFileStateStore(home);

            @Override
            public <T> Optional<T> load(String name, Class<T> type) {
                return disk.load(name, type);
            }

            @Override
            public void save(String name, Object document) {
                if (document instanceof PendingJournal j) {
                    j.changes().forEach(c -> seen.add(c.stage()));
                }
                disk.save(name, document);
            }

            @Override
            public void delete(String name) {
                disk.delete(name);
            }
        };
        DirectoryFixture f = fixture(watching);
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, "billing"), List.of(row(model, MEGAN)));
        model.pending().apply();
        assertTrue(seen.contains(PendingChange.Stage.WRITING), seen.toString());
        assertTrue(f.isMember("billing", MEGAN));
        model.pending().close();
    }

    @Test
    void journalFilesAreWrittenOffTheCallingThread() {
        Set<String> writers = ConcurrentHashMap.newKeySet();
        StateStore watching = new StateStore() {
            final JsonFileStateStore disk = new JsonFileStateStore(home);

            @Override
            public <T> Optional<T> load(String name, Class<T> type) {
                return disk.load(name, type);
            }

            @Override
            public void save(String name, Object document) {
                if (document instanceof PendingJournal) {
                    writers.add(Thread.currentThread().getName());
                }
                disk.save(name, document);
            }

            @Override
            public void delete(String name) {
                disk.delete(name);
            }
        };
        DirectoryFixture f = fixture(watching);
        DirectoryViewModel model = f.open();
        model.addToGroup(group(model, "billing"), List.of(row(model, MEGAN)));
        model.pending().undo();
        model.pending().close();
        assertFalse(writers.isEmpty());
        assertFalse(writers.contains(Thread.currentThread().getName()), writers.toString());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
