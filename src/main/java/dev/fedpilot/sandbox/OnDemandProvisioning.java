package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.ProvisioningJob.Status;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.ProvisioningOutcome.Result;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * provisionOnDemand: one user, or one group with at most 5 of its members, written at once; at most 5 requests
 * per 10 s per app. Not thread-safe: the world's lock guards it.
 */
final class OnDemandProvisioning {
    private static final Duration WINDOW = Duration.ofSeconds(OnDemandRequest.WINDOW_SECONDS);

    private final EntraDirectory directory;
    private final Provisioning provisioning;
    private final ScimWriter writer;

    OnDemandProvisioning(EntraDirectory directory, Provisioning provisioning, ScimWriter writer) {
        this.directory = directory;
        this.provisioning = provisioning;
        this.writer = writer;
    }

    List<ProvisioningOutcome> run(AppState app, String jobId, OnDemandRequest request, Instant now) {
        ProvisioningJobState job = provisioning.require(app, jobId);
        admit(app, now);
        if (job.status == Status.NOT_CONFIGURED || app.savedEndpoint == null) {
            throw new CloudException(Problem.INVALID_INPUT, "Provisioning is not configured yet, so nothing can be "
                    + "provisioned on demand.", "Save the SCIM endpoint and token first.");
        }
        if (!provisioning.credentialsAccepted(app, now)) {
            throw new CloudException(Problem.UNAUTHENTICATED, "Provision on demand failed: AWS IAM Identity Center "
                    + "refused the saved secret token (" + Provisioning.INVALID_CREDENTIALS + ").",
                    "Generate a new access token in the AWS console, save it in the app's provisioning settings "
                            + "and try again.");
        }
        List<ProvisioningOutcome> outcomes = request.subjectType() == PrincipalType.USER
                ? List.of(user(app, job, directory.requireUser(request.subjectId())))
                : group(app, job, directory.requireGroup(request.subjectId()), request.memberIds());
        outcomes.forEach(o -> app.log(new ProvisioningEvent(now, o)));
        return outcomes;
    }

    /** The 6th request inside 10 s is refused with how long to wait. */
    private static void admit(AppState app, Instant now) {
        while (!app.onDemandRequests.isEmpty() && !app.onDemandRequests.peekFirst().isAfter(now.minus(WINDOW))) {
            app.onDemandRequests.removeFirst();
        }
        if (app.onDemandRequests.size() >= OnDemandRequest.MAX_REQUESTS_PER_WINDOW) {
            Duration wait = Duration.between(now, app.onDemandRequests.peekFirst().plus(WINDOW));
            throw CloudException.throttled("Provision on demand accepts at most "
                    + OnDemandRequest.MAX_REQUESTS_PER_WINDOW + " requests in " + OnDemandRequest.WINDOW_SECONDS
                    + " seconds (429 Too Many Requests).", wait);
        }
        app.onDemandRequests.addLast(now);
    }

    private ProvisioningOutcome user(AppState app, ProvisioningJobState job, DirectoryUser user) {
        if (!inScope(app, user.id())) {
            return ScimWriter.outcome(user, Result.SKIPPED, "Not in scope: " + user.displayName() + " is not "
                    + "assigned to the app, directly or as a direct member of an assigned group. Assign the user "
                    + "or one of their groups first.");
        }
        return writer.user(job, user).outcome();
    }

    private List<ProvisioningOutcome> group(AppState app, ProvisioningJobState job, DirectoryGroup group,
                                            List<String> memberIds) {
        if (!app.assigned(group.id())) {
            List<DirectoryGroup> parents = directory.parentsOf(group.id());
            if (!parents.isEmpty()) {
                return List.of(ScimWriter.outcome(group, Result.FAILURE, "'" + group.displayName() + "' is a nested "
                        + "group (a member of '" + parents.get(0).displayName() + "'). Entra does not provision "
                        + "nested groups, on demand or in cycles. Assign '" + group.displayName()
                        + "' to the app directly, then provision it."));
            }
            return List.of(ScimWriter.outcome(group, Result.SKIPPED, "Not in scope: the group '"
                    + group.displayName() + "' is not assigned to the app. Assign it first."));
        }
        List<ProvisioningOutcome> outcomes = new ArrayList<>();
        ScimWriter.Write groupWrite = writer.group(job, group);
        outcomes.add(groupWrite.outcome());
        List<GroupMember> direct = directory.members(group.id());
        List<DirectoryUser> provisioned = new ArrayList<>();
        for (String memberId : memberIds) {
            Optional<GroupMember> member = direct.stream().filter(m -> m.id().equals(memberId)).findFirst();
            if (member.isEmpty()) {
                String name = directory.user(memberId).map(DirectoryUser::displayName).orElse(memberId);
                outcomes.add(new ProvisioningOutcome(memberId, PrincipalType.USER, name, Result.SKIPPED,
                        name + " is not a direct member of '" + group.displayName() + "'."));
            } else if (member.get().type() == PrincipalType.GROUP) {
                outcomes.add(new ProvisioningOutcome(memberId, PrincipalType.GROUP, member.get().displayName(),
                        Result.SKIPPED, "'" + member.get().displayName() + "' is a nested group; Entra provisions "
                        + "only direct user members of '" + group.displayName() + "'."));
            } else {
                DirectoryUser user = directory.requireUser(memberId);
                ScimWriter.Write write = writer.user(job, user);
                outcomes.add(write.outcome());
                if (write.succeeded()) {
                    provisioned.add(user);
                }
            }
        }
        if (groupWrite.succeeded() && !provisioned.isEmpty()) {
            outcomes.add(writer.members(group, provisioned, false).outcome());
        }
        return outcomes;
    }

    private boolean inScope(AppState app, String userId) {
        return app.assigned(userId) || app.assignments.stream()
                .filter(a -> a.principalType() == PrincipalType.GROUP)
                .anyMatch(a -> directory.group(a.principalId()).isPresent() && directory.members(a.principalId())
                        .stream().anyMatch(m -> m.id().equals(userId)));
    }
}
