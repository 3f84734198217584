package dev.fedpilot.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fedpilot.access.AccessFiles;
import dev.fedpilot.domain.AccessDiff;
import dev.fedpilot.domain.AccessSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fedpilot access diff OLD.json NEW.json [--json] [--exit-code]}: what changed between two snapshots. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Compare two access snapshots: grants added and removed, permission sets changed. Exit code 0 "
                + "(with --exit-code: 0 the same, 1 different); 2: a file is missing or not a snapshot.")
final class AccessDiffCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD.json", description = "The earlier snapshot.")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW.json", description = "The later snapshot.")
    Path newer;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Option(names = "--exit-code", description = "Exit 1 when the snapshots differ, as git diff --exit-code.")
    boolean exitCode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AccessDiff diff = AccessDiff.between(read(older), read(newer));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            printJson(out, diff);
        } else {
            out.println(diff.summary() + ".");
            diff.added().forEach(g -> out.println("+ " + g));
            diff.removed().forEach(g -> out.println("- " + g));
            diff.permissionSets().forEach(p -> out.println("~ permission set " + p.name() + " "
                    + p.kind().name().toLowerCase(Locale.ROOT)));
        }
        out.flush();
        return exitCode && !diff.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    private static AccessSnapshot read(Path file) {
        try {
            return AccessFiles.readSnapshot(file);
        } catch (IOException e) {
            String why = e instanceof java.nio.file.NoSuchFileException || e instanceof java.io.FileNotFoundException
                    ? "no such file" : e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new UsageException("Cannot read the snapshot " + file + " (" + why + ").");
        }
    }

    private static void printJson(PrintWriter out, AccessDiff diff) {
        try {
            JsonGenerator json = new JsonFactory().createGenerator(out);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("summary", diff.summary());
            grants(json, "added", diff.added());
            grants(json, "removed", diff.removed());
            json.writeArrayFieldStart("permissionSets");
            for (AccessDiff.PermissionSetChange p : diff.permissionSets()) {
                json.writeStartObject();
                json.writeStringField("arn", p.arn());
                json.writeStringField("name", p.name());
                json.writeStringField("change", p.kind().name().toLowerCase(Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void grants(JsonGenerator json, String field, List<AccessSnapshot.Grant> grants)
            throws IOException {
        json.writeArrayFieldStart(field);
        for (AccessSnapshot.Grant g : grants) {
            json.writeStartObject();
            json.writeStringField("accountId", g.accountId());
            json.writeStringField("accountName", g.accountName());
            json.writeStringField("permissionSet", g.permissionSetName());
            json.writeStringField("principalType", g.principalType());
            json.writeStringField("principal", g.principalName());
            json.writeStringField("principalId", g.principalId());
            json.writeEndObject();
        }
        json.writeEndArray();
    }
}
