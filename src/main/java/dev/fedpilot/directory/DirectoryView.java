package dev.fedpilot.directory;

import dev.fedpilot.ui.DialogService;
import dev.fedpilot.text.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The directory page: users | groups | selection side by side, the pending changes below. Drag users onto a
 * group to add them; Delete removes the selected members; Ctrl+Z / Ctrl+Shift+Z undo and redo.
 */
public final class DirectoryView extends BorderPane {
    private static final String CSS = Objects.requireNonNull(
            DirectoryView.class.getResource("/dev/fedpilot/directory/directory.css")).toExternalForm();
    private static final KeyCombination UNDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination REDO = new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_DOWN);
    private static final KeyCombination REDO_Y = new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN);

    private final DirectoryViewModel model;
    private final Messages messages;
    /** The users being dragged; the dragboard carries only their ids as text. */
    private List<UserRow> dragged = List.of();

    public DirectoryView(DirectoryViewModel model, Messages messages, DialogService dialogs) {
        this.model = model;
        this.messages = messages;
        setId("directory-page");
        getStyleClass().add("fp-directory");
        getStylesheets().add(CSS);
        TableView<UserRow> users = usersTable();
        SplitPane columns = new SplitPane(usersPane(users), groupsPane(),
                new MembersView(model, messages, () -> List.copyOf(users.getSelectionModel().getSelectedItems()),
                        this::dropTarget));
        columns.setDividerPositions(0.36, 0.66);
        columns.setId("dir-columns");
        setTop(toolbar(dialogs));
        setCenter(columns);
        setBottom(new PendingChangesView(model, messages));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (REDO.match(e) || REDO_Y.match(e)) {
                model.pending().redo();
                e.consume();
            } else if (UNDO.match(e)) {
                model.pending().undo();
                e.consume();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                model.open();
            }
        });
    }

    private Node toolbar(DialogService dialogs) {
        Label title = new Label(messages.get("directory.title"), new FontIcon(Feather.USERS));
        title.getStyleClass().addAll("title-4", "fp-dir-title");
        Label store = new Label();
        store.getStyleClass().add("fp-code");
        store.textProperty().bind(Bindings.createStringBinding(() -> model.instanceProperty().get() == null ? ""
                : messages.get("directory.store", model.instanceProperty().get().identityStoreId(),
                model.instanceProperty().get().region()), model.instanceProperty()));
        Label error = new Label();
        error.setId("dir-error");
        error.getStyleClass().add("fp-severity-error");
        error.textProperty().bind(model.errorProperty());
        error.setWrapText(true);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reload = new Button(messages.get("directory.reload"), new FontIcon(Feather.REFRESH_CW));
        reload.setId("dir-reload");
        reload.setOnAction(e -> model.reload());
        MenuItem csv = new MenuItem(messages.get("directory.export.csv"));
        MenuItem json = new MenuItem(messages.get("directory.export.json"));
        csv.setOnAction(e -> export(dialogs, DirectoryExport.Format.CSV));
        json.setOnAction(e -> export(dialogs, DirectoryExport.Format.JSON));
        MenuButton exportMenu = new MenuButton(messages.get("directory.export"), new FontIcon(Feather.DOWNLOAD), csv, json);
        exportMenu.setId("dir-export");
        exportMenu.setTooltip(new Tooltip(messages.get("directory.export.tooltip")));
        HBox bar = new HBox(10, title, store, error, spacer, reload, exportMenu);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("fp-dir-toolbar");
        return bar;
    }

    private void export(DialogService dialogs, DirectoryExport.Format format) {
        dialogs.chooseFileToSave(messages.get("directory.export.title"), "directory." + format.extension(),
                List.of("*." + format.extension())).ifPresent(file -> model.export(file, format));
    }

    // --- users ----------------------------------------------------------------------------------------------

    private Node usersPane(TableView<UserRow> table) {
        RowList<UserRow> list = model.users();
        TextField search = search("dir-user-search", messages.get("directory.users.search"), list);
        Label count = countLabel("dir-user-count", list, "directory.users.count");
        // words, not a spinner: an endless animation would repaint every frame for the whole load
        Label busy = new Label(messages.get("directory.loading"));
        busy.getStyleClass().add("fp-dir-count");
        busy.visibleProperty().bind(model.usersLoadingProperty().or(model.groupsLoadingProperty()));
        busy.managedProperty().bind(busy.visibleProperty());
        Button stop = new Button(null, new FontIcon(Feather.X));
        stop.setId("dir-cancel-load");
        stop.getStyleClass().addAll("button-icon", "flat");
        stop.setTooltip(new Tooltip(messages.get("directory.cancelLoad")));
        stop.setAccessibleText(messages.get("directory.cancelLoad"));
        stop.visibleProperty().bind(busy.visibleProperty());
        stop.managedProperty().bind(busy.visibleProperty());
        stop.setOnAction(e -> model.cancelLoading());
        return column(messages.get("directory.users"), search, new HBox(6, count, busy, stop), table);
    }

    private TableView<UserRow> usersTable() {
        TableView<UserRow> table = new TableView<>(model.users().items());
        table.setId("dir-users");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label(messages.get("directory.users.empty")));
        table.getColumns().add(column("userName", messages.get("directory.col.userName"), UserRow::userName,
                UserRow.BY_USER_NAME, 220));
        table.getColumns().add(column("displayName", messages.get("directory.col.displayName"), UserRow::displayName,
                UserRow.BY_DISPLAY_NAME, 150));
        table.getColumns().add(column("email", messages.get("directory.col.email"), UserRow::email,
                UserRow.BY_EMAIL, 200));
        sortThroughModel(table, model.users());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, u) -> {
            if (u != null && table.getSelectionModel().getSelectedItems().size() == 1) {
                model.selectUser(u);
            }
        });
        table.setRowFactory(t -> {
            TableRow<UserRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && t.getSelectionModel().getSelectedItems().size() == 1
                        && (model.members().focusProperty().get() != MembersViewModel.Focus.USER
                        || model.members().userProperty().get() != row.getItem())) {
                    model.selectUser(row.getItem());
                }
            });
            row.setOnDragDetected(e -> {
                if (row.isEmpty()) {
                    return;
                }
                List<UserRow> selected = List.copyOf(t.getSelectionModel().getSelectedItems());
                dragged = selected.contains(row.getItem()) ? selected : List.of(row.getItem());
                Dragboard board = row.startDragAndDrop(TransferMode.COPY);
                ClipboardContent content = new ClipboardContent();
                content.putString(dragged.stream().map(UserRow::userName).collect(Collectors.joining("\n")));
                board.setContent(content);
                board.setDragView(row.snapshot(null, null));
                e.consume();
            });
            row.setOnDragDone(e -> dragged = List.of());
            return row;
        });
        return table;
    }

    // --- groups ---------------------------------------------------------------------------------------------

    private Node groupsPane() {
        RowList<GroupRow> list = model.groups();
        TableView<GroupRow> table = new TableView<>(list.items());
        table.setId("dir-groups");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(messages.get("directory.groups.empty")));
        TableColumn<GroupRow, String> name = column("name", messages.get("directory.col.group"),
                GroupRow::displayName, GroupRow.BY_NAME, 210);
        TableColumn<GroupRow, String> source = column("source", messages.get("directory.col.source"),
                g -> messages.get(g.scimManaged() ? "directory.group.scim" : "directory.group.local"),
                GroupRow.BY_SOURCE, 70);
        source.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("fp-dir-scim");
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && getTableRow().getItem().scimManaged()) {
                    getStyleClass().add("fp-dir-scim");
                }
            }
        });
        table.getColumns().add(name);
        table.getColumns().add(source);
        sortThroughModel(table, list);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null) {
                model.selectGroup(g);
            }
        });
        table.setRowFactory(t -> {
            TableRow<GroupRow> row = new TableRow<>();
            dropTarget(row, () -> row.isEmpty() ? null : row.getItem());
            // a click on the group that is still highlighted (after a user was shown) shows the group again
            row.setOnMouseClicked(e -> {
                if (!row.isEmpty() && (model.members().focusProperty().get() != MembersViewModel.Focus.GROUP
                        || model.members().groupProperty().get() != row.getItem())) {
                    model.selectGroup(row.getItem());
                }
            });
            return row;
        });
        TextField search = search("dir-group-search", messages.get("directory.groups.search"), list);
        Label count = countLabel("dir-group-count", list, "directory.groups.count");
        return column(messages.get("directory.groups"), search, new HBox(6, count), table);
    }

    /** Lets users be dropped on {@code node}; {@code group} says onto which group (null: not here). */
    void dropTarget(Node node, java.util.function.Supplier<GroupRow> group) {
        node.setOnDragOver(e -> {
            if (!dragged.isEmpty() && group.get() != null) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        node.setOnDragEntered(e -> {
            if (!dragged.isEmpty() && group.get() != null) {
                node.getStyleClass().add("fp-dir-drop");
            }
        });
        node.setOnDragExited(e -> node.getStyleClass().removeAll("fp-dir-drop"));
        node.setOnDragDropped(e -> {
            GroupRow target = group.get();
            boolean ok = !dragged.isEmpty() && target != null;
            if (ok) {
                model.addToGroup(target, dragged);
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    // --- shared pieces -----------------------------------------------------------------------------------------

    private static <R> TableColumn<R, String> column(String id, String title, Function<R, String> value,
                                                     Comparator<R> order, double width) {
        TableColumn<R, String> col = new TableColumn<>(title);
        col.setId(id);
        col.setUserData(order);
        col.setPrefWidth(width);
        col.setMinWidth(Math.min(width, 110)); // the header ("Display name") stays readable; the table scrolls
        col.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        col.setCellFactory(c -> new IdentifierCell<>());
        return col;
    }

    /** A name or address cut in the middle when the column is narrow (both ends stay), whole in the tooltip. */
    private static final class IdentifierCell<R> extends javafx.scene.control.TableCell<R, String> {
        private final Tooltip whole = new Tooltip();

        IdentifierCell() {
            setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            whole.setText(item);
            setTooltip(empty || item == null || item.isBlank() ? null : whole);
        }
    }

    /** Clicking a header asks the model to sort (off the UI thread) instead of sorting the items in place. */
    @SuppressWarnings("unchecked")
    private static <R extends Row> void sortThroughModel(TableView<R> table, RowList<R> list) {
        table.setSortPolicy(t -> {
            if (t.getSortOrder().isEmpty()) {
                if (list.sortKeyProperty().get() != null) {
                    list.sortBy(null, null);
                }
                return true;
            }
            TableColumn<R, ?> col = t.getSortOrder().get(0);
            Comparator<R> order = (Comparator<R>) col.getUserData();
            boolean descending = col.getSortType() == TableColumn.SortType.DESCENDING;
            String key = col.getId() + (descending ? " desc" : " asc");
            if (!key.equals(list.sortKeyProperty().get())) {
                list.sortBy(key, descending ? order.reversed() : order);
            }
            return true;
        });
    }

    private static <R extends Row> TextField search(String id, String prompt, RowList<R> list) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(list.queryProperty());
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                field.clear();
            }
        });
        return field;
    }

    private Label countLabel(String id, RowList<?> list, String key) {
        Label count = new Label();
        count.setId(id);
        count.getStyleClass().add("fp-dir-count");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get(key, list.shownProperty().get(), list.loadedProperty().get()),
                list.shownProperty(), list.loadedProperty()));
        return count;
    }

    private static VBox column(String title, Node search, HBox status, Node content) {
        Label heading = new Label(title.toUpperCase(java.util.Locale.ROOT));
        heading.getStyleClass().add("fp-pane-title");
        status.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, heading, search, status, content);
        box.setPadding(new Insets(8));
        VBox.setVgrow(content, Priority.ALWAYS);
        box.setMinWidth(200);
        box.setFillWidth(true);
        box.getStyleClass().add("fp-dir-column");
        return box;
    }
}
