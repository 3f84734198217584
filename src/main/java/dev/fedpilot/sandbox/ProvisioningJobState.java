package dev.fedpilot.sandbox;

import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningJob.LastExecution;
import dev.fedpilot.domain.ProvisioningJob.Quarantine;
import dev.fedpilot.domain.ProvisioningJob.Status;
import dev.fedpilot.port.EntraTenant;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The mutable state of one synchronization job. Not thread-safe: the world's lock guards it. */
final class ProvisioningJobState {
    final String jobId;
    Status status = Status.NOT_CONFIGURED;
    LastExecution lastExecution;
    /** Kept while paused, so pause + start does not lift a quarantine; only restart does. */
    Quarantine quarantine;
    int quarantineSeries;
    /** Entra object ids this job created or matched in the identity store. */
    final Set<String> provisionedUsers = new LinkedHashSet<>();
    final Set<String> provisionedGroups = new LinkedHashSet<>();

    ProvisioningJobState(String jobId) {
        this.jobId = jobId;
    }

    ProvisioningJob view(Duration interval) {
        return new ProvisioningJob(jobId, EntraTenant.SYNC_TEMPLATE_ID, status, interval, lastExecution,
                status == Status.QUARANTINE ? quarantine : null,
                Map.of("User", (long) provisionedUsers.size(), "Group", (long) provisionedGroups.size()));
    }
}
