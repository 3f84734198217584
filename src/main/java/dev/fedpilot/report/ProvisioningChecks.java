package dev.fedpilot.report;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningOutcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the provisioning job's status and log say a user should act on. Pure. */
final class ProvisioningChecks {
    /** How far back the report looks in the provisioning log. */
    static final Duration LOG_WINDOW = Duration.ofDays(7);
    /** Failed users listed one by one; more are summarised. */
    static final int MAX_FAILED_SUBJECTS = 10;

    private ProvisioningChecks() {
    }

    static List<Finding> job(ProvisioningJob job) {
        List<Finding> findings = new ArrayList<>();
        switch (job.status()) {
            case QUARANTINE -> {
                ProvisioningJob.Quarantine q = job.quarantine();
                String reason = q == null ? "unknown reason" : ReportBuilder.join(q.reason(), q.detail());
                findings.add(Finding.error("provisioning-quarantine", "Provisioning is in quarantine (" + reason + ")"
                                + (q != null && q.nextAttempt() != null ? "; Entra tries again at " + q.nextAttempt() : "")
                                + ". Nothing reaches AWS until it is fixed.",
                        reason.toLowerCase(Locale.ROOT).contains("credential")
                                ? "AWS refused the SCIM token (expired or deleted): generate a new token in the AWS "
                                + "console, paste it in FedPilot's SCIM step, then restart the job."
                                : "Remove the cause named above, then restart the job in the setup's Watch step."));
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

    /** One finding per user or group that failed recently (newest first), so each can be fixed. */
    static List<Finding> log(List<ProvisioningEvent> events) {
        Map<String, ProvisioningOutcome> failed = new LinkedHashMap<>();
        int more = 0;
        for (ProvisioningEvent event : events) {
            ProvisioningOutcome o = event.outcome();
            if (o == null || o.result() != ProvisioningOutcome.Result.FAILURE) {
                continue;
            }
            String key = o.subjectId() == null ? o.subjectName() : o.subjectId();
            if (failed.containsKey(key)) {
                continue;
            }
            if (failed.size() < MAX_FAILED_SUBJECTS) {
                failed.put(key, o);
            } else {
                more++;
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (ProvisioningOutcome o : failed.values()) {
            findings.add(Finding.warning("provisioning-failed", "Provisioning failed for "
                            + (o.subjectName() == null ? o.subjectId() : o.subjectName())
                            + (o.message() == null || o.message().isBlank() ? "." : ": " + o.message()),
                    "Correct what the message names in Entra, then provision it on demand (setup step 8)."));
        }
        if (more > 0) {
            findings.add(Finding.warning("provisioning-failed-more", more + " more users or groups failed to "
                            + "provision in the last " + LOG_WINDOW.toDays() + " days.",
                    "See the provisioning logs of the app in the Entra admin center."));
        }
        return findings;
    }

    private static String minutes(Duration interval) {
        return interval == null ? "40 minutes" : interval.toMinutes() + " minutes";
    }
}
