package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The directory browser: the identity store's users and groups (streamed into searchable lists), the selection's
 * memberships, pending changes with undo/redo and apply, drift against Entra, and export.
 */
public final class DirectoryViewModel implements dev.fedpilot.ui.PendingEdits {
    private final DirectoryContext ctx;
    private final Messages messages;
    private final RowList<UserRow> users;
    private final RowList<GroupRow> groups;
    private Map<String, UserRow> usersById = new HashMap<>();
    private Map<String, GroupRow> groupsById = new HashMap<>();
    private final PendingChangesViewModel pending;
    private final MembersViewModel members;
    private final DriftViewModel drift;
    private final ReadOnlyObjectWrapper<IdcInstance> instance = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper usersLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper usersLoaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper groupsLoading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper scimWarning = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper lastingAvailable = new ReadOnlyBooleanWrapper();
    /** The changes the SCIM warning is about: its button acts on these and on nothing else. */
    private List<MembershipChange> warned = List.of();
    private final ApplyConfirmation applyConfirmation;
    private TaskRunner.Cancellable usersTask;
    private TaskRunner.Cancellable groupsTask;
    /** Which load the running tasks belong to; a cancelled or replaced load starts nothing more. */
    private long loadGeneration;

    public DirectoryViewModel(DirectoryContext ctx) {
        this.ctx = ctx;
        this.messages = ctx.messages();
        this.users = new RowList<>(ctx.tasks(), messages.get("directory.task.filterUsers"),
                messages.get("directory.task.sortUsers"));
        this.groups = new RowList<>(ctx.tasks(), messages.get("directory.task.filterGroups"),
                messages.get("directory.task.sortGroups"));
        this.pending = new PendingChangesViewModel(ctx);
        this.members = new MembersViewModel(ctx, pending, id -> usersById.get(id), id -> groupsById.get(id));
        this.drift = new DriftViewModel(ctx, pending);
        this.applyConfirmation = new ApplyConfirmation(ctx.store(), ctx.dialogs(), messages);
        pending.changes().addListener((javafx.collections.ListChangeListener<Object>) c -> {
            // undo, drop or discard took the warned changes back: the warning goes with them
            if (pending.changes().stream().noneMatch(pc -> warned.contains(pc.change()))) {
                dismissScimWarning();
            }
        });
    }

    // --- properties -----------------------------------------------------------------------------------------

    public RowList<UserRow> users() {
        return users;
    }

    public RowList<GroupRow> groups() {
        return groups;
    }

    /** Apply with its preview (unless turned off). */
    public ApplyConfirmation applyConfirmation() {
        return applyConfirmation;
    }

    public PendingChangesViewModel pending() {
        return pending;
    }

    public MembersViewModel members() {
        return members;
    }

    public DriftViewModel drift() {
        return drift;
    }

    public ReadOnlyObjectProperty<IdcInstance> instanceProperty() {
        return instance.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usersLoadingProperty() {
        return usersLoading.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty usersLoadedProperty() {
        return usersLoaded.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty groupsLoadingProperty() {
        return groupsLoading.getReadOnlyProperty();
    }

    /** Why the lists could not be loaded, in words a user can act on; empty when all is well. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Set when an identity store edit of a SCIM-managed group is pending: the next cycle may undo it. */
    public ReadOnlyStringProperty scimWarningProperty() {
        return scimWarning.getReadOnlyProperty();
    }

    /** True when the setup knows the app and job, so changes can be made at the source instead. */
    public ReadOnlyBooleanProperty lastingAvailableProperty() {
        return lastingAvailable.getReadOnlyProperty();
    }

    // --- loading --------------------------------------------------------------------------------------------

    /** Loads the lists the first time the page is shown. */
    public void open() {
        if (instance.get() == null && usersTask == null) {
            reload();
        }
    }

    /** Reads users and groups again; the first rows show at once, the rest stream in. */
    public void reload() {
        cancelLoading();
        error.set("");
        IdcInstance known = setup().instance();
        if (known != null) {
            start(known);
            return;
        }
        usersLoading.set(true);
        usersTask = ctx.tasks().task(messages.get("directory.task.instance"), c -> ctx.aws().instances())
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        error.set(messages.get("directory.error.noInstance"));
                        usersLoading.set(false);
                    } else {
                        start(found.get(0));
                    }
                })
                .onFailure(e -> {
                    error.set(ErrorText.full(e));
                    usersLoading.set(false);
                }).start();
    }

    /** Stops paging; what arrived stays. */
    public void cancelLoading() {
        loadGeneration++;
        if (groupsTask == null) {
            groupsLoading.set(false);
        }
        if (usersTask != null) {
            usersTask.cancel();
        }
        if (groupsTask != null) {
            groupsTask.cancel();
        }
    }

    private void start(IdcInstance target) {
        if (!target.equals(instance.get())) {
            instance.set(target);
            pending.attach(target);
            members.attach(target);
        }
        users.clear();
        groups.clear();
        usersById = new HashMap<>();
        groupsById = new HashMap<>();
        usersLoaded.set(false);
        usersLoading.set(true);
        groupsLoading.set(true);
        lastingAvailable.set(setup().app() != null && setup().jobId() != null);
        long generation = ++loadGeneration;
        groupsTask = null;
        // Groups start once the first users are shown: the two tables then build their first cells in
        // different frames instead of one long one.
        Runnable startGroups = () -> {
            if (generation == loadGeneration && groupsTask == null) {
                groupsTask = list(messages.get("directory.task.groups"), "directory.progress.groups",
                        page -> ctx.aws().listGroups(target, p -> page.accept(p.stream().map(GroupRow::of).toList())),
                        this::addGroups, ok -> { }, groupsLoading);
            }
        };
        usersTask = this.<UserRow>list(messages.get("directory.task.users"), "directory.progress.users",
                page -> ctx.aws().listUsers(target, p -> page.accept(p.stream().map(UserRow::of).toList())),
                page -> {
                    addUsers(page);
                    startGroups.run();
                }, ok -> {
                    usersLoaded.set(ok);
                    startGroups.run();
                }, usersLoading);
    }

    private <R> TaskRunner.Cancellable list(String title, String progressKey, Consumer<Consumer<List<R>>> listing,
                                            Consumer<List<R>> onUi, Consumer<Boolean> finished,
                                            ReadOnlyBooleanWrapper busy) {
        return PagedListing.start(ctx, title, progressKey, listing, onUi, finished, error::set, () -> busy.set(false));
    }

    private void addUsers(List<UserRow> page) {
        page.forEach(r -> usersById.put(r.id(), r));
        users.add(page);
    }

    private void addGroups(List<GroupRow> page) {
        page.forEach(r -> groupsById.put(r.id(), r));
        groups.add(page);
    }

    public UserRow user(String id) {
        return usersById.get(id);
    }

    public GroupRow group(String id) {
        return groupsById.get(id);
    }

    // --- selection and edits -----------------------------------------------------------------------------------

    public void selectGroup(GroupRow group) {
        members.showGroup(group);
    }

    public void selectUser(UserRow user) {
        members.showUser(user);
    }

    /** Adds users to a group (a drop, or "add" with the group selected), as one pending edit. */
    public void addToGroup(GroupRow group, List<UserRow> toAdd) {
        boolean selected = group.equals(members.groupProperty().get());
        java.util.Set<String> stay = new java.util.HashSet<>();
        if (selected) {
            // current members stay as they are, unless a removal is pending that this add takes back
            members.rows().stream().filter(m -> m.mark() == MembersViewModel.Mark.CURRENT)
                    .forEach(m -> stay.add(m.id()));
        }
        List<MembershipChange> changes = new ArrayList<>();
        for (UserRow u : toAdd) {
            if (!stay.contains(u.id())) {
                changes.add(MembershipChange.add(group.group(), u.user()));
            }
        }
        propose(changes);
    }

    /** Removes the given rows of the selection pane (Delete): members of the group, or groups of the user. */
    public void removeMembers(List<MembersViewModel.Member> rows) {
        List<MembershipChange> changes = new ArrayList<>();
        for (MembersViewModel.Member m : rows) {
            if (m.mark() == MembersViewModel.Mark.REMOVING) {
                continue;
            }
            if (members.focusProperty().get() == MembersViewModel.Focus.GROUP) {
                DirectoryGroup g = members.groupProperty().get().group();
                DirectoryUser u = m.user() != null ? m.user().user() : stub(m);
                changes.add(MembershipChange.remove(g, u));
            } else if (members.focusProperty().get() == MembersViewModel.Focus.USER && m.group() != null) {
                changes.add(MembershipChange.remove(m.group().group(), members.userProperty().get().user()));
            }
        }
        propose(changes);
    }

    private static DirectoryUser stub(MembersViewModel.Member m) {
        return new DirectoryUser(m.id(), m.name(), m.detail(), null, null, null, null, null);
    }

    private void propose(List<MembershipChange> changes) {
        if (!pending.propose(changes)) {
            return;
        }
        List<MembershipChange> atRisk = changes.stream().filter(MembershipChange::mayBeUndoneByProvisioning)
                .filter(ch -> pending.anyAtRisk(ch.group().awsId())).toList();
        if (!atRisk.isEmpty()) {
            lastingAvailable.set(setup().app() != null && setup().jobId() != null);
            warned = atRisk;
            scimWarning.set(messages.get(lastingAvailable.get() ? "directory.scim.warning"
                    : "directory.scim.warningNoSetup", atRisk.get(0).group().displayName()));
        }
    }

    /** Makes the changes the SCIM warning names in Entra instead, then provisions them on demand. */
    public void makeLasting() {
        List<MembershipChange> named = warned;
        dismissScimWarning();
        if (!named.isEmpty()) {
            pending.makeLasting(named::contains);
        }
    }

    /** Writes what is pending and lets go of the journal, e.g. before the window builds another directory. */
    public void close() {
        pending.close();
    }

    // --- pending edits at quit (the window asks: keep, apply or discard) -------------------------------------

    @Override
    public String screenName() {
        return messages.get("shell.nav.directory");
    }

    @Override
    public int pendingCount() {
        return pending.changes().size();
    }

    @Override
    public void applyPending(Runnable whenDone) {
        pending.apply();
        if (!pending.applyingProperty().get()) {
            whenDone.run();
            return;
        }
        pending.applyingProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (!now) {
                    o.removeListener(this);
                    whenDone.run();
                }
            }
        });
    }

    @Override
    public void discardPending() {
        pending.discard();
    }

    public void dismissScimWarning() {
        warned = List.of();
        scimWarning.set("");
    }

    /** Queues a drift fix. */
    public void fix(MembershipChange change) {
        drift.fix(change);
    }

    /** Compares the assigned Entra groups with the identity store; needs the user list loaded. */
    public void checkDrift() {
        IdcInstance target = instance.get();
        if (target == null || !usersLoaded.get()) {
            return;
        }
        drift.check(new DriftViewModel.Loaded(target, groups.all().stream().map(GroupRow::group).toList(),
                java.util.Collections.unmodifiableMap(usersById)));
    }

    // --- export ---------------------------------------------------------------------------------------------

    /** Writes what the lists and the selection pane show now. */
    public void export(Path file, DirectoryExport.Format format) {
        IdcInstance target = instance.get();
        if (target == null) {
            return;
        }
        DirectoryExport view = new DirectoryExport(target.identityStoreId(), ctx.clock().instant(),
                users.items().stream().map(UserRow::user).toList(),
                groups.items().stream().map(GroupRow::group).toList(), shownLinks());
        ctx.tasks().task(messages.get("directory.task.export"), c -> {
            view.write(file, format);
            return file;
        }).onSuccess(f -> ctx.dialogs().showInfo(messages.get("directory.export.doneTitle"),
                        messages.get("directory.export.done", view.users().size(), view.groups().size(),
                                view.memberships().size(), f)))
                .onFailure(e -> ctx.dialogs().showError(messages.get("directory.export.failedTitle"), e))
                .start();
    }

    /** The memberships the selection pane lists (without pending ones). */
    private List<DirectoryExport.Link> shownLinks() {
        List<DirectoryExport.Link> links = new ArrayList<>();
        for (MembersViewModel.Member m : members.rows()) {
            if (m.mark() == MembersViewModel.Mark.ADDING) {
                continue;
            }
            if (members.focusProperty().get() == MembersViewModel.Focus.GROUP) {
                GroupRow g = members.groupProperty().get();
                links.add(new DirectoryExport.Link(g.id(), g.displayName(), m.id(), m.name()));
            } else {
                UserRow u = members.userProperty().get();
                links.add(new DirectoryExport.Link(m.id(), m.name(), u.id(), u.userName()));
            }
        }
        return links;
    }

    private SetupState setup() {
        return ctx.store().load(SetupState.STORE_NAME, SetupState.class).orElse(SetupState.empty());
    }
}
