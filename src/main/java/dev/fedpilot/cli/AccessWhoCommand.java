package dev.fedpilot.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.fedpilot.access.AccessFiles;
import dev.fedpilot.access.UserAccess;
import dev.fedpilot.domain.AccessGrant;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.DirectoryUser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fedpilot access who --user NAME [--json]}: every account and permission set one user can reach, and how. */
@Command(name = "who", mixinStandardHelpOptions = true,
        description = "Show every account and permission set a user can reach, directly or through which group (and "
                + "for provisioned groups, which Entra group). Exit code 0: shown; 1: failed; 2: no such user.")
final class AccessWhoCommand implements Callable<Integer> {

    @Option(names = "--user", required = true, paramLabel = "NAME",
            description = "The user's userName, or display name when only one user has it.")
    String user;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Mixin
    CloudOptions cloud;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (AccessCli cli = AccessCli.open(spec, cloud)) {
            DirectoryUser found = AccessCli.named(() -> cli.lookup.user(cli.instance, user));
            AccessMap map = new UserAccess(cli.access, cli.identityCenter, cli.calls)
                    .load(cli.instance, found);
            List<AccessGrant> grants = map.whoCanReachWhat(found.id());
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                printJson(out, map, found, grants);
            } else {
                out.println(found.userName() + " can reach " + grants.stream().map(AccessGrant::accountId).distinct()
                        .count() + " account(s) through " + grants.size() + " grant(s):");
                for (AccessGrant g : grants) {
                    String account = map.accountName(g.accountId());
                    out.println("  " + (account.equals(g.accountId()) ? account : account + " (" + g.accountId() + ")")
                            + "  " + map.permissionSetName(g.permissionSetArn()) + "  " + (g.direct() ? "direct"
                            : "via group " + g.groupName() + (g.entraGroupId() == null ? ""
                            : " (Entra group " + g.entraGroupId() + ")")));
                }
                if (!map.organization().complete()) {
                    out.println("Note: " + map.organization().note());
                }
                out.println(AccessMap.GRANTED_NOT_EFFECTIVE);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    private static void printJson(PrintWriter out, AccessMap map, DirectoryUser user, List<AccessGrant> grants) {
        try {
            JsonGenerator json = new JsonFactory().createGenerator(out);
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("user", user.userName());
            json.writeStringField("userId", user.id());
            json.writeStringField("note", AccessMap.GRANTED_NOT_EFFECTIVE);
            if (!map.organization().complete()) {
                json.writeStringField("organization", map.organization().note());
            }
            json.writeArrayFieldStart("grants");
            for (AccessGrant g : grants) {
                AccessFiles.writeGrant(json, map, g);
            }
            json.writeEndArray();
            json.writeEndObject();
            json.flush();
            out.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
