package dev.fedpilot.domain;

import java.time.Instant;

/**
 * One thing FedPilot did, for the report's timeline: when, which step or feature, what, and how it ended.
 * Never holds a secret.
 */
public record AuditEntry(Instant at, String area, String action, Outcome outcome, String detail) {

    public enum Outcome { OK, FAILED, INFO }
}
