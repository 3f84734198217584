package dev.fedpilot.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.fedpilot.directory.DirectoryFixture.group;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export writes what the browser shows: the searched users, the groups, and the selection's memberships. */
class ViewExportTest {
    @TempDir
    Path dir;

    @Test
    void csvAndJsonHoldTheCurrentView() throws IOException {
        DirectoryFixture f = new DirectoryFixture(dir);
        DirectoryViewModel model = f.open();
        model.users().queryProperty().set("jana");
        model.selectGroup(group(model, "billing"));

        Path csv = dir.resolve("view.csv");
        model.export(csv, DirectoryExport.Format.CSV);
        List<List<String>> rows = Files.readAllLines(csv).stream().map(l -> List.of(l.split(",", -1))).toList();
        Map<String, Long> kinds = rows.stream().skip(1).collect(Collectors.groupingBy(r -> r.get(0),
                Collectors.counting()));
        assertEquals(Map.of("user", 1L, "group", 3L, "membership", 3L), kinds);
        assertEquals("jana.novak", rows.get(1).get(2));
        assertTrue(f.setup.dialogs.infos.get(0).contains("Wrote 1 user, 3 groups and 3 memberships"),
                f.setup.dialogs.infos.toString());

        Path json = dir.resolve("view.json");
        model.export(json, DirectoryExport.Format.JSON);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(1, root.get("users").size());
        assertEquals(3, root.get("memberships").size());
        assertEquals("billing", root.get("memberships").get(0).get("groupName").asText());
    }

    @Test
    void aCellThatASpreadsheetWouldRunIsWrittenAsText() throws IOException {
        DirectoryExport export = new DirectoryExport("d-1", java.time.Instant.EPOCH,
                List.of(new dev.fedpilot.domain.DirectoryUser("u-1", "=HYPERLINK(\"x\")", "+1 555", null, null,
                        List.of("-a@b"), List.of(), "@x")), List.of(), List.of());
        java.io.StringWriter text = new java.io.StringWriter();
        export.writeTo(text, DirectoryExport.Format.CSV);
        String row = text.toString().split("\r\n")[1];
        assertEquals("user,u-1,\"'=HYPERLINK(\"\"x\"\")\",'+1 555,'-a@b,'@x,,,,", row);
    }

    @Test
    void theExportIsReadableByItsOwnerOnly() throws IOException {
        DirectoryExport export = new DirectoryExport("d-1", java.time.Instant.EPOCH, List.of(), List.of(), List.of());
        Path file = dir.resolve("people.csv");
        export.write(file, DirectoryExport.Format.CSV);
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
    }
}
