package dev.fedpilot.directory;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.Drift;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningEvent;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Drift between the Entra groups assigned to the AWS app and the identity store, side by side; each row offers
 * its fix as a pending change.
 */
public final class DriftViewModel {
    /** How far back the provisioning log is read for reasons. */
    static final Duration LOG_WINDOW = Duration.ofDays(30);

    /** What the check found for one AWS group: how many members Entra has, and the differences. */
    public record GroupSummary(int entraMembers, long notInAws, long onlyInAws, long nested) {
    }

    /** The identity store side as loaded by the browser, read-only while a check runs. */
    record Loaded(IdcInstance instance, List<DirectoryGroup> groups, Map<String, UserRow> usersById) {
    }

    private final DirectoryContext ctx;
    private final PendingChangesViewModel pending;
    private final ObservableList<Drift.Item> items = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final Map<String, GroupSummary> byAwsGroup = new HashMap<>();
    private TaskRunner.Cancellable task;

    DriftViewModel(DirectoryContext ctx, PendingChangesViewModel pending) {
        this.ctx = ctx;
        this.pending = pending;
    }

    public ObservableList<Drift.Item> items() {
        return items;
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last check's figures for an AWS group, when it is the copy of an assigned Entra group. */
    public Optional<GroupSummary> summaryFor(String awsGroupId) {
        return Optional.ofNullable(byAwsGroup.get(awsGroupId));
    }

    /** Queues a fix as a pending change. */
    public void fix(MembershipChange change) {
        pending.propose(List.of(change));
    }

    void check(Loaded aws) {
        SetupState setup = ctx.store().load(SetupState.STORE_NAME, SetupState.class).orElse(SetupState.empty());
        EnterpriseApp app = setup.app();
        if (app == null) {
            items.clear();
            status.set(ctx.messages().get("directory.drift.noApp"));
            return;
        }
        if (task != null) {
            task.cancel();
        }
        checking.set(true);
        status.set(ctx.messages().get("directory.drift.checking"));
        task = ctx.tasks().task(ctx.messages().get("directory.task.drift"), c -> compare(app, setup, aws, c))
                .onSuccess(this::show)
                .onFailure(e -> status.set(ErrorText.full(e)))
                .onFinally(() -> checking.set(false))
                .start();
    }

    private record Result(List<Drift.Item> items, Map<String, GroupSummary> summaries, int groups, int unknown) {
    }

    private Result compare(EnterpriseApp app, SetupState setup, Loaded aws, TaskRunner.TaskContext c) {
        List<AppAssignment> assignments = liveAssignments(app, setup);
        List<Drift.GroupSide> sides = new ArrayList<>();
        int[] unknown = {0};
        for (AppAssignment a : assignments) {
            if (c.cancelled()) {
                throw new CancellationException();
            }
            if (a.principalType() != PrincipalType.GROUP) {
                continue;
            }
            Optional<DirectoryGroup> entraGroup = ctx.entra().group(a.principalId());
            entraGroup.ifPresent(g -> sides.add(side(g, aws, unknown)));
        }
        List<ProvisioningEvent> log = ctx.entra().provisioningLog(app, ctx.clock().instant().minus(LOG_WINDOW));
        List<Drift.Item> found = Drift.compute(sides, log);
        Map<String, GroupSummary> summaries = new HashMap<>();
        for (Drift.GroupSide side : sides) {
            if (side.awsGroup() != null) {
                List<Drift.Item> mine = found.stream().filter(i -> i.awsGroup() != null
                        && i.awsGroup().id().equals(side.awsGroup().id())).toList();
                summaries.put(side.awsGroup().id(), new GroupSummary(side.entraMembers().size(),
                        count(mine, Drift.Kind.NOT_PROVISIONED) + count(mine, Drift.Kind.PROVISIONING_FAILED),
                        count(mine, Drift.Kind.MANUAL_IN_AWS), count(mine, Drift.Kind.NESTED_SKIPPED)));
            }
        }
        return new Result(found, summaries, sides.size(), unknown[0]);
    }

    /** What is assigned now; the saved setup's list when Entra cannot be asked. */
    private List<AppAssignment> liveAssignments(EnterpriseApp app, SetupState setup) {
        try {
            return ctx.entra().assignments(app);
        } catch (dev.fedpilot.domain.CloudException e) {
            return setup.assignments();
        }
    }

    private Drift.GroupSide side(DirectoryGroup entraGroup, Loaded aws, int[] unknown) {
        List<GroupMember> members = new ArrayList<>();
        ctx.entra().listGroupMembers(entraGroup.id(), members::addAll);
        DirectoryGroup awsGroup = Drift.match(entraGroup, aws.groups()).orElse(null);
        List<DirectoryUser> awsMembers = new ArrayList<>();
        if (awsGroup != null) {
            // members the loaded list does not know (made since it loaded) are left out, not called drift
            ctx.aws().listMembersOfGroup(aws.instance(), awsGroup.id(), page -> page.forEach(m -> {
                UserRow row = aws.usersById().get(m.userId());
                if (row != null) {
                    awsMembers.add(row.user());
                } else {
                    unknown[0]++;
                }
            }));
        }
        Set<String> externalIds = new HashSet<>();
        awsMembers.forEach(u -> {
            if (u.externalId() != null) {
                externalIds.add(u.externalId());
            }
        });
        // userPrincipalNames only for members not matched by externalId: one call each, and usually few
        Map<String, String> upns = new HashMap<>();
        for (GroupMember m : members) {
            if (m.type() == PrincipalType.USER && !externalIds.contains(m.id())) {
                ctx.entra().user(m.id()).ifPresent(u -> upns.put(u.id(), u.userName()));
            }
        }
        return new Drift.GroupSide(entraGroup, awsGroup, members, upns, awsMembers);
    }

    private void show(Result result) {
        items.setAll(result.items());
        byAwsGroup.clear();
        byAwsGroup.putAll(result.summaries());
        String found = result.items().isEmpty()
                ? ctx.messages().get("directory.drift.none", result.groups())
                : ctx.messages().get("directory.drift.found", result.items().size(), result.groups());
        status.set(result.unknown() == 0 ? found
                : found + " " + ctx.messages().get("directory.drift.unknown", result.unknown()));
    }

    private static long count(List<Drift.Item> items, Drift.Kind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }
}
