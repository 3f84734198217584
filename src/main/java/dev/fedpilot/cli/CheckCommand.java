package dev.fedpilot.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.fedpilot.app.CliSession;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.health.HealthCheck;
import dev.fedpilot.health.HealthItem;
import dev.fedpilot.health.HealthReport;
import dev.fedpilot.text.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code fedpilot check [--json] [--warn-days N] [--nagios]}: the provisioning health for cron and monitoring.
 * Exit 0 healthy, 1 something needs attention, 2 bad usage; with --nagios 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the federation's health: both clouds reachable, SCIM token and signing certificate age,"
                + " the provisioning job, the last cycle's failures by cause. Exit code 0: healthy; 1: something"
                + " needs attention (listed with its fix); 2: bad usage. With --nagios: 0 OK, 1 WARNING,"
                + " 2 CRITICAL, 3 UNKNOWN.")
final class CheckCommand implements Callable<Integer> {
    static final int NAGIOS_UNKNOWN = 3;

    @Option(names = "--json", description = "Print one JSON object (status, and every item with its severity).")
    boolean json;

    @Option(names = "--warn-days", paramLabel = "N", defaultValue = "30",
            description = "Warn this many days before the SCIM token or the signing certificate expires (default 30).")
    int warnDays;

    @Option(names = "--nagios", description = "Exit codes and first line as a Nagios/Icinga plugin.")
    boolean nagios;

    @Option(names = "--record-token-date", paramLabel = "YYYY-MM-DD",
            description = "Record when the SCIM token in use was generated (when FedPilot did not store it), then check.")
    String recordTokenDate;

    @Mixin
    CloudOptions cloud;

    @ParentCommand
    FedPilotCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (warnDays < 0 || warnDays > 3650) {
            throw new UsageException("--warn-days takes a number of days from 0 to 3650, not " + warnDays + ".");
        }
        LocalDate tokenDate = parseDate(recordTokenDate);
        CliSession session;
        try {
            session = root.sessionWithEntra(cloud);
        } catch (RuntimeException e) {
            if (!nagios || e instanceof UsageException) {
                throw e;
            }
            spec.commandLine().getOut().println("FEDPILOT UNKNOWN - " + FedPilotCommand.printable(String.valueOf(e.getMessage())));
            return NAGIOS_UNKNOWN;
        }
        try (session) {
            SetupState setup = session.store().load(SetupState.STORE_NAME, SetupState.class)
                    .orElse(SetupState.empty());
            if (tokenDate != null) {
                setup = setup.withScim(setup.scimEndpoint(), tokenDate.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        setup.jobId());
                session.store().save(SetupState.STORE_NAME, setup);
            }
            HealthCheck.Side<IdentityCenter> aws;
            try {
                aws = HealthCheck.Side.of(CliServices.reportTarget(session));
            } catch (CloudException e) {
                aws = HealthCheck.Side.missing(e.getMessage() + " " + e.fix());
            }
            HealthCheck.Side<EntraTenant> entra = session.entra().map(HealthCheck.Side::of)
                    .orElseGet(() -> HealthCheck.Side.missing(session.entraMissing()));
            HealthCheck check = new HealthCheck(entra, aws, session.clock(), Messages.english());
            HealthReport report = check.run(setup, Duration.ofDays(warnDays));
            print(report, spec.commandLine().getOut());
            if (nagios) {
                return report.nagiosCode();
            }
            return report.attention().isEmpty() ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private static LocalDate parseDate(String text) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new UsageException("--record-token-date takes a date as YYYY-MM-DD, not '" + FedPilotCommand.printable(text)
                    + "'.");
        }
    }

    private void print(HealthReport report, PrintWriter out) {
        if (json) {
            out.println(toJson(report));
        } else {
            if (nagios) {
                List<HealthItem> attention = report.attention();
                out.println("FEDPILOT " + report.level().name() + " - " + (attention.isEmpty()
                        ? "federation healthy" : attention.get(0).message()));
            }
            for (HealthItem item : report.items()) {
                if (item.needsAttention()) {
                    out.printf(Locale.ROOT, "%-8s %s: %s%n", item.level().name(), item.code(), item.message());
                    if (!item.fix().isEmpty()) {
                        out.printf(Locale.ROOT, "         Fix: %s%n", item.fix());
                    }
                }
            }
            long ok = report.items().size() - report.attention().size();
            out.printf(Locale.ROOT, "FedPilot check: %s (%d need%s attention, %d OK).%n", report.level().name(),
                    report.attention().size(), report.attention().size() == 1 ? "s" : "", ok);
        }
        out.flush();
    }

    /** The JSON shape monitoring systems read: field names are a contract. */
    record JsonReport(String status, String checkedAt, List<JsonItem> items) {
    }

    record JsonItem(String code, String severity, String message, String fix) {
    }

    static String toJson(HealthReport report) {
        JsonReport shape = new JsonReport(report.level().id(), report.checkedAt().toString(), report.items().stream()
                .map(i -> new JsonItem(i.code(), i.level().id(), i.message(), i.fix())).toList());
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(shape);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records of strings are always JSON", e);
        }
    }
}
