package dev.fedpilot.domain;

import java.time.Instant;

/** One entry of the provisioning log (Graph /auditLogs/provisioning). */
public record ProvisioningEvent(Instant time, ProvisioningOutcome outcome) {
}
