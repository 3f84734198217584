package dev.fedpilot.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fedpilot.app.ServicesFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fedpilot access ...} on the sandbox organization, as a user runs it: output, files and exit codes. */
class AccessCommandTest {
    @TempDir
    Path home;
    private StringWriter stdout = new StringWriter();
    private StringWriter stderr = new StringWriter();

    private int run(String... args) {
        stdout = new StringWriter();
        stderr = new StringWriter();
        return FedPilotCommand.run(args, new ServicesFactory(home), r -> 0, new PrintWriter(stdout),
                new PrintWriter(stderr));
    }

    private String out() {
        return stdout.toString();
    }

    @Test
    void whoShowsEveryGrantWithItsPathAndSaysItIsGrantedNotEffective() {
        assertEquals(0, run("access", "who", "--user", "jana.novak", "--sandbox"), stderr.toString());
        assertTrue(out().startsWith("jana.novak can reach 3 account(s) through 4 grant(s):"), out());
        assertTrue(out().contains("Payments Prod (555555555555)  ReadOnlyAccess  direct"), out());
        assertTrue(out().contains("Payments Prod (555555555555)  ReadOnlyAccess  via group billing"), out());
        assertTrue(out().contains("Contoso Management (123456789012)  Billing  via group billing"), out());
        assertTrue(out().contains("SCPs") || out().contains("service control policies"), out());
        assertEquals("", stderr.toString());
    }

    @Test
    void whoAcceptsAUniqueDisplayNameAndPrintsJson() throws IOException {
        assertEquals(0, run("access", "who", "--user", "jana novak", "--json", "--sandbox"), stderr.toString());
        JsonNode json = new ObjectMapper().readTree(out());
        assertEquals("jana.novak", json.get("user").asText());
        assertEquals(4, json.get("grants").size());
        assertTrue(json.get("note").asText().contains("not effective"));
    }

    @Test
    void anUnknownUserExitsTwoWithOneLine() {
        assertEquals(2, run("access", "who", "--user", "ghost", "--sandbox"));
        assertEquals(1, stderr.toString().strip().lines().count(), stderr.toString());
        assertTrue(stderr.toString().startsWith("fedpilot: No user named 'ghost'"), stderr.toString());
        assertEquals("", out());
    }

    @Test
    void exportWritesOneCsvRowPerUserAndPathWithTheEntraColumns() throws IOException {
        Path csv = home.resolve("access.csv");
        assertEquals(0, run("access", "export", "--format", "csv", "--out", csv.toString(), "--sandbox"),
                stderr.toString());
        List<String> lines = Files.readAllLines(csv);
        assertEquals("user,via group,Entra group,account id,account name,OU,permission set", lines.get(0));
        assertTrue(lines.contains("breakglass-admin,AWSAdministrators,,222222222222,Audit,Root/Security,"
                + "AdministratorAccess"), lines.toString());
        assertTrue(lines.contains("jana.novak,,,555555555555,Payments Prod,Root/Workloads/Production,ReadOnlyAccess"),
                lines.toString());
        assertTrue(out().startsWith("Wrote " + (lines.size() - 1) + " grants (12 accounts,"), out());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(csv)));

        Path json = home.resolve("access.json");
        assertEquals(0, run("access", "export", "--format", "JSON", "--out", json.toString(), "--sandbox"));
        assertEquals(lines.size() - 1, new ObjectMapper().readTree(json.toFile()).get("grants").size());
        assertEquals(2, run("access", "export", "--format", "xml", "--out", json.toString(), "--sandbox"));
    }

    @Test
    void aDryRunOverAnOuListsItsAccountsNestedOnesIncludedAndChangesNothing() {
        assertEquals(0, run("access", "assign", "--group", "auditors", "--ou", "ou-sb42-workloads",
                "--permission-set", "readonlyaccess", "--dry-run", "--sandbox"), stderr.toString());
        assertTrue(out().startsWith("OU ou-sb42-workloads (Root/Workloads) holds 5 account(s), nested OUs included:"),
                out());
        assertTrue(out().contains("888888888888  Payments Dev  Root/Workloads/Non-Production/Development"), out());
        assertTrue(out().contains("accounts added to this OU later get nothing"), out());
        assertEquals(5, out().lines().filter(l -> l.startsWith("Would assign group auditors → ReadOnlyAccess in "))
                .count(), out());
        assertTrue(out().contains("Dry run: nothing was changed."));
    }

    @Test
    void assignFollowsEachChangeToTheEndAndWhatExistsOrIsGoneIsAlreadySo() {
        assertEquals(0, run("access", "assign", "--group", "auditors", "--ou", "ou-sb42-prod",
                "--permission-set", "ReadOnlyAccess", "--sandbox"), stderr.toString());
        assertTrue(out().contains("Done: Assign group auditors → ReadOnlyAccess in Payments Prod (555555555555)."),
                out());
        assertTrue(out().contains("Done: Assign group auditors → ReadOnlyAccess in Web Prod (666666666666)."), out());

        assertEquals(0, run("access", "assign", "--group", "awsadministrators", "--account", "111111111111",
                "--permission-set", "AdministratorAccess", "--sandbox"), stderr.toString());
        assertEquals("Already so: Assign group AWSAdministrators → AdministratorAccess in Log Archive (111111111111).",
                out().strip());

        assertEquals(0, run("access", "unassign", "--user", "sam.okoro", "--account", "111111111111",
                "--permission-set", "AdministratorAccess", "--sandbox"), stderr.toString());
        assertTrue(out().startsWith("Already so (no such assignment): Unassign user sam.okoro"), out());

        assertEquals(0, run("access", "unassign", "--user", "jana.novak", "--account", "555555555555",
                "--permission-set", "ReadOnlyAccess", "--sandbox"), stderr.toString());
        assertEquals("Done: Unassign user jana.novak → ReadOnlyAccess in Payments Prod (555555555555).", out().strip());
    }

    @Test
    void badNamesAndOptionsExitTwo() {
        assertEquals(2, run("access", "assign", "--group", "auditors", "--account", "111111111111",
                "--permission-set", "PowerUsers", "--sandbox"));
        assertTrue(stderr.toString().startsWith("fedpilot: No permission set named 'PowerUsers'; there are: "
                + "AdministratorAccess, Billing,"), stderr.toString());
        assertEquals(2, run("access", "assign", "--group", "auditors", "--account", "12345",
                "--permission-set", "Billing", "--sandbox"));
        assertEquals(2, run("access", "assign", "--group", "auditors", "--account", "000000000000",
                "--permission-set", "Billing", "--sandbox"));
        assertEquals(2, run("access", "assign", "--group", "auditors", "--ou", "ou-nope",
                "--permission-set", "Billing", "--sandbox"));
        assertEquals(2, run("access", "assign", "--group", "auditors", "--user", "jana.novak", "--account",
                "111111111111", "--permission-set", "Billing", "--sandbox"));
        assertEquals(2, run("access", "unassign", "--group", "nobody", "--account", "111111111111",
                "--permission-set", "Billing", "--sandbox"));
    }

    @Test
    void aSnapshotIsSavedOwnerOnlyAndDiffReportsWhatChanged() throws IOException {
        assertEquals(0, run("access", "snapshot", "--sandbox"), stderr.toString());
        assertTrue(out().startsWith("Saved access-snapshot-"), out());
        Path saved;
        try (Stream<Path> files = Files.list(home)) {
            saved = files.filter(p -> p.getFileName().toString().startsWith("access-snapshot-")).findFirst()
                    .orElseThrow();
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(saved)));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode later = (ObjectNode) mapper.readTree(saved.toFile());
        assertEquals(1, later.get("schemaVersion").asInt());
        int grants = later.get("grants").size();
        ((ArrayNode) later.get("grants")).remove(0);
        ((ObjectNode) later.get("permissionSets").get(0)).put("fingerprint", "changed");
        Path newer = home.resolve("newer.json");
        mapper.writeValue(newer.toFile(), later);

        assertEquals(0, run("access", "diff", saved.toString(), newer.toString()));
        assertTrue(out().startsWith("0 grants added, 1 removed, 1 permission set changed."), out());
        assertTrue(out().lines().anyMatch(l -> l.startsWith("- group AWSAdministrators → AdministratorAccess in")),
                out());
        assertEquals(1, run("access", "diff", saved.toString(), newer.toString(), "--exit-code"));
        assertEquals(0, run("access", "diff", saved.toString(), saved.toString(), "--exit-code"));
        assertTrue(out().startsWith("0 grants added, 0 removed, 0 permission sets changed."), out());
        assertEquals(0, run("access", "diff", newer.toString(), saved.toString(), "--json"));
        JsonNode json = mapper.readTree(out());
        assertEquals(1, json.get("added").size());
        assertEquals(grants, later.get("grants").size() + 1);

        assertEquals(2, run("access", "diff", home.resolve("missing.json").toString(), saved.toString()));
        assertTrue(stderr.toString().contains("no such file"), stderr.toString());
        Files.writeString(newer, "{\"schemaVersion\": 9, \"grants\": []}");
        assertEquals(2, run("access", "diff", newer.toString(), saved.toString()));
        assertTrue(stderr.toString().contains("newer FedPilot"), stderr.toString());
    }
}
