package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.port.EntraTenant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;

/** Everything Entra keeps about one enterprise app. Not thread-safe: the world's lock guards it. */
final class AppState {
    /** Entra keeps this many provisioning log entries per app in the sandbox. */
    static final int LOG_LIMIT = 20_000;

    final EnterpriseApp app;
    final String templateId;
    /** Before this instant the app cannot be read yet (eventual consistency after instantiate). */
    final Instant readableAt;

    String ssoMode;
    List<String> identifierUris = List.of();
    List<String> redirectUris = List.of();
    final List<SandboxCertificates.Cert> signingCertificates = new ArrayList<>();
    SandboxCertificates.Cert activeCertificate;

    final List<AppAssignment> assignments = new ArrayList<>();

    ProvisioningJobState job;
    /** The synchronization secrets: endpoint and a digest of the token (the sandbox keeps no token text). */
    ScimEndpoint savedEndpoint;
    byte[] savedTokenDigest;
    final Deque<ProvisioningEvent> log = new ArrayDeque<>();
    final Deque<Instant> onDemandRequests = new ArrayDeque<>();

    AppState(EnterpriseApp app, String templateId, Instant readableAt) {
        this.app = app;
        this.templateId = templateId;
        this.readableAt = readableAt;
    }

    boolean isAwsIdc() {
        return EntraTenant.AWS_IDC_TEMPLATE_ID.equals(templateId);
    }

    boolean readableAt(Instant now) {
        return !now.isBefore(readableAt);
    }

    boolean assigned(String principalId) {
        return assignments.stream().anyMatch(a -> a.principalId().equals(principalId));
    }

    /** What a saved world keeps of this app: everything but the on-demand rate window, and the newest log entries. */
    WorldSnapshot.App saved(int logLimit) {
        WorldSnapshot.Job savedJob = job == null ? null : new WorldSnapshot.Job(job.jobId, job.status,
                job.lastExecution, job.quarantine, job.quarantineSeries, List.copyOf(job.provisionedUsers),
                List.copyOf(job.provisionedGroups));
        return new WorldSnapshot.App(app, templateId, readableAt, ssoMode, identifierUris, redirectUris,
                signingCertificates.stream().map(SandboxCertificates.Cert::base64Der).toList(),
                activeCertificate == null ? null : activeCertificate.thumbprint(), List.copyOf(assignments), savedJob,
                savedEndpoint == null ? null : savedEndpoint.baseAddress().toString(),
                savedTokenDigest == null ? null : Base64.getEncoder().encodeToString(savedTokenDigest),
                log.stream().limit(logLimit).toList());
    }

    static AppState restore(WorldSnapshot.App saved) {
        AppState state = new AppState(saved.app(), saved.templateId(), saved.readableAt());
        state.ssoMode = saved.ssoMode();
        state.identifierUris = saved.identifierUris() == null ? List.of() : List.copyOf(saved.identifierUris());
        state.redirectUris = saved.redirectUris() == null ? List.of() : List.copyOf(saved.redirectUris());
        for (String base64 : saved.signingCertificates() == null ? List.<String>of() : saved.signingCertificates()) {
            try {
                SandboxCertificates.Cert cert = SandboxCertificates.fromBase64(base64, "signing");
                state.signingCertificates.add(cert);
                if (cert.thumbprint().equals(saved.activeCertificate())) {
                    state.activeCertificate = cert;
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalArgumentException("a saved signing certificate cannot be read", e);
            }
        }
        if (saved.assignments() != null) {
            state.assignments.addAll(saved.assignments());
        }
        WorldSnapshot.Job job = saved.job();
        if (job != null) {
            state.job = new ProvisioningJobState(job.jobId());
            state.job.status = job.status();
            state.job.lastExecution = job.lastExecution();
            state.job.quarantine = job.quarantine();
            state.job.quarantineSeries = job.quarantineSeries();
            state.job.provisionedUsers.addAll(job.provisionedUsers());
            state.job.provisionedGroups.addAll(job.provisionedGroups());
        }
        state.savedEndpoint = saved.savedEndpoint() == null ? null
                : new ScimEndpoint(java.net.URI.create(saved.savedEndpoint()));
        state.savedTokenDigest = saved.savedTokenDigest() == null ? null
                : Base64.getDecoder().decode(saved.savedTokenDigest());
        if (saved.log() != null) {
            state.log.addAll(saved.log());
        }
        return state;
    }

    void log(ProvisioningEvent event) {
        log.addFirst(event);
        while (log.size() > LOG_LIMIT) {
            log.removeLast();
        }
    }
}
