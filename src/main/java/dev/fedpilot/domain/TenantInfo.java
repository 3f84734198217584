package dev.fedpilot.domain;

/** The Entra tenant FedPilot is connected to and who is signed in. */
public record TenantInfo(String tenantId, String primaryDomain, String displayName, String signedInUser) {
}
