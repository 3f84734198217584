package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fedpilot.app.ServicesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot directory export} on the sandbox: files a script can parse, and exit codes. */
class DirectoryExportCommandTest {
    @TempDir
    Path home;
    @TempDir
    Path out;
    private final StringWriter stdout = new StringWriter();
    private final StringWriter stderr = new StringWriter();

    private int run(String... args) {
        return FedPilotCommand.run(args, new ServicesFactory(home), r -> 0, new PrintWriter(stdout),
                new PrintWriter(stderr));
    }

    /** A small RFC 4180 reader: quoted cells with doubled quotes, commas and line breaks inside. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        return rows;
    }

    @Test
    void csvHasAHeaderAndOneRowPerUserGroupAndMembership() throws IOException {
        Path file = out.resolve("directory.csv");
        assertEquals(0, run("directory", "export", "--format", "csv", "--out", file.toString(), "--sandbox"));
        assertTrue(stdout.toString().contains("Wrote 4 users, 3 groups and 4 memberships"), stdout.toString());
        assertEquals("", stderr.toString());
        List<List<String>> rows = parseCsv(Files.readString(file));
        assertEquals(List.of("record", "id", "userName", "displayName", "email", "externalId", "scimManaged",
                "groupId", "groupName", "userId"), rows.get(0));
        Map<String, Long> kinds = rows.stream().skip(1).collect(Collectors.groupingBy(r -> r.get(0),
                Collectors.counting()));
        assertEquals(Map.of("user", 4L, "group", 3L, "membership", 4L), kinds);
        assertTrue(rows.stream().allMatch(r -> r.size() == 10), "every row has every column");
        List<String> jana = rows.stream().filter(r -> r.get(2).equals("jana.novak") && r.get(0).equals("user"))
                .findFirst().orElseThrow();
        assertEquals("Jana Novak", jana.get(3));
        assertEquals("jana.novak@contoso-sandbox.example", jana.get(4));
        List<String> billing = rows.stream().filter(r -> r.get(0).equals("membership") && r.get(8).equals("billing")
                && r.get(2).equals("jana.novak")).findFirst().orElseThrow();
        assertEquals(jana.get(1), billing.get(9), "the membership row points at the user's id");
    }

    @Test
    void jsonHoldsUsersGroupsAndMemberships() throws IOException {
        Path file = out.resolve("sub/dir/directory.json");
        assertEquals(0, run("directory", "export", "--format", "JSON", "--out", file.toString(), "--sandbox"));
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        assertTrue(root.get("identityStoreId").asText().startsWith("d-"));
        assertEquals(4, root.get("users").size());
        assertEquals(3, root.get("groups").size());
        assertEquals(4, root.get("memberships").size());
        JsonNode billing = null;
        for (JsonNode g : root.get("groups")) {
            if (g.get("displayName").asText().equals("billing")) {
                billing = g;
            }
        }
        assertFalse(billing.get("scimManaged").asBoolean());
        long inBilling = 0;
        for (JsonNode m : root.get("memberships")) {
            inBilling += m.get("groupName").asText().equals("billing") ? 1 : 0;
        }
        assertEquals(3, inBilling);
    }

    @Test
    void anUnknownFormatIsBadInputInOneLine() {
        assertEquals(2, run("directory", "export", "--format", "xml", "--out", out.resolve("x").toString(),
                "--sandbox"));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().contains("Unknown format 'xml'"));
        assertFalse(Files.exists(out.resolve("x")));
    }

    @Test
    void aMissingOutOptionIsBadUsage() {
        assertEquals(2, run("directory", "export", "--format", "csv", "--sandbox"));
        assertTrue(stderr.toString().contains("--out"), stderr.toString());
        assertFalse(stderr.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void aFolderAtOutIsRefusedAsBadUsageAndLeftAlone() throws IOException {
        Path dir = Files.createDirectory(out.resolve("taken"));
        assertEquals(2, run("directory", "export", "--format", "csv", "--out", dir.toString(), "--sandbox"));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().contains("not a regular file"), stderr.toString());
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aFifoAtOutIsRefusedAndNeverReplaced() throws Exception {
        Path fifo = out.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertEquals(2, run("directory", "export", "--format", "json", "--out", fifo.toString(), "--sandbox"));
        assertTrue(stderr.toString().contains("not a regular file"), stderr.toString());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the FIFO is still there");
    }

    @Test
    void aDeviceAtOutIsRefused() {
        assertEquals(2, run("directory", "export", "--format", "csv", "--out", "/dev/null", "--sandbox"));
        assertTrue(stderr.toString().contains("not a regular file"), stderr.toString());
    }

    @Test
    void aNameTooLongInBytesIsBadUsage() {
        // 130 two-byte characters and ".csv": 134 characters, 264 bytes
        String name = "é".repeat(130) + ".csv";
        assertEquals(2, run("directory", "export", "--format", "csv", "--out", out.resolve(name).toString(),
                "--sandbox"));
        assertTrue(stderr.toString().contains("264 bytes long"), stderr.toString());
    }

    @Test
    void theExportedFileIsOwnerOnly() throws IOException {
        Path file = out.resolve("people.json");
        assertEquals(0, run("directory", "export", "--format", "json", "--out", file.toString(), "--sandbox"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }

    @Test
    void dashWritesTheDataToStandardOutputAndTheSummaryToStderr() throws IOException {
        assertEquals(0, run("directory", "export", "--format", "json", "--out", "-", "--sandbox"));
        JsonNode root = new ObjectMapper().readTree(stdout.toString());
        assertEquals(4, root.get("users").size());
        assertTrue(stderr.toString().contains("to standard output"), stderr.toString());
        assertFalse(Files.exists(Path.of("-")));
    }
}
