package dev.fedpilot.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aFailedWriteLeavesTheOldFileAndNoTempFile() throws IOException {
        Path file = dir.resolve("state.json");
        AtomicFiles.writeString(file, Access.OWNER_ONLY, "old");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(file, Access.OWNER_ONLY, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("disk full", thrown.getMessage());
        assertEquals("old", Files.readString(file));
        assertEquals(List.of("state.json"), names());
    }

    @Test
    void ownerOnlyFilesAre0600AndSharedOnesFollowTheUmask() throws IOException {
        Path secret = dir.resolve("journal.json");
        AtomicFiles.writeString(secret, Access.OWNER_ONLY, "x");
        assertEquals("rw-------", perms(secret));
        Path report = dir.resolve("report.html");
        AtomicFiles.writeString(report, Access.SHARED, "x");
        assertTrue(perms(report).startsWith("rw-"), perms(report));
    }

    @Test
    void asBeforeKeepsTheFilesOwnPermissions() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, "[default]\n");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.writeString(config, Access.AS_BEFORE, "[profile x]\n");
        assertEquals("rw-r-----", perms(config));
        assertEquals("[profile x]\n", Files.readString(config));
    }

    @Test
    void aStreamClosedByTheWriterStillGetsSynced() throws IOException {
        Path file = dir.resolve("closed.json");
        AtomicFiles.write(file, Access.OWNER_ONLY, out -> {
            out.write('{');
            out.write("}".getBytes(), 0, 1);
            out.close(); // Jackson closes what it is given
        });
        assertEquals("{}", Files.readString(file));
    }

    @Test
    void appendCreatesAnOwnerOnlyFileAndKeepsEarlierLines() throws IOException {
        Path log = dir.resolve("cloud/audit.jsonl");
        AtomicFiles.append(log, "a\n");
        AtomicFiles.append(log, "b\n");
        assertEquals("a\nb\n", Files.readString(log));
        assertEquals("rw-------", perms(log));
        assertEquals("rwx------", perms(log.getParent()));
    }

    @Test
    void aNameTooLongIsCountedInBytesAndSaidSo() {
        String name = "ü".repeat(128); // 128 characters, 256 bytes
        FileNameTooLongException e = assertThrows(FileNameTooLongException.class,
                () -> AtomicFiles.writeString(dir.resolve(name), Access.OWNER_ONLY, "x"));
        assertTrue(e.getMessage().contains("256 bytes long"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 255"), e.getMessage());
    }

    @Test
    void aNameOfExactly255BytesIsWritten() throws IOException {
        Path file = dir.resolve("a" + "ü".repeat(127));
        AtomicFiles.writeString(file, Access.OWNER_ONLY, "x");
        assertEquals("x", Files.readString(file));
    }

    @Test
    void aFolderOrFifoIsNeverReplaced() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertThrows(NotAFileException.class, () -> AtomicFiles.writeString(folder, Access.SHARED, "x"));
        Path fifo = dir.resolve("fifo");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertThrows(NotAFileException.class, () -> AtomicFiles.writeString(fifo, Access.OWNER_ONLY, "x"));
        assertTrue(Files.isDirectory(folder));
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo));
    }

    private List<String> names() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String perms(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
