package dev.fedpilot.health;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningFailure;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.text.FailureText;
import dev.fedpilot.text.Messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The provisioning health of one federation, as {@code fedpilot check} and the window's Health card show it: can
 * each cloud be reached, how old are the SCIM token and the signing certificate, is the provisioning job running,
 * and what did its last cycle fail on, grouped by cause. Calls the ports; run it off the FX thread.
 */
public final class HealthCheck {
    /** How far back the provisioning log is read when the job has not reported a cycle. */
    static final Duration LOG_WINDOW = Duration.ofDays(7);

    /** One cloud as the check sees it: its port when signed in, else why not. */
    public record Side<T>(T port, String unavailable) {
        public static <T> Side<T> of(T port) {
            return new Side<>(Objects.requireNonNull(port), null);
        }

        public static <T> Side<T> missing(String why) {
            return new Side<>(null, why);
        }

        boolean present() {
            return port != null;
        }
    }

    private final Side<EntraTenant> entra;
    private final Side<IdentityCenter> aws;
    private final Clock clock;
    private final Messages messages;
    private final FailureText failures;

    public HealthCheck(Side<EntraTenant> entra, Side<IdentityCenter> aws, Clock clock, Messages messages) {
        this.entra = entra;
        this.aws = aws;
        this.clock = clock;
        this.messages = messages;
        this.failures = new FailureText(messages);
    }

    /**
     * @param setup     the saved setup (which app, job, token date); {@link SetupState#empty()} when none
     * @param warnAhead how long before an expiry a warning starts
     */
    public HealthReport run(SetupState setup, Duration warnAhead) {
        Instant now = clock.instant();
        List<HealthItem> items = new ArrayList<>();
        boolean awsUp = reachAws(items);
        boolean entraUp = reachEntra(items);
        EnterpriseApp app = setup.app();
        if (app == null) {
            items.add(new HealthItem("setup", HealthItem.Level.WARNING, messages.get("health.setup.none"),
                    messages.get("health.setup.none.fix")));
            return new HealthReport(now, items);
        }
        items.add(scimToken(setup.scimTokenCreated(), now, warnAhead));
        items.add(certificate(entraUp ? activeCertificate(app, setup) : setup.signingCertificate(), now, warnAhead));
        if (entraUp) {
            provisioning(app, setup.jobId(), now, items);
        }
        if (!awsUp || !entraUp) {
            items.add(new HealthItem("partial", HealthItem.Level.WARNING, messages.get("health.partial"),
                    messages.get("health.partial.fix")));
        }
        return new HealthReport(now, items);
    }

    private boolean reachAws(List<HealthItem> items) {
        if (!aws.present()) {
            items.add(new HealthItem("aws", HealthItem.Level.CRITICAL, messages.get("health.aws.missing",
                    aws.unavailable()), messages.get("health.aws.missing.fix")));
            return false;
        }
        try {
            items.add(HealthItem.ok("aws", messages.get("health.aws.ok", aws.port().callerIdentity())));
            return true;
        } catch (CloudException e) {
            items.add(new HealthItem("aws", HealthItem.Level.CRITICAL, messages.get("health.aws.unreachable",
                    e.getMessage()), e.fix()));
            return false;
        }
    }

    private boolean reachEntra(List<HealthItem> items) {
        if (!entra.present()) {
            items.add(new HealthItem("entra", HealthItem.Level.CRITICAL, messages.get("health.entra.missing",
                    entra.unavailable()), messages.get("health.entra.missing.fix")));
            return false;
        }
        try {
            items.add(HealthItem.ok("entra", messages.get("health.entra.ok", entra.port().tenant().primaryDomain())));
            return true;
        } catch (CloudException e) {
            items.add(new HealthItem("entra", HealthItem.Level.CRITICAL, messages.get("health.entra.unreachable",
                    e.getMessage()), e.fix()));
            return false;
        }
    }

    private CertificateInfo activeCertificate(EnterpriseApp app, SetupState setup) {
        try {
            return entra.port().activeSigningCertificate(app).orElse(null);
        } catch (CloudException e) {
            return setup.signingCertificate();
        }
    }

    private HealthItem scimToken(Instant created, Instant now, Duration warnAhead) {
        if (created == null) {
            return new HealthItem("scim-token", HealthItem.Level.WARNING, messages.get("health.token.unknown"),
                    messages.get("health.token.unknown.fix"));
        }
        return expiryItem("scim-token", Pitfalls.scimToken(created, now, warnAhead),
                messages.get("health.token.ok", day(created.plus(Pitfalls.SCIM_TOKEN_LIFETIME))));
    }

    private HealthItem certificate(CertificateInfo certificate, Instant now, Duration warnAhead) {
        if (certificate == null) {
            return new HealthItem("signing-certificate", HealthItem.Level.WARNING,
                    messages.get("health.certificate.none"), messages.get("health.certificate.none.fix"));
        }
        return expiryItem("signing-certificate", Pitfalls.signingCertificate(certificate, now, warnAhead),
                messages.get("health.certificate.ok", day(certificate.notAfter())));
    }

    /** Expired is critical (sign-in or provisioning already fails); expiring is a warning. */
    private static HealthItem expiryItem(String code, List<Finding> findings, String okText) {
        if (findings.isEmpty()) {
            return HealthItem.ok(code, okText);
        }
        Finding f = findings.get(0);
        HealthItem.Level level = f.code().endsWith("-expired") ? HealthItem.Level.CRITICAL : HealthItem.Level.WARNING;
        return new HealthItem(code, level, f.message(), f.fix());
    }

    private void provisioning(EnterpriseApp app, String jobId, Instant now, List<HealthItem> items) {
        if (jobId == null) {
            items.add(new HealthItem("provisioning-job", HealthItem.Level.WARNING,
                    messages.get("health.job.none"), messages.get("health.job.none.fix")));
            return;
        }
        ProvisioningJob job;
        try {
            job = entra.port().job(app, jobId);
        } catch (CloudException e) {
            items.add(new HealthItem("provisioning-job", HealthItem.Level.CRITICAL,
                    messages.get("health.job.unreadable", e.getMessage()), e.fix()));
            return;
        }
        items.add(jobItem(job));
        lastCycle(app, job, now, items);
    }

    private HealthItem jobItem(ProvisioningJob job) {
        return switch (job.status()) {
            case QUARANTINE -> {
                ProvisioningFailure why = ProvisioningFailure.of(job.quarantine());
                String next = job.quarantine() == null || job.quarantine().nextAttempt() == null ? ""
                        : messages.get("health.job.quarantine.next", day(job.quarantine().nextAttempt()));
                yield new HealthItem("provisioning-job", HealthItem.Level.CRITICAL,
                        messages.get("health.job.quarantine", failures.describe(why), next), failures.fix(why));
            }
            case PAUSED -> new HealthItem("provisioning-job", HealthItem.Level.WARNING,
                    messages.get("health.job.paused"), messages.get("health.job.paused.fix"));
            case NOT_CONFIGURED -> new HealthItem("provisioning-job", HealthItem.Level.WARNING,
                    messages.get("health.job.none"), messages.get("health.job.none.fix"));
            case ACTIVE -> HealthItem.ok("provisioning-job", job.lastExecution() == null
                    ? messages.get("health.job.active.nocycle")
                    : messages.get("health.job.active", day(job.lastExecution().ended()),
                    job.lastExecution().succeeded(), job.lastExecution().failed()));
        };
    }

    /** The failures of the last cycle grouped by cause, one item per cause; the job's own counts without a log. */
    private void lastCycle(EnterpriseApp app, ProvisioningJob job, Instant now, List<HealthItem> items) {
        ProvisioningJob.LastExecution last = job.lastExecution();
        Instant since = last != null && last.started() != null ? last.started() : now.minus(LOG_WINDOW);
        List<ProvisioningEvent> events;
        try {
            events = entra.port().provisioningLog(app, since);
        } catch (CloudException e) {
            long failed = last == null ? 0 : last.failed();
            items.add(new HealthItem("provisioning-log", failed > 0 ? HealthItem.Level.WARNING : HealthItem.Level.OK,
                    messages.get("health.log.unreadable", failed, e.getMessage()),
                    failed > 0 ? messages.get("health.log.unreadable.fix") : ""));
            return;
        }
        List<ProvisioningFailure> found = new ArrayList<>();
        for (ProvisioningEvent event : events) {
            if (event.time() != null && event.time().isBefore(since)) {
                continue;
            }
            Optional.ofNullable(ProvisioningFailure.of(event.outcome()))
                    .filter(f -> f.cause() != ProvisioningFailure.Cause.NOT_IN_SCOPE)
                    .filter(f -> found.stream().noneMatch(o -> o.cause() == f.cause()
                            && Objects.equals(o.subject(), f.subject())))
                    .ifPresent(found::add);
        }
        for (Map.Entry<ProvisioningFailure.Cause, List<ProvisioningFailure>> group
                : ProvisioningFailure.byCause(found).entrySet()) {
            List<ProvisioningFailure> of = group.getValue();
            String fix = of.size() == 1 ? failures.fix(of.get(0))
                    : failures.fix(new ProvisioningFailure(group.getKey(), messages.get("provisioning.failure.each"),
                    of.get(0).detail(), ""));
            items.add(new HealthItem("provisioning-" + group.getKey().code(), HealthItem.Level.WARNING,
                    failures.summarize(group.getKey(), of), fix));
        }
    }

    private String day(Instant instant) {
        return instant == null ? messages.get("health.date.unknown") : instant.toString().substring(0, 10);
    }
}
