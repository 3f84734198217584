package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ProvisioningJob.LastExecution;
import dev.fedpilot.domain.ProvisioningJob.Quarantine;
import dev.fedpilot.domain.ProvisioningJob.Status;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ProvisioningOutcome.Result;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.port.EntraTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Entra's provisioning service towards the sandbox AWS instance: job lifecycle, credential checks, cycles with
 * quarantine. Provision on demand is in {@link OnDemandProvisioning}. Not thread-safe: the world's lock guards it.
 */
final class Provisioning {
    static final String INVALID_CREDENTIALS = "InvalidCredentials";
    private static final Logger LOG = LoggerFactory.getLogger(Provisioning.class);
    private static final Duration MAX_QUARANTINE_BACKOFF = Duration.ofHours(24);
    private static final String CREDENTIALS_FIX = "Copy the SCIM endpoint and a current access token from the AWS "
            + "console (Settings → Automatic provisioning) and enter them again.";

    private final EntraDirectory directory;
    private final SandboxAwsConsole console;
    private final ScimWriter writer;
    private final Duration interval;
    private final Random random;

    Provisioning(EntraDirectory directory, SandboxAwsConsole console, ScimWriter writer, Duration interval,
                 Random random) {
        this.directory = directory;
        this.console = console;
        this.writer = writer;
        this.interval = interval;
        this.random = random;
    }

    Optional<ProvisioningJob> find(AppState app) {
        return Optional.ofNullable(app.job).map(j -> j.view(interval));
    }

    ProvisioningJob create(AppState app) {
        if (app.job != null) {
            throw new CloudException(Problem.CONFLICT, "The app already has a provisioning job (" + app.job.jobId + ").",
                    "Use the existing job.");
        }
        app.job = new ProvisioningJobState(EntraTenant.SYNC_TEMPLATE_ID + "." + EntraSeed.TENANT_ID.replace("-", "")
                + "." + Names.hex(random, 32));
        if (app.savedEndpoint != null) {
            app.job.status = Status.PAUSED;
        }
        return app.job.view(interval);
    }

    ProvisioningJobState require(AppState app, String jobId) {
        if (app.job == null || !app.job.jobId.equals(jobId)) {
            throw CloudException.notFound("The app '" + app.app.displayName() + "' has no provisioning job " + jobId + ".");
        }
        return app.job;
    }

    ProvisioningJob view(AppState app, String jobId) {
        return require(app, jobId).view(interval);
    }

    /** validateCredentials: Entra connects to the endpoint with the token; the message never holds the token. */
    void validate(AppState app, String jobId, ScimEndpoint endpoint, Secret token, Instant now) {
        require(app, jobId);
        if (endpoint == null || token == null || token.isEmpty()) {
            throw new CloudException(Problem.INVALID_INPUT, "Both the tenant URL and the secret token are required.",
                    CREDENTIALS_FIX);
        }
        if (!console.isScimEndpoint(endpoint.baseAddress())) {
            throw new CloudException(Problem.UNAUTHENTICATED, "You appear to have entered invalid credentials: "
                    + "the tenant URL " + endpoint + " is not the SCIM endpoint of your IAM Identity Center instance.",
                    CREDENTIALS_FIX);
        }
        if (!console.accepts(endpoint, SandboxAwsConsole.digest(token), now)) {
            throw new CloudException(Problem.UNAUTHENTICATED, "You appear to have entered invalid credentials: "
                    + "AWS IAM Identity Center answered 401 Unauthorized for the secret token (expired, deleted "
                    + "or mistyped).", CREDENTIALS_FIX);
        }
    }

    void saveCredentials(AppState app, ScimEndpoint endpoint, Secret token) {
        if (endpoint == null || token == null || token.isEmpty()) {
            throw new CloudException(Problem.INVALID_INPUT, "Both the tenant URL and the secret token are required.",
                    CREDENTIALS_FIX);
        }
        app.savedEndpoint = endpoint;
        app.savedTokenDigest = SandboxAwsConsole.digest(token);
        if (app.job != null && app.job.status == Status.NOT_CONFIGURED) {
            app.job.status = Status.PAUSED;
        }
    }

    void start(AppState app, String jobId) {
        ProvisioningJobState job = requireConfigured(app, jobId);
        job.status = job.quarantine != null ? Status.QUARANTINE : Status.ACTIVE;
    }

    void pause(AppState app, String jobId) {
        ProvisioningJobState job = require(app, jobId);
        if (job.status != Status.NOT_CONFIGURED) {
            job.status = Status.PAUSED;
        }
    }

    /** restart with resetScope Full: quarantine lifted, next cycle reprocesses everything. */
    void restart(AppState app, String jobId) {
        ProvisioningJobState job = requireConfigured(app, jobId);
        job.quarantine = null;
        job.quarantineSeries = 0;
        job.status = Status.ACTIVE;
    }

    List<ProvisioningEvent> log(AppState app, Instant since) {
        return app.log.stream().filter(e -> since == null || !e.time().isBefore(since)).toList();
    }

    /** One cycle of every job that is due: ACTIVE jobs, and quarantined ones whose next attempt has come. */
    void runCycle(Iterable<AppState> apps, Instant now) {
        for (AppState app : apps) {
            if (due(app, now)) {
                cycle(app, app.job, now);
            }
        }
    }

    /** Whether the app's job runs a cycle now: it is active, or quarantined and its next attempt has come. */
    static boolean due(AppState app, Instant now) {
        ProvisioningJobState job = app.job;
        if (job == null || !app.readableAt(now)) {
            return false;
        }
        boolean retry = job.status == Status.QUARANTINE && !now.isBefore(job.quarantine.nextAttempt());
        return job.status == Status.ACTIVE || retry;
    }

    boolean credentialsAccepted(AppState app, Instant now) {
        return console.accepts(app.savedEndpoint, app.savedTokenDigest, now);
    }

    private void cycle(AppState app, ProvisioningJobState job, Instant now) {
        if (!credentialsAccepted(app, now)) {
            quarantine(job, now);
            LOG.info("Sandbox provisioning job {} is in quarantine until {}", job.jobId, job.quarantine.nextAttempt());
            return;
        }
        job.quarantine = null;
        job.quarantineSeries = 0;
        job.status = Status.ACTIVE;
        List<ProvisioningOutcome> outcomes = new ArrayList<>();
        Map<String, DirectoryUser> users = new LinkedHashMap<>();
        Map<DirectoryGroup, List<DirectoryUser>> groups = new LinkedHashMap<>();
        for (AppAssignment assignment : app.assignments) {
            if (assignment.principalType() == PrincipalType.USER) {
                directory.user(assignment.principalId()).ifPresent(u -> users.put(u.id(), u));
            } else {
                directory.group(assignment.principalId()).ifPresent(g -> groups.put(g, directUsers(g, outcomes)));
            }
        }
        groups.values().forEach(members -> members.forEach(u -> users.put(u.id(), u)));
        long succeeded = 0;
        for (DirectoryUser user : users.values()) {
            ScimWriter.Write write = writer.user(job, user);
            succeeded += record(app, write, outcomes, now);
        }
        for (Map.Entry<DirectoryGroup, List<DirectoryUser>> group : groups.entrySet()) {
            ScimWriter.Write write = writer.group(job, group.getKey());
            succeeded += record(app, write, outcomes, now);
            if (write.succeeded()) {
                record(app, writer.members(group.getKey(), group.getValue(), true), outcomes, now);
            }
        }
        outcomes.stream().filter(o -> o.result() == Result.SKIPPED)
                .forEach(o -> app.log(new ProvisioningEvent(now, o)));
        long failed = outcomes.stream().filter(o -> o.result() == Result.FAILURE).count();
        job.lastExecution = new LastExecution(now, now, failed == 0 ? "Succeeded" : "EntryLevelErrors", succeeded,
                failed, failed == 0 ? null : "EntryLevelErrors",
                failed == 0 ? null : failed + " object(s) could not be provisioned; see the provisioning log.");
    }

    /** Direct user members of an assigned group; nested groups are skipped with the reason (pitfall 4). */
    List<DirectoryUser> directUsers(DirectoryGroup group, List<ProvisioningOutcome> skipped) {
        List<DirectoryUser> users = new ArrayList<>();
        for (GroupMember member : directory.members(group.id())) {
            if (member.type() == PrincipalType.USER) {
                directory.user(member.id()).ifPresent(users::add);
            } else {
                skipped.add(new ProvisioningOutcome(member.id(), PrincipalType.GROUP, member.displayName(),
                        Result.SKIPPED, "Group '" + member.displayName() + "' is nested in '" + group.displayName()
                        + "'. Entra provisions only direct members of assigned groups, so it and its members are "
                        + "skipped. Assign '" + member.displayName() + "' to the app directly to provision it."));
            }
        }
        return users;
    }

    /** Logs what changed or failed; returns 1 for a success so the caller can count them. */
    private static long record(AppState app, ScimWriter.Write write, List<ProvisioningOutcome> outcomes, Instant now) {
        outcomes.add(write.outcome());
        if (write.changed() || write.outcome().result() != Result.SUCCESS) {
            app.log(new ProvisioningEvent(now, write.outcome()));
        }
        return write.succeeded() ? 1 : 0;
    }

    private void quarantine(ProvisioningJobState job, Instant now) {
        job.quarantineSeries++;
        Duration backoff = interval.multipliedBy(1L << Math.min(job.quarantineSeries - 1, 16));
        if (backoff.compareTo(MAX_QUARANTINE_BACKOFF) > 0) {
            backoff = MAX_QUARANTINE_BACKOFF;
        }
        String detail = "Entra could not sign in to the SCIM endpoint of AWS IAM Identity Center (401 Unauthorized): "
                + "the secret token has expired or was deleted in AWS, or the tenant URL changed. "
                + "Generate a new access token in the AWS console, save it in the app's provisioning settings "
                + "and restart provisioning.";
        job.quarantine = new Quarantine("EncounteredQuarantineException: " + INVALID_CREDENTIALS, detail,
                now.plus(backoff));
        job.status = Status.QUARANTINE;
        job.lastExecution = new LastExecution(now, now, "Failed", 0, 0, INVALID_CREDENTIALS, detail);
    }

    private ProvisioningJobState requireConfigured(AppState app, String jobId) {
        ProvisioningJobState job = require(app, jobId);
        if (app.savedEndpoint == null) {
            throw new CloudException(Problem.INVALID_INPUT, "Provisioning cannot start: the app has no SCIM endpoint "
                    + "and secret token yet.", "Save the SCIM endpoint and token first.");
        }
        return job;
    }
}
