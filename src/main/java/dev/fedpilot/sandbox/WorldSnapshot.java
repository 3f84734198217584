package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob.LastExecution;
import dev.fedpilot.domain.ProvisioningJob.Quarantine;
import dev.fedpilot.domain.ProvisioningJob.Status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sandbox world as saved between runs: what differs from its seed, which the next run regenerates. Holds ids,
 * dates and SHA-256 digests of SCIM tokens, never a token: as in AWS, a token is shown once, when generated.
 *
 * @param generation  counts the saves of this world by every process that shares its folder
 * @param clockOffset how far time travel moved the sandbox's clock ahead of real time (null in worlds saved before)
 */
record WorldSnapshot(int version, long seed, SandboxScale scale, long generation, List<App> apps, Console console,
                     EntraChanges entra, StoreChanges identityStore, java.time.Duration clockOffset) {
    static final int VERSION = 1;

    WorldSnapshot {
        apps = apps == null ? List.of() : List.copyOf(apps);
    }

    /** An enterprise app as Entra keeps it; {@code log} is the newest part of the provisioning log, newest first. */
    record App(EnterpriseApp app, String templateId, Instant readableAt, String ssoMode, List<String> identifierUris,
               List<String> redirectUris, List<String> signingCertificates, String activeCertificate,
               List<AppAssignment> assignments, Job job, String savedEndpoint, String savedTokenDigest,
               List<ProvisioningEvent> log) {
    }

    record Job(String jobId, Status status, LastExecution lastExecution, Quarantine quarantine, int quarantineSeries,
               List<String> provisionedUsers, List<String> provisionedGroups) {
    }

    /** The AWS console's side: the IdP certificate it trusts and its SCIM tokens (digest only). */
    record Console(CertificateInfo idpCertificate, List<Token> tokens) {
    }

    record Token(String id, Instant createdAt, Instant expiresAt, String digest) {
    }

    /** Entra users edited since the seed, and the member ids of every group whose members changed. */
    record EntraChanges(List<DirectoryUser> editedUsers, Map<String, List<String>> groupMembers) {
    }

    /**
     * The identity store's changes since a seed of {@code seededUsers} users and {@code seededGroups} groups;
     * memberships as [groupId, userId] pairs.
     */
    record StoreChanges(int seededUsers, int seededGroups, List<DirectoryUser> newUsers, List<DirectoryUser> editedUsers,
                        List<DirectoryGroup> newGroups, List<DirectoryGroup> editedGroups,
                        List<List<String>> addedMemberships, List<List<String>> removedMemberships) {
    }
}
