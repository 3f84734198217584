package dev.fedpilot.directory;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.IdentityCenter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Users, groups and memberships written to CSV or JSON: the browser's current view, or (from the command line)
 * the whole identity store. The CSV is one table with a {@code record} column (user, group, membership).
 */
public record DirectoryExport(String identityStoreId, Instant exported, List<DirectoryUser> users,
                              List<DirectoryGroup> groups, List<Link> memberships) {

    public static final List<String> CSV_HEADER = List.of("record", "id", "userName", "displayName", "email",
            "externalId", "scimManaged", "groupId", "groupName", "userId");

    public enum Format {
        CSV, JSON;

        public static Optional<Format> parse(String text) {
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text == null ? "" : text.strip())) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One membership with both names, so the file reads without a lookup. */
    public record Link(String groupId, String groupName, String userId, String userName) {
    }

    public DirectoryExport {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        memberships = List.copyOf(memberships);
    }

    /** Reads the whole identity store: users, groups, and the members of every group. Blocks. */
    public static DirectoryExport loadAll(IdentityCenter aws, IdcInstance instance, Instant now,
                                          BooleanSupplier cancelled) {
        List<DirectoryUser> users = new ArrayList<>();
        aws.listUsers(instance, users::addAll);
        List<DirectoryGroup> groups = new ArrayList<>();
        aws.listGroups(instance, groups::addAll);
        Map<String, String> userNames = new HashMap<>();
        users.forEach(u -> userNames.put(u.id(), u.userName()));
        List<Link> links = new ArrayList<>();
        for (DirectoryGroup g : groups) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("export cancelled");
            }
            aws.listMembersOfGroup(instance, g.id(), page -> page.forEach(m ->
                    links.add(new Link(g.id(), g.displayName(), m.userId(), userNames.get(m.userId())))));
        }
        return new DirectoryExport(instance.identityStoreId(), now, users, groups, links);
    }

    /** Writes the file atomically (temp file, then move), so a failed export leaves no half file behind. */
    public void write(Path file, Format format) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, ".fedpilot-export", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                if (format == Format.CSV) {
                    writeCsv(out);
                } else {
                    writeJson(out);
                }
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private void writeCsv(OutputStream stream) throws IOException {
        Writer out = new BufferedWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8));
        row(out, CSV_HEADER);
        for (DirectoryUser u : users) {
            row(out, List.of("user", u.id(), s(u.userName()), s(u.displayName()), s(u.primaryEmail()),
                    s(u.externalId()), "", "", "", ""));
        }
        for (DirectoryGroup g : groups) {
            row(out, List.of("group", g.id(), "", s(g.displayName()), "", s(g.externalId()),
                    Boolean.toString(g.scimManaged()), "", "", ""));
        }
        for (Link m : memberships) {
            row(out, List.of("membership", "", s(m.userName()), "", "", "", "", m.groupId(), s(m.groupName()),
                    m.userId()));
        }
        out.flush();
    }

    private static void row(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180 quoting; a leading = + - @ is defused so a spreadsheet shows the text instead of running it. */
    public static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private void writeJson(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("identityStoreId", identityStoreId);
            json.writeStringField("exported", exported.toString());
            json.writeArrayFieldStart("users");
            for (DirectoryUser u : users) {
                json.writeStartObject();
                json.writeStringField("id", u.id());
                json.writeStringField("userName", u.userName());
                json.writeStringField("displayName", u.displayName());
                json.writeStringField("email", u.primaryEmail());
                json.writeStringField("externalId", u.externalId());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("groups");
            for (DirectoryGroup g : groups) {
                json.writeStartObject();
                json.writeStringField("id", g.id());
                json.writeStringField("displayName", g.displayName());
                json.writeStringField("description", g.description());
                json.writeStringField("externalId", g.externalId());
                json.writeBooleanField("scimManaged", g.scimManaged());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeArrayFieldStart("memberships");
            for (Link m : memberships) {
                json.writeStartObject();
                json.writeStringField("groupId", m.groupId());
                json.writeStringField("groupName", m.groupName());
                json.writeStringField("userId", m.userId());
                json.writeStringField("userName", m.userName());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static String s(String value) {
        return value == null ? "" : value;
    }
}
