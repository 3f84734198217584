package dev.fedpilot.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonFileStateStoreTest {
    record Progress(int version, String step, Instant at, List<String> ids) {
    }

    @TempDir
    Path dir;

    @Test
    void documentsRoundTripWithDates() {
        var store = new JsonFileStateStore(dir.resolve("new-folder"));
        var doc = new Progress(1, "scim", Instant.parse("2026-11-27T10:15:30Z"), List.of("a", "b"));
        store.save("setup", doc);
        assertEquals(Optional.of(doc), store.load("setup", Progress.class));
        assertTrue(Files.exists(dir.resolve("new-folder/setup.json")));
    }

    @Test
    void aSaveReplacesTheDocumentAndLeavesNoTempFiles() throws Exception {
        var store = new JsonFileStateStore(dir);
        store.save("setup", new Progress(1, "a", null, List.of()));
        store.save("setup", new Progress(1, "b", null, List.of()));
        assertEquals("b", store.load("setup", Progress.class).orElseThrow().step());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("setup.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void anUnreadableDocumentIsSetAsideNotLost() throws Exception {
        Files.writeString(dir.resolve("setup.json"), "{ truncated");
        var store = new JsonFileStateStore(dir);
        assertEquals(Optional.empty(), store.load("setup", Progress.class));
        Path aside = Path.of(store.setAside("setup").orElseThrow());
        assertEquals("{ truncated", Files.readString(aside));
        assertFalse(Files.exists(dir.resolve("setup.json")));
    }

    @Test
    void aSecondUnreadableDocumentDoesNotReplaceTheFirstSetAside() throws Exception {
        var store = new JsonFileStateStore(dir);
        Files.writeString(dir.resolve("setup.json"), "{ first");
        store.load("setup", Progress.class);
        String first = store.setAside("setup").orElseThrow();
        Files.writeString(dir.resolve("setup.json"), "{ second");
        store.load("setup", Progress.class);
        String second = store.setAside("setup").orElseThrow();
        assertNotEquals(first, second);
        assertEquals("{ first", Files.readString(Path.of(first)));
        assertEquals("{ second", Files.readString(Path.of(second)));
    }

    @Test
    void documentsAreOwnerOnlyAndAnOlderOpenFolderIsTightened() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("logs"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path old = Files.writeString(home.resolve("logs/fedpilot.log"), "old");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        var store = new JsonFileStateStore(home);
        store.tighten();
        store.save("setup", new Progress(1, "a", null, List.of()));
        assertEquals("rwx------", perms(home));
        assertEquals("rwx------", perms(home.resolve("logs")));
        assertEquals("rw-------", perms(old));
        assertEquals("rw-------", perms(home.resolve("setup.json")));
    }

    @Test
    void aNewFolderIsCreatedOwnerOnly() throws Exception {
        var store = new JsonFileStateStore(dir.resolve("a/b"));
        store.save("setup", new Progress(1, "a", null, List.of()));
        assertEquals("rwx------", perms(dir.resolve("a/b")));
    }

    private static String perms(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void namesThatCouldEscapeTheFolderAreRefused() {
        var store = new JsonFileStateStore(dir);
        assertThrows(IllegalArgumentException.class, () -> store.save("../evil", "x"));
    }

    @Test
    void missingDocumentsAreEmpty() {
        assertEquals(Optional.empty(), new JsonFileStateStore(dir).load("nothing", Progress.class));
    }
}
