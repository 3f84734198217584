package dev.fedpilot.directory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.files.Access;
import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.port.IdentityCenter;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Users, groups and memberships written to CSV or JSON: the browser's current view, or (from the command line)
 * the whole identity store. The CSV is one table with a {@code record} column (user, group, membership).
 */
public record DirectoryExport(String identityStoreId, Instant exported, List<DirectoryUser> users,
                              List<DirectoryGroup> groups, List<Link> memberships) {

    public static final List<String> CSV_HEADER = List.of("record", "id", "userName", "displayName", "email",
            "externalId", "scimManaged", "groupId", "groupName", "userId");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

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
        return loadAll(aws, instance, now, cancelled, ExportReader.PARALLEL);
    }

    /** @param parallel requests in flight at most (1: one after the other) */
    public static DirectoryExport loadAll(IdentityCenter aws, IdcInstance instance, Instant now,
                                          BooleanSupplier cancelled, int parallel) {
        ExportReader.Store store = ExportReader.read(aws, instance, parallel, cancelled);
        Map<String, String> userNames = new HashMap<>();
        store.users().forEach(u -> userNames.put(u.id(), u.userName()));
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < store.groups().size(); i++) {
            DirectoryGroup g = store.groups().get(i);
            store.members().get(i).forEach(m ->
                    links.add(new Link(g.id(), g.displayName(), m.userId(), userNames.get(m.userId()))));
        }
        return new DirectoryExport(instance.identityStoreId(), now, store.users(), store.groups(), links);
    }

    /**
     * Writes the file through {@link AtomicFiles}: whole or not at all, and owner-only, since it lists people.
     * A device, FIFO or folder at {@code file} is refused, never replaced.
     */
    public void write(Path file, Format format) throws IOException {
        AtomicFiles.write(file, Access.OWNER_ONLY, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeTo(writer, format);
            writer.flush();
        });
    }

    /** Writes the export to {@code out} (e.g. standard output for {@code --out -}); flushes, does not close. */
    public void writeTo(Writer out, Format format) throws IOException {
        if (format == Format.CSV) {
            writeCsv(out);
        } else {
            JSON.writeValue(out, new JsonDocument(identityStoreId, exported.toString(),
                    users.stream().map(JsonUser::of).toList(), groups.stream().map(JsonGroup::of).toList(),
                    memberships));
        }
        out.flush();
    }

    /** The JSON file's shape; its field names are what scripts already read. */
    private record JsonDocument(String identityStoreId, String exported, List<JsonUser> users,
                                List<JsonGroup> groups, List<Link> memberships) {
    }

    private record JsonUser(String id, String userName, String displayName, String email, String externalId) {
        static JsonUser of(DirectoryUser u) {
            return new JsonUser(u.id(), u.userName(), u.displayName(), u.primaryEmail(), u.externalId());
        }
    }

    private record JsonGroup(String id, String displayName, String description, String externalId,
                             boolean scimManaged) {
        static JsonGroup of(DirectoryGroup g) {
            return new JsonGroup(g.id(), g.displayName(), g.description(), g.externalId(), g.scimManaged());
        }
    }

    private void writeCsv(Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        csv.printRecord(CSV_HEADER);
        for (DirectoryUser u : users) {
            row(csv, "user", u.id(), u.userName(), u.displayName(), u.primaryEmail(), u.externalId(), "", "", "", "");
        }
        for (DirectoryGroup g : groups) {
            row(csv, "group", g.id(), "", g.displayName(), "", g.externalId(), Boolean.toString(g.scimManaged()),
                    "", "", "");
        }
        for (Link m : memberships) {
            row(csv, "membership", "", m.userName(), "", "", "", "", m.groupId(), m.groupName(), m.userId());
        }
        csv.flush();
    }

    private static void row(CSVPrinter csv, String... cells) throws IOException {
        List<String> safe = new ArrayList<>(cells.length);
        for (String cell : cells) {
            safe.add(neutralised(cell));
        }
        csv.printRecord(safe);
    }

    /** A leading = + - @ (or tab, CR) is defused with a quote so a spreadsheet shows the text instead of running it. */
    public static String neutralised(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
