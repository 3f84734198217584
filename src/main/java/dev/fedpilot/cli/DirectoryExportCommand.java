package dev.fedpilot.cli;

import dev.fedpilot.app.CliSession;
import dev.fedpilot.directory.DirectoryExport;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.FileNameTooLongException;
import dev.fedpilot.files.NotAFileException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code fedpilot directory export --format csv|json --out FILE}: the whole identity store to one file. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write every user, group and membership of the identity store to a CSV or JSON file."
                + " Exit code 0: written; 1: reading or writing failed; 2: bad options.")
final class DirectoryExportCommand implements Callable<Integer> {

    @Option(names = "--format", required = true, paramLabel = "csv|json", description = "csv or json.")
    String format;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The file to write (replaced; readable by you only), or - for standard output.")
    String out;

    @Mixin
    CloudOptions cloud;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DirectoryExport.Format chosen = DirectoryExport.Format.parse(format).orElseThrow(
                () -> new UsageException("Unknown format '" + format + "' for --format; use csv or json."));
        boolean toStdout = "-".equals(out);
        Path file = toStdout ? null : outPath();
        try (CliSession session = CliServices.open(spec, cloud)) {
            CliServices.Target target = CliServices.target(session, cloud);
            IdcInstance instance = target.instance();
            DirectoryExport export = DirectoryExport.loadAll(target.aws(), instance,
                    Clock.systemUTC().instant(), () -> Thread.currentThread().isInterrupted());
            PrintWriter stdout = spec.commandLine().getOut();
            try {
                if (toStdout) {
                    export.writeTo(stdout, chosen);
                } else {
                    export.write(file, chosen);
                }
            } catch (NotAFileException | FileNameTooLongException e) {
                throw new UsageException(e.getMessage());
            } catch (IOException e) {
                throw new CloudException(CloudException.Problem.UNEXPECTED, "Could not write " + out + ": "
                        + e.getMessage() + ".", "Check that the folder is writable and the disk is not full.",
                        null, e);
            }
            // with --out - standard output holds the data, so the summary goes to stderr
            PrintWriter summary = toStdout ? spec.commandLine().getErr() : stdout;
            summary.printf("Wrote %d users, %d groups and %d memberships of %s to %s.%n", export.users().size(),
                    export.groups().size(), export.memberships().size(), instance.identityStoreId(),
                    toStdout ? "standard output" : file);
            summary.flush();
            return ExitCodes.OK;
        }
    }

    /** The --out path, refused before any reading when it names a device, FIFO or folder (never replaced). */
    private Path outPath() {
        try {
            Path file = Path.of(out);
            AtomicFiles.checkNames(file.toAbsolutePath());
            AtomicFiles.refuseNonFile(file);
            return file;
        } catch (java.nio.file.InvalidPathException | IOException e) {
            throw new UsageException("Cannot write --out " + out + ": " + e.getMessage());
        }
    }
}
