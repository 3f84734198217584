package dev.fedpilot.setup;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Step 7: a searchable picker of Entra groups and users; before assigning, it checks what it can see for the
 * known pitfalls (nested groups, missing names, multi-valued attributes, rejected characters).
 */
public final class AssignmentsStepViewModel extends StepViewModel {
    static final int SEARCH_LIMIT = 50;
    private final StringProperty query = new SimpleStringProperty("");
    private final ObservableList<Candidate> results = FXCollections.observableArrayList();
    private final ObservableList<Candidate> picked = FXCollections.observableArrayList();
    private final ObservableList<AppAssignment> assigned = FXCollections.observableArrayList();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private TaskRunner.Cancellable search;

    public AssignmentsStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.ASSIGNMENTS);
        assigned.setAll(ctx.state().assignments());
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ObservableList<Candidate> results() {
        return results;
    }

    public ObservableList<Candidate> picked() {
        return picked;
    }

    /** "Assign these 4": what Run assigns is what the list shows, never a surprise. */
    @Override
    public javafx.beans.value.ObservableValue<String> actionTextProperty() {
        return Bindings.createStringBinding(() -> picked.isEmpty() ? text("setup.assign.confirm")
                : picked.size() == 1 ? text("setup.assign.this", picked.get(0).displayName())
                : text("setup.assign.these", picked.size()), picked);
    }

    public ObservableList<AppAssignment> assigned() {
        return assigned;
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(
                () -> ctx.state().app() != null && (!picked.isEmpty() || !assigned.isEmpty()), picked, assigned,
                ctx.stateProperty()));
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Searches Entra for groups and users; a newer search cancels the one still running. */
    public void search() {
        String text = query.get() == null ? "" : query.get().strip();
        if (search != null) {
            search.cancel();
        }
        search = ctx.tasks().task(text("setup.assign.searching"), c -> {
            List<Candidate> found = new ArrayList<>();
            for (DirectoryGroup g : ctx.entra().searchGroups(text, SEARCH_LIMIT)) {
                found.add(new Candidate(g.id(), PrincipalType.GROUP, g.displayName(), g.description()));
            }
            for (DirectoryUser u : ctx.entra().searchUsers(text, SEARCH_LIMIT)) {
                found.add(new Candidate(u.id(), PrincipalType.USER, displayOf(u), u.userName()));
            }
            return found;
        }).onSuccess(results::setAll).onFailure(e -> say(dev.fedpilot.ui.ErrorText.full(e))).start();
    }

    /** Adds a candidate to the selection and checks the selection again. */
    public void pick(Candidate candidate) {
        if (!picked.contains(candidate) && assigned.stream().noneMatch(a -> a.principalId().equals(candidate.id()))) {
            picked.add(candidate);
            checkPicked();
        }
    }

    public void unpick(Candidate candidate) {
        picked.remove(candidate);
        checkPicked();
    }

    /** Looks at the picked groups' members and the picked users for pitfalls, in the background. */
    public void checkPicked() {
        List<Candidate> snapshot = List.copyOf(picked);
        ctx.tasks().task(text("setup.assign.checking"), c -> findingsFor(snapshot, c))
                .onSuccess(findings::setAll)
                .onFailure(e -> say(dev.fedpilot.ui.ErrorText.full(e)))
                .start();
    }

    /** Above this many tenant users, counting the ones left out would take too long to do on every pick. */
    static final int UNASSIGNED_COUNT_LIMIT = 5_000;

    private List<Finding> findingsFor(List<Candidate> candidates, TaskRunner.TaskContext c) {
        Set<Finding> found = new LinkedHashSet<>();
        Set<String> seenUsers = new LinkedHashSet<>();
        for (AppAssignment a : assigned) {
            if (a.principalType() == PrincipalType.USER) {
                seenUsers.add(a.principalId());
            } else {
                ctx.entra().listGroupMembers(a.principalId(), page -> page.stream()
                        .filter(m -> m.type() == PrincipalType.USER).forEach(m -> seenUsers.add(m.id())));
            }
        }
        for (Candidate candidate : candidates) {
            if (c.cancelled()) {
                throw new CancellationException();
            }
            if (candidate.type() == PrincipalType.GROUP) {
                List<GroupMember> members = new ArrayList<>();
                ctx.entra().listGroupMembers(candidate.id(), members::addAll);
                found.addAll(Pitfalls.forGroupMembers(
                        new DirectoryGroup(candidate.id(), candidate.displayName(), null, null), members));
                for (GroupMember m : members) {
                    if (m.type() == PrincipalType.USER && seenUsers.add(m.id())) {
                        ctx.entra().user(m.id()).ifPresent(u -> found.addAll(Pitfalls.forUser(u)));
                    }
                }
            } else if (seenUsers.add(candidate.id())) {
                ctx.entra().user(candidate.id()).ifPresent(u -> found.addAll(Pitfalls.forUser(u)));
            }
        }
        if (!candidates.isEmpty()) {
            unassignedUsers(seenUsers).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    /** Pitfall 12: users neither assigned nor direct members of an assigned group are not provisioned at all. */
    private java.util.Optional<Finding> unassignedUsers(Set<String> covered) {
        long[] total = {0};
        long[] outside = {0};
        try {
            ctx.entra().listUsers(page -> {
                total[0] += page.size();
                outside[0] += page.stream().filter(u -> !covered.contains(u.id())).count();
                if (total[0] > UNASSIGNED_COUNT_LIMIT) {
                    throw new CancellationException("too many users to count");
                }
            });
        } catch (CancellationException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw e;
            }
            return java.util.Optional.of(Finding.info("users-unassigned", text("setup.assign.unassignedMany"),
                    text("setup.assign.unassignedFix")));
        }
        return outside[0] == 0 ? java.util.Optional.empty() : java.util.Optional.of(Finding.info("users-unassigned",
                text("setup.assign.unassigned", outside[0], total[0]), text("setup.assign.unassignedFix")));
    }

    /** Loads what is already assigned to the app. */
    public void refreshAssigned() {
        EnterpriseApp app = ctx.state().app();
        if (app != null) {
            ctx.tasks().task(text("setup.assign.loading"), c -> ctx.entra().assignments(app))
                    .onSuccess(list -> {
                        assigned.setAll(list);
                        ctx.update(s -> s.withAssignments(list));
                    })
                    .onFailure(e -> say(dev.fedpilot.ui.ErrorText.full(e)))
                    .start();
        }
    }

    @Override
    public void run() {
        EnterpriseApp app = ctx.state().app();
        if (app == null) {
            return;
        }
        List<Candidate> toAssign = List.copyOf(picked);
        work(text("setup.assign.task"), c -> {
            int n = 0;
            for (Candidate candidate : toAssign) {
                c.progress(n++, toAssign.size(), candidate.displayName());
                ctx.entra().assign(app, candidate.id(), candidate.type());
            }
            return ctx.entra().assignments(app);
        }, list -> {
            picked.clear();
            assigned.setAll(list);
            ctx.update(s -> s.withAssignments(list));
            toAssign.forEach(a -> ctx.audit(step(), "assigned " + a.type().name().toLowerCase(java.util.Locale.ROOT),
                    AuditEntry.Outcome.OK, a.displayName() + " (" + a.id() + ")"));
            long errors = findings.stream().filter(Finding::isError).count();
            done(errors == 0 ? text("setup.assign.done", list.size())
                    : text("setup.assign.doneWithFindings", list.size(), errors));
        });
    }

    private static String displayOf(DirectoryUser u) {
        return u.displayName() == null || u.displayName().isBlank() ? u.userName() : u.displayName();
    }
}
