package dev.fedpilot.ui.shell;

import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.RunningTask;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

import java.util.Optional;

/** The window around the pages: connection bar, navigation, theme and the status line. */
public final class ShellViewModel {
    private final TaskRunner tasks;
    private final StateStore store;
    private final Messages messages;
    private final Optional<EntraTenant> entra;
    private final Optional<IdentityCenter> aws;
    private final boolean sandbox;
    private final Connections connections;
    private final Runnable onReady;

    // properties
    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.SETUP);
    private final BooleanProperty dark = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<ConnectionStatus> entraStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ConnectionStatus> awsStatus = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private WindowPlacement placement;
    private Runnable onResetSandbox = () -> { };
    private java.time.Clock sandboxClock;
    private java.util.function.Consumer<java.time.Duration> moveSandboxTime;

    public ShellViewModel(TaskRunner tasks, StateStore store, Messages messages, Optional<EntraTenant> entra,
                          Optional<IdentityCenter> aws, boolean sandbox) {
        this(tasks, store, messages, entra, aws, sandbox, null, () -> { });
    }

    /**
     * @param connections signs in and out for real; null in the sandbox, where the bar only shows
     * @param onReady     called once both clouds are signed in
     */
    public ShellViewModel(TaskRunner tasks, StateStore store, Messages messages, Optional<EntraTenant> entra,
                          Optional<IdentityCenter> aws, boolean sandbox, Connections connections, Runnable onReady) {
        this.connections = connections;
        this.onReady = onReady;
        this.tasks = tasks;
        this.store = store;
        this.messages = messages;
        this.entra = entra;
        this.aws = aws;
        this.sandbox = sandbox;
        this.placement = store.load(WindowPlacement.STORE_NAME, WindowPlacement.class).orElse(WindowPlacement.initial());
        dark.set(placement.dark());
        entraStatus.set(ConnectionStatus.signedOut(messages.get("shell.entra.signedOut")));
        awsStatus.set(ConnectionStatus.signedOut(messages.get("shell.aws.signedOut")));
        status.set(messages.get(sandbox ? "shell.status.sandbox" : "shell.status.ready"));
    }

    // --- properties -----------------------------------------------------------------------------------------

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public ReadOnlyObjectProperty<ConnectionStatus> entraStatusProperty() {
        return entraStatus.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ConnectionStatus> awsStatusProperty() {
        return awsStatus.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ObservableList<RunningTask> runningTasks() {
        return tasks.running();
    }

    /** "2 tasks running" style summary of the background work, empty when idle. */
    public StringBinding workSummary() {
        return Bindings.createStringBinding(() -> {
            int n = tasks.running().size();
            if (n == 0) {
                return "";
            }
            return n == 1 ? tasks.running().get(0).title() : messages.get("shell.status.tasks", n);
        }, tasks.running());
    }

    public boolean sandbox() {
        return sandbox;
    }

    public boolean connected() {
        return entra.isPresent() || aws.isPresent();
    }

    public WindowPlacement placement() {
        return placement;
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** What starting the sandbox over does: the window forgets the world and opens a fresh one from the seed. */
    public void setOnResetSandbox(Runnable action) {
        this.onResetSandbox = action;
    }

    /** Whether the window offers to start the sandbox over (only on the sandbox, never on real clouds). */
    public boolean canResetSandbox() {
        return sandbox;
    }

    /** Starts the sandbox over from its seed; the rehearsed setup and the simulated clouds' changes are forgotten. */
    public void resetSandbox() {
        if (sandbox) {
            onResetSandbox.run();
        }
    }

    /** Time travel in the sandbox: its clock, and what moves that clock forward (saved with the world). */
    public void setSandboxTime(java.time.Clock clock, java.util.function.Consumer<java.time.Duration> moveForward) {
        this.sandboxClock = clock;
        this.moveSandboxTime = moveForward;
    }

    /** Whether the window offers "Move time forward" (only on the sandbox). */
    public boolean canMoveSandboxTime() {
        return sandbox && moveSandboxTime != null;
    }

    /**
     * Moves the sandbox's time forward by {@code days} (a whole number from 1 to 36,500, as typed), so expiry and
     * quarantine can be rehearsed; the status line then says the sandbox's date.
     */
    public void moveSandboxTime(String days) {
        if (!canMoveSandboxTime()) {
            return;
        }
        long n;
        try {
            n = Long.parseLong(days == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1 || n > 36_500) {
            status.set(messages.get("shell.sandbox.timeBadDays", days == null ? "" : days.strip()));
            return;
        }
        java.time.Duration step = java.time.Duration.ofDays(n);
        tasks.task(messages.get("shell.sandbox.time"), ctx -> {
                    moveSandboxTime.accept(step);
                    return java.time.LocalDate.ofInstant(sandboxClock.instant(), java.time.ZoneOffset.UTC);
                })
                .onSuccess(date -> status.set(messages.get("shell.sandbox.timeMoved", date.toString())))
                .onFailure(e -> status.set(ErrorText.what(e)))
                .start();
    }

    /** Says the sandbox's date on the status line (a window opened after the command line moved time). */
    public void showSandboxDate() {
        if (canMoveSandboxTime()) {
            status.set(messages.get("shell.sandbox.timeMoved",
                    java.time.LocalDate.ofInstant(sandboxClock.instant(), java.time.ZoneOffset.UTC).toString()));
        }
    }

    public void navigate(Page target) {
        page.set(target);
    }

    public void toggleTheme() {
        dark.set(!dark.get());
    }

    public void reportStatus(String text) {
        status.set(text);
    }

    /** Asks both clouds who is signed in, and shows it in the connection bar. */
    public void refreshConnections() {
        entra.ifPresent(tenant -> {
            entraStatus.set(new ConnectionStatus(ConnectionStatus.State.CONNECTING, messages.get("shell.connecting")));
            tasks.task(messages.get("shell.task.entra"), ctx -> tenant.tenant())
                    .onSuccess(t -> entraStatus.set(new ConnectionStatus(connectedState(),
                            messages.get(sandbox ? "shell.entra.sandbox" : "shell.entra.signedIn",
                                    t.primaryDomain(), t.signedInUser()))))
                    .onFailure(e -> entraStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR,
                            ErrorText.what(e))))
                    .start();
        });
        aws.ifPresent(center -> {
            awsStatus.set(new ConnectionStatus(ConnectionStatus.State.CONNECTING, messages.get("shell.connecting")));
            tasks.task(messages.get("shell.task.aws"), ctx -> {
                        var instances = center.instances();
                        String who = center.callerIdentity();
                        return instances.isEmpty() ? messages.get("shell.aws.noInstance", who)
                                : messages.get(sandbox ? "shell.aws.sandbox" : "shell.aws.signedIn",
                                instances.get(0).region(), instances.get(0).identityStoreId(), who);
                    })
                    .onSuccess(label -> awsStatus.set(new ConnectionStatus(connectedState(), label)))
                    .onFailure(e -> awsStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR, ErrorText.what(e))))
                    .start();
        });
    }

    private ConnectionStatus.State connectedState() {
        return sandbox ? ConnectionStatus.State.SANDBOX : ConnectionStatus.State.SIGNED_IN;
    }

    /** Whether the bar offers sign-in and sign-out (not in the sandbox). */
    public boolean canSignIn() {
        return connections != null && !sandbox;
    }

    public java.util.List<String> awsProfiles() {
        return connections == null ? java.util.List.of() : connections.awsProfiles();
    }

    /**
     * Reads the AWS profiles off the FX thread (the files may sit on a slow disk); a file that cannot be read goes
     * to {@code unreadable} with what the parser said (file and line) and what to do.
     */
    public void awsProfiles(java.util.function.Consumer<java.util.List<String>> then,
                            java.util.function.Consumer<String> unreadable) {
        if (connections == null) {
            then.accept(java.util.List.of());
            return;
        }
        tasks.task(messages.get("shell.task.awsProfiles"), ctx -> connections.awsProfiles())
                .onSuccess(then)
                .onFailure(e -> unreadable.accept(ErrorText.what(e) + " " + ErrorText.fix(e)))
                .start();
    }

    public void signInEntra() {
        if (connections == null) {
            return;
        }
        entraStatus.set(new ConnectionStatus(ConnectionStatus.State.CONNECTING, messages.get("shell.entra.signingIn")));
        tasks.task(messages.get("shell.task.entraSignIn"),
                        ctx -> connections.signInEntra(prompt -> ctx.onUi(() -> entraStatus.set(new ConnectionStatus(
                                ConnectionStatus.State.CONNECTING, messages.get("shell.entra.deviceCode", prompt))))))
                .onSuccess(label -> {
                    entraStatus.set(new ConnectionStatus(ConnectionStatus.State.SIGNED_IN, messages.get("shell.entra.label", label)));
                    afterSignIn();
                })
                .onFailure(this::entraSignInFailed)
                .onCancelled(() -> entraStatus.set(ConnectionStatus.signedOut(messages.get("shell.entra.signedOut"))))
                .start();
    }

    /** Says why in words on the chip, and what to do next in the status line; the raw error stays in the log. */
    private void entraSignInFailed(Throwable e) {
        SignInFailure why = SignInFailure.of(e);
        String detail = why == SignInFailure.OTHER ? ErrorText.what(e) : "";
        entraStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR, messages.get(why.messageKey(), detail)));
        status.set(messages.get(why.messageKey() + ".fix"));
    }

    public void signInAws(String profile) {
        if (connections == null || profile == null || profile.isBlank()) {
            return;
        }
        awsStatus.set(new ConnectionStatus(ConnectionStatus.State.CONNECTING, messages.get("shell.aws.signingIn", profile)));
        tasks.task(messages.get("shell.task.awsSignIn"), ctx -> connections.signInAws(profile))
                .onSuccess(label -> {
                    awsStatus.set(new ConnectionStatus(ConnectionStatus.State.SIGNED_IN, messages.get("shell.aws.label", label)));
                    afterSignIn();
                })
                .onFailure(e -> awsStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR,
                        messages.get("shell.aws.failed", ErrorText.what(e)))))
                .onCancelled(() -> awsStatus.set(ConnectionStatus.signedOut(messages.get("shell.aws.signedOut"))))
                .start();
    }

    /** IAM Identity Center sign-in in the browser; {@code chooseAccount} gets the accounts to pick from. */
    public void signInIdentityCenter(String startUrl, String region, java.util.function.Consumer<java.util.List<String>> chooseAccount) {
        if (connections == null) {
            return;
        }
        awsStatus.set(new ConnectionStatus(ConnectionStatus.State.CONNECTING, messages.get("shell.aws.idcSigningIn")));
        tasks.task(messages.get("shell.task.awsSignIn"), ctx -> connections.signInIdentityCenter(startUrl, region))
                .onSuccess(chooseAccount)
                .onFailure(e -> awsStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR,
                        messages.get("shell.aws.failed", ErrorText.what(e)))))
                .start();
    }

    public void identityCenterRoles(String account, java.util.function.Consumer<java.util.List<String>> chooseRole) {
        tasks.task(messages.get("shell.task.awsRoles"), ctx -> connections.identityCenterRoles(account))
                .onSuccess(chooseRole)
                .onFailure(e -> awsStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR,
                        messages.get("shell.aws.failed", ErrorText.what(e)))))
                .start();
    }

    public void useIdentityCenterRole(String account, String role) {
        tasks.task(messages.get("shell.task.awsSignIn"), ctx -> connections.useIdentityCenterRole(account, role))
                .onSuccess(label -> {
                    awsStatus.set(new ConnectionStatus(ConnectionStatus.State.SIGNED_IN, messages.get("shell.aws.label", label)));
                    afterSignIn();
                })
                .onFailure(e -> awsStatus.set(new ConnectionStatus(ConnectionStatus.State.ERROR,
                        messages.get("shell.aws.failed", ErrorText.what(e)))))
                .start();
    }

    public void signOutEntra() {
        if (connections != null) {
            connections.signOutEntra();
            entraStatus.set(ConnectionStatus.signedOut(messages.get("shell.entra.signedOut")));
            status.set(messages.get("shell.status.signedOut"));
        }
    }

    public void signOutAws() {
        if (connections != null) {
            connections.signOutAws();
            awsStatus.set(ConnectionStatus.signedOut(messages.get("shell.aws.signedOut")));
            status.set(messages.get("shell.status.signedOut"));
        }
    }

    private void afterSignIn() {
        if (connections.ready()) {
            status.set(messages.get("shell.status.connected"));
            onReady.run();
        } else {
            status.set(messages.get("shell.status.oneMore"));
        }
    }

    /** Remembers the window's placement and theme for the next start. */
    public void saveWindow(double x, double y, double width, double height, boolean maximized, double[] dividers) {
        placement = new WindowPlacement(WindowPlacement.VERSION, x, y, width, height, maximized, dark.get(), dividers);
        store.save(WindowPlacement.STORE_NAME, placement);
    }
}
