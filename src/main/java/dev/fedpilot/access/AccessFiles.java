package dev.fedpilot.access;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.fedpilot.directory.DirectoryExport;
import dev.fedpilot.domain.AccessGrant;
import dev.fedpilot.files.Access;
import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AccessSnapshot;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The access map as files: the CSV/JSON export (one row per user and path), and snapshots read back for a diff.
 * Exports say who can reach what, so they are written owner-only through the one file writer.
 */
public final class AccessFiles {
    public static final List<String> CSV_HEADER = List.of("user", "via group", "Entra group", "account id",
            "account name", "OU", "permission set");

    private AccessFiles() {
    }

    public enum Format { CSV, JSON }

    /** Writes every grant; returns how many rows were written. */
    public static int export(AccessMap map, Format format, Path file, Instant now) throws IOException {
        List<AccessGrant> grants = map.allGrants();
        AtomicFiles.write(file.toAbsolutePath(), Access.OWNER_ONLY, out -> {
            if (format == Format.CSV) {
                csv(map, grants, out);
            } else {
                json(map, grants, out, now);
            }
        });
        return grants.size();
    }

    /** Reads a snapshot written by {@code access snapshot}; refuses a newer schema than this FedPilot knows. */
    public static AccessSnapshot readSnapshot(Path file) throws IOException {
        AccessSnapshot snapshot = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(file.toFile(), AccessSnapshot.class);
        if (snapshot == null || snapshot.schemaVersion() < 1) {
            throw new IOException("not an access snapshot (no schemaVersion)");
        }
        if (snapshot.schemaVersion() > AccessSnapshot.SCHEMA_VERSION) {
            throw new IOException("written by a newer FedPilot (schema " + snapshot.schemaVersion() + ", this one reads "
                    + AccessSnapshot.SCHEMA_VERSION + ")");
        }
        return snapshot;
    }

    private static void csv(AccessMap map, List<AccessGrant> grants, OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord(CSV_HEADER);
        for (AccessGrant g : grants) {
            csv.printRecord(Stream.of(g.userName(), s(g.groupName()), s(g.entraGroupId()), g.accountId(),
                    map.accountName(g.accountId()), map.organization().path(g.accountId()),
                    map.permissionSetName(g.permissionSetArn())).map(DirectoryExport::neutralised).toList());
        }
        csv.flush();
    }

    private static void json(AccessMap map, List<AccessGrant> grants, OutputStream out, Instant now)
            throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("exported", now.toString());
            json.writeStringField("note", AccessMap.GRANTED_NOT_EFFECTIVE);
            if (!map.organization().complete()) {
                json.writeStringField("organization", map.organization().note());
            }
            json.writeArrayFieldStart("grants");
            for (AccessGrant g : grants) {
                writeGrant(json, map, g);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** One grant as a JSON object; shared by the export and {@code access who --json}. */
    public static void writeGrant(JsonGenerator json, AccessMap map, AccessGrant g) throws IOException {
        json.writeStartObject();
        json.writeStringField("user", g.userName());
        json.writeStringField("userId", g.userId());
        json.writeStringField("viaGroup", g.groupName());
        json.writeStringField("entraGroup", g.entraGroupId());
        json.writeStringField("accountId", g.accountId());
        json.writeStringField("accountName", map.accountName(g.accountId()));
        json.writeStringField("ou", map.organization().path(g.accountId()));
        json.writeStringField("permissionSet", map.permissionSetName(g.permissionSetArn()));
        json.writeStringField("permissionSetArn", g.permissionSetArn());
        json.writeEndObject();
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
