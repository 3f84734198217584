package dev.fedpilot.directory;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.MembershipChange.Action;
import dev.fedpilot.domain.MembershipChange.Where;
import dev.fedpilot.domain.MembershipResult;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.RateWindow;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applies a batch of pending changes: the writes run a few at a time and wait out throttling together; changes
 * at the source (Entra) are then provisioned on demand per group, at most 5 members and 5 requests per 10 s.
 * Each change is marked in the journal the moment it completes, so an interrupted batch resumes where it stopped.
 * Not for the UI thread: it blocks.
 */
final class ChangeApplier {
    /** Outcome codes kept in {@link PendingChange#outcome()}; the view words them. */
    static final String ADDED = "added";
    static final String ALREADY_MEMBER = "already-member";
    static final String REMOVED = "removed";
    static final String ALREADY_ABSENT = "already-absent";
    static final String PROVISIONED = "provisioned";
    static final String ASSIGNED = "assigned";
    static final String ALREADY_ASSIGNED = "already-assigned";

    /** Where the changes go: the identity store, and (for changes at the source) the app and its job. */
    record Target(IdentityCenter aws, EntraTenant entra, IdcInstance instance, EnterpriseApp app, String jobId) {
    }

    private final Target target;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Throttle awsThrottle;
    private final Throttle entraThrottle;
    private final RateWindow onDemandWindow = new RateWindow(OnDemandRequest.MAX_REQUESTS_PER_WINDOW,
            Duration.ofSeconds(OnDemandRequest.WINDOW_SECONDS));
    private final EntraIds entraIds;
    private final Messages messages;
    private final int concurrency;

    ChangeApplier(Target target, Clock clock, Sleeper sleeper, int concurrency, Messages messages) {
        this.target = target;
        this.clock = clock;
        this.sleeper = sleeper;
        this.awsThrottle = new Throttle(clock, sleeper);
        this.entraThrottle = new Throttle(clock, sleeper);
        this.entraIds = new EntraIds(target.entra(), entraThrottle, messages);
        this.messages = messages;
        this.concurrency = concurrency;
    }

    /**
     * Applies {@code batch}; {@code shown} hears about each finished change on the UI thread. Returns the batch as
     * it ended. Throws InterruptedException or CancellationException when cancelled; what finished is journaled.
     */
    List<PendingChange> apply(List<PendingChange> batch, Journal journal, TaskRunner.TaskContext c,
                              Consumer<PendingChange> shown) throws InterruptedException {
        int total = batch.size();
        int[] finished = {0};
        Consumer<PendingChange> report = pc -> {
            finished[0]++;
            c.progress(finished[0], total, messages.get("directory.apply.progress", finished[0], total));
            c.onUi(() -> shown.accept(pc));
        };
        List<PendingChange> toProvision = writeAll(batch, journal, report);
        provision(toProvision, journal, c, report);
        Set<Long> seqs = batch.stream().map(PendingChange::seq).collect(Collectors.toSet());
        return journal.all().stream().filter(pc -> seqs.contains(pc.seq())).toList();
    }

    /** Runs the writes {@link #concurrency} at a time; returns the changes still to provision on demand. */
    private List<PendingChange> writeAll(List<PendingChange> batch, Journal journal, Consumer<PendingChange> report)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency), r -> {
            Thread t = new Thread(r, "directory-apply");
            t.setDaemon(true);
            return t;
        });
        List<PendingChange> toProvision = new ArrayList<>();
        try {
            CompletionService<PendingChange> done = new ExecutorCompletionService<>(pool);
            for (PendingChange pc : batch) {
                done.submit(() -> {
                    if (pc.change().where() == Where.IDENTITY_STORE) {
                        // a crash from here until the answer is marked is looked up at the next start
                        journal.mark(pc.writing());
                    }
                    PendingChange after = write(pc);
                    journal.mark(after);
                    return after;
                });
            }
            for (int i = 0; i < batch.size(); i++) {
                PendingChange after = result(done);
                if (needsProvisioning(after)) {
                    toProvision.add(after);
                } else {
                    report.accept(after);
                }
            }
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("membership writes did not stop");
            }
        }
        return toProvision;
    }

    private static PendingChange result(CompletionService<PendingChange> done) throws InterruptedException {
        try {
            return done.take().get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InterruptedException || e.getCause() instanceof CancellationException) {
                throw new CancellationException("apply cancelled");
            }
            throw new IllegalStateException("a membership write failed unexpectedly", e.getCause());
        }
    }

    private static boolean needsProvisioning(PendingChange pc) {
        MembershipChange ch = pc.change();
        return pc.status() == PendingChange.Status.PENDING && ch.where() == Where.ENTRA
                && (ch.action() == Action.ADD || ch.action() == Action.PROVISION);
    }

    /** One change's write; a failure comes back as a failed change, not as an exception. */
    private PendingChange write(PendingChange pc) throws InterruptedException {
        MembershipChange ch = pc.change();
        try {
            if (ch.where() == Where.IDENTITY_STORE) {
                return pc.succeeded(code(awsWrite(ch.action(), ch.group().awsId(), ch.user().awsId())));
            }
            return atSource(pc);
        } catch (CloudException | IllegalArgumentException e) {
            return pc.failed(ErrorText.full(e));
        }
    }

    private MembershipResult awsWrite(Action action, String groupId, String userId) throws InterruptedException {
        IdentityCenter aws = target.aws();
        return switch (action) {
            case ADD -> awsThrottle.call(() -> aws.addMember(target.instance(), groupId, userId));
            case REMOVE -> awsThrottle.call(() -> aws.removeMember(target.instance(), groupId, userId));
            default -> throw new IllegalArgumentException(action + " is not an identity store write");
        };
    }

    private PendingChange atSource(PendingChange pc) throws InterruptedException {
        EnterpriseApp app = target.app();
        if (app == null || (pc.change().action() != Action.ASSIGN && target.jobId() == null)) {
            return pc.failed(messages.get("directory.fail.noSetup"));
        }
        MembershipChange ch = pc.change();
        EntraTenant entra = target.entra();
        if (ch.action() == Action.ASSIGN) {
            try {
                entraThrottle.call(() -> entra.assign(app, ch.group().entraId(), PrincipalType.GROUP));
                return pc.succeeded(ASSIGNED);
            } catch (CloudException e) {
                if (e.problem() == CloudException.Problem.CONFLICT) {
                    return pc.succeeded(ALREADY_ASSIGNED);
                }
                throw e;
            }
        }
        PendingChange resolved = pc.withChange(entraIds.resolve(ch));
        MembershipChange r = resolved.change();
        if (r.action() == Action.PROVISION) {
            return resolved;
        }
        if (resolved.stage() == PendingChange.Stage.NEW) {
            if (r.action() == Action.ADD) {
                entraThrottle.call(() -> {
                    entra.addGroupMember(r.group().entraId(), r.user().entraId());
                    return null;
                });
            } else {
                entraThrottle.call(() -> {
                    entra.removeGroupMember(r.group().entraId(), r.user().entraId());
                    return null;
                });
            }
            resolved = resolved.sourceWritten();
        }
        if (r.action() == Action.ADD) {
            return resolved;
        }
        // provision on demand adds members but does not take them away: remove in AWS now, as the next cycle would
        try {
            if (r.group().awsId() != null && r.user().awsId() != null) {
                awsWrite(Action.REMOVE, r.group().awsId(), r.user().awsId());
            }
            return resolved.succeeded(REMOVED);
        } catch (CloudException e) {
            return resolved.failed(ErrorText.full(e));
        }
    }

    /** Provisions the source changes on demand, group by group, at most 5 members per request. */
    private void provision(List<PendingChange> changes, Journal journal, TaskRunner.TaskContext c,
                           Consumer<PendingChange> report) throws InterruptedException {
        Map<String, List<PendingChange>> byGroup = new LinkedHashMap<>();
        for (PendingChange pc : changes) {
            byGroup.computeIfAbsent(pc.change().group().entraId(), k -> new ArrayList<>()).add(pc);
        }
        for (Map.Entry<String, List<PendingChange>> group : byGroup.entrySet()) {
            List<PendingChange> withUser = group.getValue().stream().filter(pc -> pc.change().user() != null).toList();
            for (int i = 0; i < withUser.size(); i += OnDemandRequest.MAX_GROUP_MEMBERS) {
                List<PendingChange> chunk = withUser.subList(i, Math.min(withUser.size(),
                        i + OnDemandRequest.MAX_GROUP_MEMBERS));
                finish(chunk, () -> members(group.getKey(), chunk), journal, report, c);
            }
            for (PendingChange pc : group.getValue()) {
                if (pc.change().user() == null) {
                    finish(List.of(pc), () -> wholeGroup(group.getKey(), c), journal, report, c);
                }
            }
        }
    }

    private List<ProvisioningOutcome> members(String groupId, List<PendingChange> chunk) throws InterruptedException {
        List<String> userIds = chunk.stream().map(pc -> pc.change().user().entraId()).toList();
        return onDemand(OnDemandRequest.group(groupId, userIds));
    }

    /** A group with all its direct user members, in requests of at most 5 members. */
    private List<ProvisioningOutcome> wholeGroup(String groupId, TaskRunner.TaskContext c) throws InterruptedException {
        List<String> userIds = new ArrayList<>();
        entraThrottle.call(() -> {
            target.entra().listGroupMembers(groupId, page -> page.stream()
                    .filter(m -> m.type() == PrincipalType.USER).map(GroupMember::id).forEach(userIds::add));
            return null;
        });
        List<ProvisioningOutcome> outcomes = new ArrayList<>();
        int i = 0;
        do {
            checkCancelled(c);
            List<String> chunk = userIds.subList(i, Math.min(userIds.size(), i + OnDemandRequest.MAX_GROUP_MEMBERS));
            outcomes.addAll(onDemand(OnDemandRequest.group(groupId, chunk)));
            i += OnDemandRequest.MAX_GROUP_MEMBERS;
        } while (i < userIds.size());
        return outcomes;
    }

    private void record(List<PendingChange> chunk, List<ProvisioningOutcome> outcomes, Journal journal,
                        Consumer<PendingChange> report, TaskRunner.TaskContext c) {
        for (PendingChange pc : chunk) {
            PendingChange after = judge(pc, outcomes);
            journal.mark(after);
            report.accept(after);
        }
        checkCancelled(c);
    }

    /** A change succeeded when nothing about its user (or, for a whole group, nothing at all) failed. */
    private static PendingChange judge(PendingChange pc, List<ProvisioningOutcome> outcomes) {
        String userId = pc.change().user() == null ? null : pc.change().user().entraId();
        List<String> problems = outcomes.stream()
                .filter(o -> o.result() != ProvisioningOutcome.Result.SUCCESS)
                .filter(o -> userId == null || userId.equals(o.subjectId()) || o.subjectType() == PrincipalType.GROUP)
                .map(ProvisioningOutcome::message).toList();
        return problems.isEmpty() ? pc.succeeded(PROVISIONED) : pc.failed(String.join("\n", problems));
    }

    private List<ProvisioningOutcome> onDemand(OnDemandRequest request) throws InterruptedException {
        Duration wait = onDemandWindow.waitBefore(clock.instant());
        if (!wait.isZero()) {
            sleeper.sleep(wait);
        }
        onDemandWindow.record(clock.instant());
        return entraThrottle.call(() -> target.entra().provisionOnDemand(target.app(), target.jobId(), request));
    }

    /** Turns a failed on-demand request into failed changes instead of aborting the batch. */
    private void finish(List<PendingChange> chunk, OnDemandCall call, Journal journal, Consumer<PendingChange> report,
                        TaskRunner.TaskContext c) throws InterruptedException {
        List<ProvisioningOutcome> outcomes;
        try {
            outcomes = call.run();
        } catch (CloudException e) {
            for (PendingChange pc : chunk) {
                PendingChange after = pc.failed(ErrorText.full(e));
                journal.mark(after);
                report.accept(after);
            }
            checkCancelled(c);
            return;
        }
        record(chunk, outcomes, journal, report, c);
    }

    @FunctionalInterface
    private interface OnDemandCall {
        List<ProvisioningOutcome> run() throws InterruptedException;
    }

    private static void checkCancelled(TaskRunner.TaskContext c) {
        if (c.cancelled()) {
            throw new CancellationException("apply cancelled");
        }
    }

    private static String code(MembershipResult result) {
        return switch (result) {
            case ADDED -> ADDED;
            case ALREADY_MEMBER -> ALREADY_MEMBER;
            case REMOVED -> REMOVED;
            case ALREADY_ABSENT -> ALREADY_ABSENT;
        };
    }
}
