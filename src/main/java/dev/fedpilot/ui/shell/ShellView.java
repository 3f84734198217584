package dev.fedpilot.ui.shell;

import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.DialogService;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.EnumMap;
import java.util.Map;

/** The window: connection bar on top, navigation on the left, the current page, and a status line. */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final Messages messages;
    private final DialogService dialogs;
    private final Map<Page, ToggleButton> navButtons = new EnumMap<>(Page.class);

    public ShellView(ShellViewModel model, Messages messages, DialogService dialogs, Map<Page, Node> pages) {
        this.model = model;
        this.messages = messages;
        this.dialogs = dialogs;
        getStyleClass().add("fp-shell");
        setTop(connectionBar());
        setLeft(navigation());
        setCenter(pageArea(pages));
        setBottom(statusLine());
    }

    private Node connectionBar() {
        Label title = new Label(messages.get("app.name"));
        title.getStyleClass().addAll("fp-title", "title-3");
        title.setGraphic(new FontIcon(Feather.SEND));
        title.setMinWidth(Region.USE_PREF_SIZE); // the name never turns into "…"

        Label entra = chip("fp-entra-status", messages.get("shell.entra.tooltip"), model.entraStatusProperty().getValue());
        model.entraStatusProperty().addListener((o, a, s) -> updateChip(entra, messages.get("shell.entra.tooltip"), s));
        Label aws = chip("fp-aws-status", messages.get("shell.aws.tooltip"), model.awsStatusProperty().getValue());
        model.awsStatusProperty().addListener((o, a, s) -> updateChip(aws, messages.get("shell.aws.tooltip"), s));

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("theme-toggle");
        theme.getStyleClass().addAll("button-icon", "flat");
        theme.graphicProperty().bind(Bindings.createObjectBinding(
                () -> new FontIcon(model.darkProperty().get() ? Feather.SUN : Feather.MOON), model.darkProperty()));
        theme.setTooltip(new Tooltip(messages.get("shell.theme.tooltip")));
        theme.setAccessibleText(messages.get("shell.theme.tooltip"));
        theme.setOnAction(e -> model.toggleTheme());

        Button help = new Button(null, new FontIcon(Feather.HELP_CIRCLE));
        help.setId("shortcuts-help");
        help.getStyleClass().addAll("button-icon", "flat");
        help.setTooltip(new Tooltip(messages.get("shell.shortcuts.tooltip")));
        help.setAccessibleText(messages.get("shell.shortcuts.tooltip"));
        help.setOnAction(e -> showShortcuts());

        HBox bar = new HBox(12, title, entra, aws, spacer, help, theme);
        if (model.canSignIn()) {
            bar.getChildren().add(2, signInMenu("entra-menu", model.entraStatusProperty(), model::signInEntra,
                    model::signOutEntra));
            javafx.scene.control.MenuButton awsMenu = signInMenu("aws-menu", model.awsStatusProperty(),
                    this::chooseAwsProfile, model::signOutAws);
            javafx.scene.control.MenuItem idc = new javafx.scene.control.MenuItem(messages.get("shell.aws.idcSignIn"));
            idc.setId("aws-menu-idc");
            idc.setOnAction(e -> signInWithIdentityCenter());
            awsMenu.getItems().add(1, idc);
            bar.getChildren().add(4, awsMenu);
        }
        if (model.canResetSandbox()) {
            bar.getChildren().add(bar.getChildren().size() - 1, sandboxMenu());
        }
        bar.getStyleClass().add("fp-connection-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        return bar;
    }

    /** The sandbox's menu: start the rehearsal over from the seed, after a confirmation. */
    private javafx.scene.control.MenuButton sandboxMenu() {
        javafx.scene.control.MenuItem reset = new javafx.scene.control.MenuItem(messages.get("shell.sandbox.reset"));
        reset.setId("sandbox-reset");
        reset.setOnAction(e -> {
            if (dialogs.confirm(messages.get("shell.sandbox.reset"), messages.get("shell.sandbox.resetConfirm"),
                    messages.get("shell.sandbox.reset"))) {
                model.resetSandbox();
            }
        });
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(messages.get("shell.sandbox.menu"),
                new FontIcon(Feather.ROTATE_CCW), reset);
        menu.setId("sandbox-menu");
        // the menu's name is never cut: the connection chips give way first (they carry tooltips)
        menu.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        if (model.canMoveSandboxTime()) {
            menu.getItems().add(0, timeTravelItem());
        }
        menu.getStyleClass().add("flat");
        return menu;
    }

    /** Time travel: asks how many days, then moves the sandbox's clock (expiry and quarantine can be rehearsed). */
    private javafx.scene.control.MenuItem timeTravelItem() {
        javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(messages.get("shell.sandbox.time"));
        item.setId("sandbox-time");
        item.setOnAction(e -> dialogs.askText(messages.get("shell.sandbox.time"), messages.get("shell.sandbox.timeAsk"),
                "30").ifPresent(model::moveSandboxTime));
        return item;
    }

    /** Help → Keyboard shortcuts (F1): every shortcut of the window in one sheet, not only in tooltips. */
    private void showShortcuts() {
        dialogs.showInfo(messages.get("shell.shortcuts.title"), messages.get("shell.shortcuts.text"));
    }

    private javafx.scene.control.MenuButton signInMenu(String id,
                                                       javafx.beans.value.ObservableValue<ConnectionStatus> status,
                                                       Runnable signIn, Runnable signOut) {
        javafx.scene.control.MenuItem in = new javafx.scene.control.MenuItem(messages.get("shell.signIn"));
        in.setId(id + "-sign-in");
        in.setOnAction(e -> signIn.run());
        javafx.scene.control.MenuItem out = new javafx.scene.control.MenuItem(messages.get("shell.signOut"));
        out.setId(id + "-sign-out");
        out.setOnAction(e -> signOut.run());
        javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(null, new FontIcon(Feather.LOG_IN), in, out);
        menu.setId(id);
        menu.getStyleClass().addAll("flat", "button-icon");
        menu.setAccessibleText(messages.get("shell.signIn"));
        // sign out only where there is something to sign out of
        Runnable offer = () -> {
            boolean signedIn = status.getValue() != null && status.getValue().state() == ConnectionStatus.State.SIGNED_IN;
            out.setVisible(signedIn);
            in.setVisible(!signedIn);
        };
        status.addListener((o, a, b) -> offer.run());
        offer.run();
        return menu;
    }

    private void chooseAwsProfile() {
        model.awsProfiles(this::chooseAwsProfile, text -> {
            javafx.scene.control.Alert alert = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.ERROR,
                    text);
            alert.initOwner(getScene().getWindow());
            alert.showAndWait();
        });
    }

    private void chooseAwsProfile(java.util.List<String> profiles) {
        if (profiles.isEmpty()) {
            dialogs.showInfo(messages.get("shell.aws.pickProfile"), messages.get("shell.aws.noProfiles"));
            return;
        }
        dialogs.choose(messages.get("shell.aws.pickProfile"), messages.get("shell.aws.pickProfileText"), profiles)
                .ifPresent(model::signInAws);
    }

    private void signInWithIdentityCenter() {
        String title = messages.get("shell.aws.idcSignIn");
        dialogs.askText(title, messages.get("shell.aws.idcStartUrl"), "https://")
                .filter(u -> u.startsWith("https://"))
                .ifPresent(startUrl -> dialogs.askText(title, messages.get("shell.aws.idcRegion"), "us-east-1")
                        .filter(r -> !r.isBlank())
                        .ifPresent(r -> model.signInIdentityCenter(startUrl, r, accounts ->
                                dialogs.choose(title, messages.get("shell.aws.idcAccount"), accounts).ifPresent(account ->
                                        model.identityCenterRoles(account, roles ->
                                                dialogs.choose(title, messages.get("shell.aws.idcRole"), roles)
                                                        .ifPresent(role -> model.useIdentityCenterRole(account, role)))))));
    }

    /** A cloud's connection: never wider than a third of a laptop bar, the whole text in its tooltip. */
    private Label chip(String id, String about, ConnectionStatus status) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("fp-chip");
        label.setFocusTraversable(true);
        label.setMaxWidth(CHIP_MAX_WIDTH);
        label.setMinWidth(120);
        label.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        updateChip(label, about, status);
        return label;
    }

    static final double CHIP_MAX_WIDTH = 420;

    private static void updateChip(Label label, String about, ConnectionStatus status) {
        label.setText(status.label());
        label.setTooltip(new Tooltip(status.label() + "\n" + about));
        label.setAccessibleText(status.label());
        label.getStyleClass().removeIf(c -> c.startsWith("fp-state-"));
        label.getStyleClass().add("fp-state-" + status.state().name().toLowerCase(java.util.Locale.ROOT));
        FontIcon dot = new FontIcon(Feather.CIRCLE);
        dot.getStyleClass().add("fp-dot");
        label.setGraphic(dot);
    }

    private Node navigation() {
        ToggleGroup group = new ToggleGroup();
        VBox nav = new VBox(4);
        nav.getStyleClass().add("fp-nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Feather[] icons = {Feather.COMPASS, Feather.USERS, Feather.FILE_TEXT, Feather.ACTIVITY};
        for (Page p : Page.values()) {
            ToggleButton b = new ToggleButton(messages.get(p.messageKey()), new FontIcon(icons[p.ordinal()]));
            b.setId("nav-" + p.name().toLowerCase(java.util.Locale.ROOT));
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setTooltip(new Tooltip(messages.get(p.messageKey()) + "  (Ctrl+" + (p.ordinal() + 1) + ")"));
            b.setUserData(p);
            navButtons.put(p, b);
            nav.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, old, now) -> {
            if (now == null) {
                old.setSelected(true); // a page is always shown
            } else {
                model.navigate((Page) now.getUserData());
            }
        });
        model.pageProperty().addListener((o, a, p) -> select(group, navButtons.get(p)));
        select(group, navButtons.get(model.pageProperty().get()));
        sceneProperty().addListener((o, a, scene) -> {
            if (scene != null) {
                for (Page p : Page.values()) {
                    scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(p.ordinal() + 1)),
                            KeyCombination.SHORTCUT_DOWN), () -> model.navigate(p));
                }
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN,
                        KeyCombination.SHIFT_DOWN), model::toggleTheme);
                scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
            }
        });
        return nav;
    }

    private static void select(ToggleGroup group, Toggle toggle) {
        if (group.getSelectedToggle() != toggle) {
            group.selectToggle(toggle);
        }
    }

    private Node pageArea(Map<Page, Node> pages) {
        StackPane area = new StackPane();
        area.getStyleClass().add("fp-page-area");
        Runnable show = () -> area.getChildren().setAll(pages.get(model.pageProperty().get()));
        model.pageProperty().addListener((o, a, p) -> show.run());
        show.run();
        return area;
    }

    private Node statusLine() {
        Label status = new Label();
        status.setId("status-message");
        status.textProperty().bind(model.statusProperty());
        Label work = new Label();
        work.setId("status-work");
        work.textProperty().bind(model.workSummary());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(140);
        progress.visibleProperty().bind(Bindings.isNotEmpty(model.runningTasks()));
        progress.managedProperty().bind(progress.visibleProperty());
        model.runningTasks().addListener((javafx.collections.ListChangeListener<? super dev.fedpilot.ui.RunningTask>) c -> {
            progress.progressProperty().unbind();
            if (!model.runningTasks().isEmpty()) {
                progress.progressProperty().bind(model.runningTasks().get(0).progressProperty());
            }
        });
        Button cancel = new Button(null, new FontIcon(Feather.X));
        cancel.setId("status-cancel");
        cancel.getStyleClass().addAll("button-icon", "flat");
        cancel.setTooltip(new Tooltip(messages.get("shell.status.cancel")));
        cancel.setAccessibleText(messages.get("shell.status.cancel"));
        cancel.visibleProperty().bind(progress.visibleProperty());
        cancel.managedProperty().bind(progress.visibleProperty());
        cancel.setOnAction(e -> model.runningTasks().forEach(dev.fedpilot.ui.RunningTask::cancel));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox line = new HBox(8, status, spacer, work, progress, cancel);
        line.getStyleClass().add("fp-status-line");
        line.setAlignment(Pos.CENTER_LEFT);
        line.setPadding(new Insets(4, 12, 4, 12));
        return line;
    }
}
