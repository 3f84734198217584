package dev.fedpilot.report;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningFailure;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.text.FailureText;
import dev.fedpilot.text.Messages;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the provisioning job's status and log say a user should act on. Pure. */
final class ProvisioningChecks {
    /** How far back the report looks in the provisioning log. */
    static final Duration LOG_WINDOW = Duration.ofDays(7);
    private static final Messages MESSAGES = Messages.english();
    private static final FailureText TEXT = new FailureText(MESSAGES);

    private ProvisioningChecks() {
    }

    static List<Finding> job(ProvisioningJob job) {
        List<Finding> findings = new ArrayList<>();
        switch (job.status()) {
            case QUARANTINE -> {
                ProvisioningJob.Quarantine q = job.quarantine();
                ProvisioningFailure why = ProvisioningFailure.of(q);
                findings.add(Finding.error("provisioning-quarantine", "Provisioning is in quarantine: "
                                + TEXT.describe(why)
                                + (q != null && q.nextAttempt() != null ? " Entra tries again at " + q.nextAttempt() + "." : "")
                                + " Nothing reaches AWS until it is fixed.",
                        TEXT.fix(why)));
            }
            case PAUSED -> findings.add(Finding.warning("provisioning-paused",
                    "Provisioning is paused: changes in Entra do not reach AWS.",
                    "Start the job again in the setup's Watch step."));
            case NOT_CONFIGURED -> findings.add(Finding.warning("provisioning-not-configured",
                    "The provisioning job has no SCIM endpoint and token yet.",
                    "Paste the SCIM endpoint and token in the setup's SCIM step."));
            case ACTIVE -> {
                if (job.lastExecution() == null) {
                    findings.add(Finding.info("provisioning-no-cycle-yet",
                            "No provisioning cycle has run yet; Entra starts one every "
                                    + minutes(job.interval()) + ".",
                            "Provision on demand (setup step 8) to skip the wait."));
                }
            }
            default -> {
            }
        }
        ProvisioningJob.LastExecution last = job.lastExecution();
        if (last != null && last.failed() > 0) {
            String error = ReportBuilder.join(last.errorCode(), last.errorMessage());
            findings.add(Finding.warning("provisioning-cycle-failures", "The last provisioning cycle failed for "
                            + last.failed() + (last.failed() == 1 ? " object" : " objects")
                            + (error == null ? "." : " (" + error + ")."),
                    "See the failed users below and in the Entra provisioning logs; fix them in Entra, then "
                            + "provision them on demand."));
        }
        return findings;
    }

    /**
     * The recent failures (newest first) grouped by cause from the failure catalogue: one finding per cause that
     * names the people and the fix, so the same thing is counted the same in the setup, the report and the check.
     */
    static List<Finding> log(List<ProvisioningEvent> events) {
        Map<String, ProvisioningFailure> latest = new LinkedHashMap<>();
        for (ProvisioningEvent event : events) {
            ProvisioningFailure failure = ProvisioningFailure.of(event.outcome());
            if (failure == null || event.outcome().result() != ProvisioningOutcome.Result.FAILURE) {
                continue;
            }
            ProvisioningOutcome o = event.outcome();
            latest.putIfAbsent(o.subjectId() == null ? o.subjectName() : o.subjectId(), failure);
        }
        List<Finding> findings = new ArrayList<>();
        ProvisioningFailure.byCause(List.copyOf(latest.values())).forEach((cause, of) -> findings.add(
                Finding.warning("provisioning-failed-" + cause.code(), TEXT.summarize(cause, of),
                        of.size() == 1 ? TEXT.fix(of.get(0)) : TEXT.fix(new ProvisioningFailure(cause,
                                MESSAGES.get("provisioning.failure.each"), of.get(0).detail(), "")))));
        return findings;
    }

    private static String minutes(Duration interval) {
        return interval == null ? "40 minutes" : interval.toMinutes() + " minutes";
    }
}
