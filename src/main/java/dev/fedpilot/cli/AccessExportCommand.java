package dev.fedpilot.cli;

import dev.fedpilot.access.AccessFiles;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.CloudException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code fedpilot access export --format csv|json --out FILE}: every user's path to every account. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write who can reach which account (user, via group, Entra group, account id, account name, OU,"
                + " permission set) to a CSV or JSON file. Exit code 0: written; 1: reading or writing failed; "
                + "2: bad options.")
final class AccessExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "csv|json", description = "csv or json.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write (replaced).")
    Path out;

    @Mixin
    CloudOptions cloud;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        AccessFiles.Format chosen = switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> AccessFiles.Format.CSV;
            case "json" -> AccessFiles.Format.JSON;
            default -> throw new UsageException("Unknown format '" + format + "' for --format; use csv or json.");
        };
        try (AccessCli cli = AccessCli.open(spec, cloud)) {
            AccessMap map = cli.loadAll();
            int rows;
            try {
                rows = AccessFiles.export(map, chosen, out, Clock.systemUTC().instant());
            } catch (IOException e) {
                throw new CloudException(CloudException.Problem.UNEXPECTED, "Could not write " + out + ": "
                        + e.getMessage() + ".", "Check that the folder is writable and the disk is not full.", null, e);
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf("Wrote %d grants (%d accounts, %d assignments) to %s.%n", rows,
                    map.organization().accounts().size(), map.assignments().size(), out);
            if (!map.organization().complete()) {
                stdout.println("Note: " + map.organization().note());
            }
            stdout.println(AccessMap.GRANTED_NOT_EFFECTIVE);
            stdout.flush();
            return ExitCodes.OK;
        }
    }
}
