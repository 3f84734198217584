package dev.fedpilot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * An Entra synchronization job towards the SCIM endpoint (id {@code aWSSingleSignon.<tenant>.<guid>}).
 *
 * @param lastExecution null before the first cycle
 * @param quarantine    null unless {@code status == QUARANTINE}
 * @param entryCounts   synchronizedEntryCountByType, e.g. "User" → 241
 */
public record ProvisioningJob(String jobId, String templateId, Status status, Duration interval,
                              LastExecution lastExecution, Quarantine quarantine, Map<String, Long> entryCounts) {

    public enum Status { NOT_CONFIGURED, PAUSED, ACTIVE, QUARANTINE }

    /** The outcome of the last provisioning cycle. */
    public record LastExecution(Instant started, Instant ended, String state, long succeeded, long failed,
                                String errorCode, String errorMessage) {
    }

    /** Why the job is in quarantine and when Entra will try again. */
    public record Quarantine(String reason, String detail, Instant nextAttempt) {
    }

    public ProvisioningJob {
        entryCounts = entryCounts == null ? Map.of() : Map.copyOf(entryCounts);
    }
}
