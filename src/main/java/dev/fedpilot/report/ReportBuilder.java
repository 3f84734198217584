package dev.fedpilot.report;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.domain.TenantInfo;
import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.report.SetupReport.App;
import dev.fedpilot.report.SetupReport.Event;
import dev.fedpilot.report.SetupReport.Health;
import dev.fedpilot.report.SetupReport.Instance;
import dev.fedpilot.report.SetupReport.Item;
import dev.fedpilot.report.SetupReport.LastCycle;
import dev.fedpilot.report.SetupReport.Provisioning;
import dev.fedpilot.report.SetupReport.Quarantine;
import dev.fedpilot.report.SetupReport.Scim;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.report.SetupReport.Step;
import dev.fedpilot.report.SetupReport.Summary;
import dev.fedpilot.report.SetupReport.Tenant;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Builds a {@link SetupReport} from the live clouds (through the ports), the saved setup progress and the audit
 * log. Blocks: run it through the TaskRunner. Reads that fail become findings; a cancelled build throws
 * {@link java.util.concurrent.CancellationException}.
 */
public final class ReportBuilder {
    /** The audit log can grow for years; the report shows its latest entries. */
    static final int MAX_TIMELINE = 500;

    /** What the builder is reading, for progress. */
    public enum Phase {
        SAVED_PROGRESS, ENTRA, AWS, SAML, PROVISIONING, ASSIGNMENTS, TIMELINE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Told before each phase starts. */
    @FunctionalInterface
    public interface Progress {
        void phase(Phase phase);
    }

    /** Null when that side is not signed in; then {@link #entraMissing} / {@link #awsMissing} say why. */
    private final EntraTenant entra;
    private final IdentityCenter aws;
    private final Finding entraMissing;
    private final Finding awsMissing;
    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;

    public ReportBuilder(EntraTenant entra, IdentityCenter aws, StateStore store, AuditLog audit, Clock clock) {
        this(Optional.of(entra), Optional.of(aws), null, null, store, audit, clock);
    }

    /**
     * A report with whatever is signed in: a missing side is reported from the saved progress, with the finding
     * that says why it was not read live.
     *
     * @param entraMissing the finding when {@code entra} is empty (required then)
     * @param awsMissing   the finding when {@code aws} is empty (required then)
     */
    public ReportBuilder(Optional<EntraTenant> entra, Optional<IdentityCenter> aws, Finding entraMissing,
                         Finding awsMissing, StateStore store, AuditLog audit, Clock clock) {
        this.entra = entra.orElse(null);
        this.aws = aws.orElse(null);
        this.entraMissing = entra.isPresent() ? null : Objects.requireNonNull(entraMissing);
        this.awsMissing = aws.isPresent() ? null : Objects.requireNonNull(awsMissing);
        this.store = Objects.requireNonNull(store);
        this.audit = Objects.requireNonNull(audit);
        this.clock = Objects.requireNonNull(clock);
    }

    public SetupReport build() {
        return build(phase -> { });
    }

    public SetupReport build(Progress progress) {
        Instant now = clock.instant();
        LiveReads reads = new LiveReads();
        progress.phase(Phase.SAVED_PROGRESS);
        SetupState s = reads.read(Section.STEPS, "the saved setup progress",
                () -> store.load(SetupState.STORE_NAME, SetupState.class).orElse(null)).orElse(SetupState.empty());

        progress.phase(Phase.ENTRA);
        if (entra == null) {
            reads.add(Section.ENTRA, entraMissing);
        }
        Tenant tenant = (entra == null ? Optional.<TenantInfo>empty()
                : reads.read(Section.ENTRA, "the Entra tenant", entra::tenant)).map(ReportBuilder::tenant)
                .orElse(s.tenant() == null ? null : tenant(s.tenant()));
        EnterpriseApp app = s.app();
        boolean appLive = false;
        if (app != null && entra != null) {
            Optional<Optional<EnterpriseApp>> live = reads.read(Section.ENTRA, "the Entra enterprise app",
                    () -> entra.readApp(s.app()));
            if (live.isPresent() && live.get().isEmpty()) {
                reads.add(Section.ENTRA, Finding.error("app-missing", "The enterprise app \"" + app.displayName()
                                + "\" (app id " + app.appId() + ") was not found in Entra; it may have been deleted.",
                        "Run the setup's \"Create Entra app\" step again: it adopts an existing app or creates one."));
            }
            appLive = live.isPresent() && live.get().isPresent();
            app = live.flatMap(a -> a).orElse(app);
        }

        progress.phase(Phase.AWS);
        if (aws == null) {
            reads.add(Section.AWS, awsMissing);
        }
        Instance instance = s.instance() == null ? null : instance(s.instance(), reads);

        progress.phase(Phase.SAML);
        SetupReport.Saml saml = new SamlReport(entra, reads, now).read(s, appLive ? app : null);

        Scim scim = s.scimEndpoint() == null ? null : new Scim(s.scimEndpoint(), s.scimTokenCreated(),
                s.scimTokenCreated() == null ? null : s.scimTokenCreated().plus(Pitfalls.SCIM_TOKEN_LIFETIME));
        reads.addAll(Section.SCIM, Pitfalls.scimToken(s.scimTokenCreated(), now));

        progress.phase(Phase.PROVISIONING);
        Provisioning provisioning = provisioning(s, appLive ? app : null, reads, now);

        progress.phase(Phase.ASSIGNMENTS);
        AssignmentReport.Result assigned = new AssignmentReport(entra, aws, reads)
                .read(s, app, appLive, aws == null ? null : s.instance());

        progress.phase(Phase.TIMELINE);
        List<AuditEntry> entries = reads.read(Section.TIMELINE, "the audit log", audit::entries).orElse(List.of());
        List<Event> timeline = entries.subList(Math.max(0, entries.size() - MAX_TIMELINE), entries.size()).stream()
                .map(ReportBuilder::event).toList();
        LiveReads.checkCancelled();

        List<Item> findings = reads.findings().stream().sorted(Comparator
                .comparing(Item::severity)
                .thenComparing(Item::section)).toList();
        List<Step> steps = Arrays.stream(SetupStep.values())
                .map(step -> new Step(step.key(), s.status(step))).toList();
        return new SetupReport(SetupReport.SCHEMA_VERSION, now, summary(s, findings), steps, tenant,
                app == null ? null : new App(app.displayName(), app.appId(), app.applicationObjectId(),
                        app.servicePrincipalId()),
                instance, saml, scim, provisioning, assigned.groups(), assigned.users(), findings, timeline);
    }

    private Instance instance(IdcInstance saved, LiveReads reads) {
        IdcInstance shown = saved;
        Optional<List<IdcInstance>> live = aws == null ? Optional.empty() : reads.read(Section.AWS, "the IAM Identity Center instances", aws::instances);
        if (live.isPresent()) {
            Optional<IdcInstance> match = live.get().stream()
                    .filter(i -> Objects.equals(i.instanceArn(), saved.instanceArn())).findFirst();
            if (match.isEmpty()) {
                reads.add(Section.AWS, Finding.error("instance-missing", "The IAM Identity Center instance "
                                + saved.instanceArn() + " is not visible to the signed-in AWS account.",
                        "Sign in to the account and region of this instance, or run \"Find instance\" again."));
            }
            shown = match.orElse(saved);
        }
        return new Instance(shown.instanceArn(), shown.identityStoreId(), shown.region(), shown.name());
    }

    private Provisioning provisioning(SetupState s, EnterpriseApp app, LiveReads reads, Instant now) {
        if (s.jobId() == null) {
            return null;
        }
        Optional<ProvisioningJob> job = app == null ? Optional.empty()
                : reads.read(Section.PROVISIONING, "the provisioning job", () -> entra.job(app, s.jobId()));
        if (job.isEmpty()) {
            return new Provisioning(s.jobId(), null, null, null, null, Map.of());
        }
        ProvisioningJob j = job.get();
        reads.addAll(Section.PROVISIONING, ProvisioningChecks.job(j));
        reads.read(Section.PROVISIONING, "the provisioning log",
                        () -> entra.provisioningLog(app, now.minus(ProvisioningChecks.LOG_WINDOW)))
                .ifPresent(log -> reads.addAll(Section.PROVISIONING, ProvisioningChecks.log(log)));
        ProvisioningJob.LastExecution e = j.lastExecution();
        ProvisioningJob.Quarantine q = j.quarantine();
        return new Provisioning(j.jobId(), j.status(),
                j.interval() == null ? null : j.interval().toString(),
                e == null ? null : new LastCycle(e.started(), e.ended(), e.state(), e.succeeded(), e.failed(),
                        e.errorCode() == null && e.errorMessage() == null ? null
                                : Redaction.clean(join(e.errorCode(), e.errorMessage()))),
                q == null ? null : new Quarantine(Redaction.clean(q.reason()), Redaction.clean(q.detail()),
                        q.nextAttempt()),
                j.entryCounts());
    }

    private static Summary summary(SetupState s, List<Item> findings) {
        int done = (int) Arrays.stream(SetupStep.values()).filter(st -> s.status(st) == StepStatus.DONE).count();
        int errors = count(findings, Finding.Severity.ERROR);
        int warnings = count(findings, Finding.Severity.WARNING);
        // watching is ongoing, so the setup is complete once every step before it is done
        boolean complete = Arrays.stream(SetupStep.values()).filter(st -> st != SetupStep.WATCH)
                .allMatch(st -> s.status(st) == StepStatus.DONE);
        boolean started = Arrays.stream(SetupStep.values()).anyMatch(st -> s.status(st) != StepStatus.TODO);
        // a step that needs attention (watching included) is never "set up and healthy"
        boolean attention = Arrays.stream(SetupStep.values()).anyMatch(st -> s.status(st) == StepStatus.ATTENTION);
        Health health = !started ? Health.NOT_STARTED
                : errors > 0 ? Health.PROBLEM
                : !complete ? Health.INCOMPLETE
                : warnings > 0 || attention ? Health.ATTENTION
                : Health.HEALTHY;
        return new Summary(health, done, SetupStep.values().length, errors, warnings,
                count(findings, Finding.Severity.INFO));
    }

    private static int count(List<Item> findings, Finding.Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    private static Tenant tenant(TenantInfo t) {
        return new Tenant(t.tenantId(), t.primaryDomain(), t.displayName(), t.signedInUser());
    }

    private static Event event(AuditEntry e) {
        return new Event(e.at(), e.area(), Redaction.clean(e.action()),
                e.outcome() == null ? AuditEntry.Outcome.INFO : e.outcome(), Redaction.clean(e.detail()));
    }

    static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b;
        }
        return b == null || b.isBlank() ? a : a + ": " + b;
    }

    static SetupReport.Certificate certificate(CertificateInfo c) {
        return new SetupReport.Certificate(c.subject(), c.sha256(), c.notBefore(), c.notAfter());
    }
}
