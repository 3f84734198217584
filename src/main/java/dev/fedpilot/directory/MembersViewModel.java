package dev.fedpilot.directory;

import dev.fedpilot.domain.Membership;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.MembershipChange.Action;
import dev.fedpilot.domain.PendingChange;
import dev.fedpilot.ui.ErrorText;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The selection pane: the members of the selected group, or the groups of the selected user, streamed from the
 * identity store, with pending additions and removals shown in place.
 */
public final class MembersViewModel {

    public enum Focus { NONE, GROUP, USER }

    /** How a row relates to what AWS has now. */
    public enum Mark { CURRENT, ADDING, REMOVING }

    /**
     * One row: a user (when a group is selected) or a group (when a user is selected).
     *
     * @param failed the pending change for this row failed at the last apply
     */
    public record Member(String id, String name, String detail, Mark mark, boolean failed, UserRow user,
                         GroupRow group) {
    }

    private final DirectoryContext ctx;
    private final PendingChangesViewModel pending;
    private final Function<String, UserRow> userById;
    private final Function<String, GroupRow> groupById;
    private final ReadOnlyObjectWrapper<Focus> focus = new ReadOnlyObjectWrapper<>(Focus.NONE);
    private final ReadOnlyObjectWrapper<GroupRow> group = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<UserRow> user = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Member> rows = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper currentCount = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Set<String> current = new LinkedHashSet<>();
    private dev.fedpilot.domain.IdcInstance instance;
    private dev.fedpilot.ui.TaskRunner.Cancellable task;

    MembersViewModel(DirectoryContext ctx, PendingChangesViewModel pending, Function<String, UserRow> userById,
                     Function<String, GroupRow> groupById) {
        this.ctx = ctx;
        this.pending = pending;
        this.userById = userById;
        this.groupById = groupById;
        pending.changes().addListener((ListChangeListener<PendingChange>) c -> refresh());
        pending.applyingProperty().addListener((o, was, now) -> {
            if (was && !now) {
                reload();
            }
        });
    }

    // --- properties -----------------------------------------------------------------------------------------

    public ReadOnlyObjectProperty<Focus> focusProperty() {
        return focus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<GroupRow> groupProperty() {
        return group.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserRow> userProperty() {
        return user.getReadOnlyProperty();
    }

    public ObservableList<Member> rows() {
        return rows;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** How many members (or groups) AWS has now, without pending changes. */
    public ReadOnlyIntegerProperty currentCountProperty() {
        return currentCount.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The AWS ids of the rows AWS has now: user ids for a group, group ids for a user. */
    public Set<String> currentIds() {
        return Set.copyOf(current);
    }

    // --- commands -------------------------------------------------------------------------------------------

    void attach(dev.fedpilot.domain.IdcInstance target) {
        this.instance = target;
    }

    public void showGroup(GroupRow selected) {
        user.set(null);
        group.set(selected);
        focus.set(selected == null ? Focus.NONE : Focus.GROUP);
        reload();
    }

    public void showUser(UserRow selected) {
        group.set(null);
        user.set(selected);
        focus.set(selected == null ? Focus.NONE : Focus.USER);
        reload();
    }

    /** Reads the selection's memberships again from the identity store. */
    public void reload() {
        if (task != null) {
            task.cancel();
        }
        current.clear();
        currentCount.set(0);
        error.set("");
        refresh();
        GroupRow g = group.get();
        UserRow u = user.get();
        if (instance == null || (g == null && u == null)) {
            return;
        }
        loading.set(true);
        String title = ctx.messages().get(g != null ? "directory.task.members" : "directory.task.groupsOf",
                g != null ? g.displayName() : u.userName());
        task = ctx.tasks().task(title, c -> {
            if (g != null) {
                ctx.aws().listMembersOfGroup(instance, g.id(),
                        page -> c.onUi(() -> arrived(page.stream().map(Membership::userId).toList())));
            } else {
                ctx.aws().listGroupsOfUser(instance, u.id(),
                        page -> c.onUi(() -> arrived(page.stream().map(Membership::groupId).toList())));
            }
            return null;
        }).onFailure(e -> error.set(ErrorText.full(e))).onFinally(() -> loading.set(false)).start();
    }

    private void arrived(List<String> ids) {
        current.addAll(ids);
        currentCount.set(current.size());
        refresh();
    }

    /** Rebuilds the rows from what AWS has and what is pending (cheap: one group's members). */
    public void refresh() {
        Focus f = focus.get();
        if (f == Focus.NONE) {
            rows.clear();
            return;
        }
        String selectedId = f == Focus.GROUP ? group.get().id() : user.get().id();
        Map<String, PendingChange> byOther = new HashMap<>();
        for (PendingChange pc : pending.changes()) {
            MembershipChange ch = pc.change();
            if (ch.user() == null || (ch.action() != Action.ADD && ch.action() != Action.REMOVE)) {
                continue;
            }
            String self = f == Focus.GROUP ? ch.group().awsId() : ch.user().awsId();
            String other = f == Focus.GROUP ? ch.user().awsId() : ch.group().awsId();
            if (selectedId.equals(self) && other != null) {
                byOther.put(other, pc);
            }
        }
        List<Member> next = new ArrayList<>(current.size() + byOther.size());
        for (String id : current) {
            PendingChange pc = byOther.remove(id);
            boolean removing = pc != null && pc.change().action() == Action.REMOVE;
            next.add(row(f, id, removing ? Mark.REMOVING : Mark.CURRENT, pc));
        }
        for (Map.Entry<String, PendingChange> e : byOther.entrySet()) {
            if (e.getValue().change().action() == Action.ADD) {
                next.add(row(f, e.getKey(), Mark.ADDING, e.getValue()));
            }
        }
        rows.setAll(next);
    }

    private Member row(Focus f, String id, Mark mark, PendingChange pc) {
        boolean failed = pc != null && pc.status() == PendingChange.Status.FAILED;
        if (f == Focus.GROUP) {
            UserRow u = userById.apply(id);
            if (u == null && pc != null) {
                return new Member(id, pc.change().user().userName(), pc.change().user().displayName(), mark, failed,
                        null, null);
            }
            return new Member(id, u == null ? id : u.userName(), u == null ? "" : u.displayName(), mark, failed, u, null);
        }
        GroupRow g = groupById.apply(id);
        return new Member(id, g == null ? id : g.displayName(),
                g == null ? "" : ctx.messages().get(g.scimManaged() ? "directory.group.scim" : "directory.group.local"),
                mark, failed, null, g);
    }
}
