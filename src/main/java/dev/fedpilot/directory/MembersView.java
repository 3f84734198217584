package dev.fedpilot.directory;

import dev.fedpilot.directory.MembersViewModel.Focus;
import dev.fedpilot.directory.MembersViewModel.Member;
import dev.fedpilot.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** The right column: what is selected, its memberships with pending marks, the SCIM warning, and drift. */
final class MembersView extends VBox {
    private final DirectoryViewModel model;
    private final Messages messages;

    MembersView(DirectoryViewModel model, Messages messages, Supplier<List<UserRow>> selectedUsers,
                  BiConsumer<Node, Supplier<GroupRow>> dropTarget) {
        super(8);
        this.model = model;
        this.messages = messages;
        setPadding(new Insets(8));
        setMinWidth(260);
        getStyleClass().add("fp-dir-column");
        MembersViewModel members = model.members();

        Label heading = new Label(messages.get("directory.selection").toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("fp-pane-title");
        Label title = new Label();
        title.setId("dir-selection-title");
        title.getStyleClass().add("fp-dir-selection-title");
        title.setWrapText(true);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(Bindings.createStringBinding(this::titleText, members.focusProperty(),
                members.groupProperty(), members.userProperty()));
        title.graphicProperty().bind(Bindings.createObjectBinding(() -> icon(members), members.focusProperty(),
                members.groupProperty()));

        Label counts = new Label();
        counts.setId("dir-selection-counts");
        counts.getStyleClass().add("fp-dir-count");
        counts.textProperty().bind(Bindings.createStringBinding(this::countText, members.currentCountProperty(),
                members.loadingProperty(), members.focusProperty(), model.drift().items()));

        Label error = new Label();
        error.getStyleClass().add("fp-severity-error");
        error.setWrapText(true);
        error.textProperty().bind(members.errorProperty());
        error.visibleProperty().bind(members.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ListView<Member> list = new ListView<>(members.rows());
        list.setId("dir-members");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new MemberCell());
        Label placeholder = new Label();
        placeholder.setId("dir-members-placeholder");
        placeholder.setWrapText(true);
        // what the empty list means depends on what is selected: nothing, a group, or a user
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> messages.get(switch (members.focusProperty().get()) {
            case GROUP -> "directory.members.empty";
            case USER -> "directory.members.emptyUser";
            case NONE -> "directory.members.nothingSelected";
        }), members.focusProperty()));
        list.setPlaceholder(placeholder);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                model.removeMembers(List.copyOf(list.getSelectionModel().getSelectedItems()));
                e.consume();
            }
        });
        dropTarget.accept(list, () -> members.focusProperty().get() == Focus.GROUP ? members.groupProperty().get() : null);

        Button add = new Button(messages.get("directory.members.add"), new FontIcon(Feather.USER_PLUS));
        add.setId("dir-add");
        add.disableProperty().bind(members.focusProperty().isNotEqualTo(Focus.GROUP));
        add.setOnAction(e -> model.addToGroup(members.groupProperty().get(), selectedUsers.get()));
        Button remove = new Button(messages.get("directory.members.remove"), new FontIcon(Feather.USER_MINUS));
        remove.setId("dir-remove");
        remove.disableProperty().bind(Bindings.isEmpty(list.getSelectionModel().getSelectedItems()));
        remove.setOnAction(e -> model.removeMembers(List.copyOf(list.getSelectionModel().getSelectedItems())));
        HBox buttons = new HBox(6, add, remove);

        VBox membersBox = new VBox(8, counts, error, list, buttons);
        membersBox.setPadding(new Insets(8, 0, 0, 0));
        VBox.setVgrow(list, Priority.ALWAYS);
        Tab membersTab = new Tab(messages.get("directory.tab.members"), membersBox);
        membersTab.setId("dir-tab-members");
        Tab driftTab = new Tab(messages.get("directory.tab.drift"), new DriftView(model, messages));
        driftTab.setId("dir-tab-drift");
        TabPane tabs = new TabPane(membersTab, driftTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        getChildren().addAll(heading, title, scimBanner(), tabs);
    }

    private Node scimBanner() {
        Label text = new Label();
        text.setId("dir-scim-warning");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        text.textProperty().bind(model.scimWarningProperty());
        Button lasting = new Button(messages.get("directory.scim.makeLasting"));
        lasting.setId("dir-make-lasting");
        lasting.getStyleClass().add("accent");
        lasting.visibleProperty().bind(model.lastingAvailableProperty());
        lasting.managedProperty().bind(lasting.visibleProperty());
        lasting.setOnAction(e -> model.makeLasting());
        Button keep = new Button(messages.get("directory.scim.keep"));
        keep.setId("dir-keep-aws");
        keep.getStyleClass().add("flat");
        keep.setOnAction(e -> model.dismissScimWarning());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(6, spacer, keep, lasting);
        actions.setAlignment(Pos.CENTER_RIGHT);
        VBox banner = new VBox(6, text, actions);
        banner.getStyleClass().add("fp-dir-banner");
        banner.setPadding(new Insets(8));
        banner.visibleProperty().bind(model.scimWarningProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private String titleText() {
        MembersViewModel m = model.members();
        return switch (m.focusProperty().get()) {
            case NONE -> messages.get("directory.selection.none");
            case GROUP -> messages.get(m.groupProperty().get().scimManaged() ? "directory.selection.groupScim"
                    : "directory.selection.group", m.groupProperty().get().displayName());
            case USER -> messages.get("directory.selection.user", m.userProperty().get().userName());
        };
    }

    private static Node icon(MembersViewModel m) {
        FontIcon icon = new FontIcon(switch (m.focusProperty().get()) {
            case NONE -> Feather.MOUSE_POINTER;
            case GROUP -> m.groupProperty().get().scimManaged() ? Feather.ALERT_TRIANGLE : Feather.USERS;
            case USER -> Feather.USER;
        });
        if (m.focusProperty().get() == Focus.GROUP && m.groupProperty().get().scimManaged()) {
            icon.getStyleClass().add("fp-dir-scim-icon");
        }
        return icon;
    }

    private String countText() {
        MembersViewModel m = model.members();
        if (m.focusProperty().get() == Focus.NONE) {
            return "";
        }
        String count = messages.get(m.focusProperty().get() == Focus.GROUP ? "directory.members.count"
                : "directory.groupsOf.count", m.currentCountProperty().get());
        if (m.loadingProperty().get()) {
            return count + " " + messages.get("directory.loading");
        }
        if (m.focusProperty().get() == Focus.GROUP) {
            return model.drift().summaryFor(m.groupProperty().get().id())
                    .map(s -> count + " \u00b7 " + messages.get("directory.drift.groupLine", s.entraMembers(),
                            s.notInAws(), s.onlyInAws()))
                    .orElse(count);
        }
        return count;
    }

    /** A member with its pending mark: + adding, − removing (struck through), ✗ when the last apply failed. */
    private final class MemberCell extends ListCell<Member> {
        private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();

        MemberCell() {
            // long addresses keep both ends when cut; the tooltip has the whole line
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Member item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("fp-dir-adding", "fp-dir-removing", "fp-dir-failed");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            String prefix = switch (item.mark()) {
                case CURRENT -> "";
                case ADDING -> "+ ";
                case REMOVING -> "\u2212 ";
            };
            setText(prefix + item.name() + (item.detail() == null || item.detail().isBlank() ? ""
                    : "  \u00b7  " + item.detail()));
            whole.setText(getText());
            setTooltip(whole);
            switch (item.mark()) {
                case ADDING -> getStyleClass().add("fp-dir-adding");
                case REMOVING -> getStyleClass().add("fp-dir-removing");
                default -> { }
            }
            if (item.failed()) {
                getStyleClass().add("fp-dir-failed");
                setGraphic(new FontIcon(Feather.X_OCTAGON));
            } else {
                setGraphic(null);
            }
            setAccessibleText(messages.get("directory.members.mark." + item.mark().name().toLowerCase(
                    java.util.Locale.ROOT), item.name()));
        }
    }
}
