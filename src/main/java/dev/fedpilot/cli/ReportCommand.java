package dev.fedpilot.cli;

import dev.fedpilot.app.CliSession;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.report.ReportBuilder;
import dev.fedpilot.report.ReportFiles;
import dev.fedpilot.report.ReportFormat;
import dev.fedpilot.report.SavedReport;
import dev.fedpilot.report.SetupReport;
import dev.fedpilot.text.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code fedpilot report --format html|pdf|md|json --out FILE [--sandbox]}: writes the setup report;
 * {@code --from SAVED.json} renders a saved JSON report again instead of reading the clouds.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write the setup report: both clouds' settings, findings with their fixes, and FedPilot's "
                + "timeline. Exit code 0: written; 1: the report could not be built or written; "
                + "2: bad usage (unknown format, a path that cannot be written).")
final class ReportCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    @Option(names = {"-f", "--format"}, required = true, paramLabel = "FORMAT",
            description = "html, pdf, md or json.")
    String format;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "FILE", description = "The file to write.")
    Path out;

    @Mixin
    CloudOptions cloud;

    @Option(names = "--from", paramLabel = "SAVED.json",
            description = "Render a report saved earlier as JSON again (html, pdf or md), without reading the clouds.")
    Path from;

    @ParentCommand
    FedPilotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ReportFormat chosen = ReportFormat.fromId(format).orElseThrow(() -> new UsageException(
                "Unknown format '" + format + "' for --format; use " + ReportFormat.choices() + "."));
        String problem = ReportFiles.problemWith(out);
        if (problem != null) {
            throw new UsageException(problem);
        }
        if (from != null) {
            return rerender(chosen);
        }
        try (CliSession session = root.sessionWithEntra(cloud)) {
            Optional<IdentityCenter> aws = Optional.empty();
            Finding awsMissing = null;
            try {
                aws = Optional.of(CliServices.reportTarget(session));
            } catch (CloudException e) {
                LOG.info("report without AWS: {}", e.getMessage());
                awsMissing = Finding.warning("aws-not-signed-in", e.getMessage()
                        + " The AWS side is shown as saved, not read live.", e.fix());
            }
            Finding entraMissing = session.entra().isPresent() ? null : Finding.warning("entra-not-signed-in",
                    session.entraMissing(), "Sign in with the Azure CLI (az login), turn on the persisted token cache, or pass --device-code on a terminal.");
            SetupReport report = new ReportBuilder(session.entra(), aws, entraMissing, awsMissing, session.store(),
                    session.audit(), session.clock()).build();
            try {
                ReportFiles.write(report, chosen, Messages.english(), out);
            } catch (IOException e) {
                LOG.debug("report not written", e);
                spec.commandLine().getErr().println("fedpilot: " + FedPilotCommand.printable("Could not write " + out + ": " + e.getMessage()));
                return ExitCodes.FAILED;
            }
            SetupReport.Summary s = report.summary();
            spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s (%s: %d error%s, %d warning%s).%n",
                    out.toAbsolutePath(), s.health().id(), s.errors(), s.errors() == 1 ? "" : "s",
                    s.warnings(), s.warnings() == 1 ? "" : "s");
            return ExitCodes.OK;
        }
    }

    /** The --from branch: the saved report as it was, findings worded as when it was built. */
    private int rerender(ReportFormat chosen) {
        SetupReport report;
        try {
            report = SavedReport.read(from);
        } catch (SavedReport.Unreadable e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            LOG.debug("saved report not read", e);
            spec.commandLine().getErr().println("fedpilot: " + FedPilotCommand.printable("Could not read " + from + ": " + e.getMessage()));
            return ExitCodes.FAILED;
        }
        try {
            ReportFiles.write(report, chosen, Messages.english(), out);
        } catch (IOException e) {
            LOG.debug("report not written", e);
            spec.commandLine().getErr().println("fedpilot: " + FedPilotCommand.printable("Could not write " + out + ": " + e.getMessage()));
            return ExitCodes.FAILED;
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s from the report of %s.%n", out.toAbsolutePath(),
                report.generatedAt());
        return ExitCodes.OK;
    }
}
