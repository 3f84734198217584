package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.port.EntraTenant;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
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

    void log(ProvisioningEvent event) {
        log.addFirst(event);
        while (log.size() > LOG_LIMIT) {
            log.removeLast();
        }
    }
}
