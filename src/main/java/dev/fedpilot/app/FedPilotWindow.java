package dev.fedpilot.app;

import dev.fedpilot.directory.DirectoryContext;
import dev.fedpilot.health.HealthCheck;
import dev.fedpilot.health.HealthView;
import dev.fedpilot.health.HealthViewModel;
import dev.fedpilot.health.ProvisioningDoctor;
import dev.fedpilot.health.ScimTokenRotation;
import dev.fedpilot.directory.DirectoryView;
import dev.fedpilot.directory.DirectoryViewModel;
import dev.fedpilot.report.ReportBuilder;
import dev.fedpilot.report.ReportView;
import dev.fedpilot.report.ReportViewModel;
import dev.fedpilot.setup.SetupWizardView;
import dev.fedpilot.setup.SetupContext;
import dev.fedpilot.setup.SetupWizardViewModel;
import dev.fedpilot.ui.FxDialogService;
import dev.fedpilot.ui.FxTaskRunner;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.Theme;
import dev.fedpilot.ui.shell.Page;
import dev.fedpilot.ui.shell.ShellView;
import dev.fedpilot.ui.shell.ShellViewModel;
import dev.fedpilot.ui.shell.WelcomeView;
import dev.fedpilot.ui.shell.WindowPlacement;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntConsumer;

/** Composes the window: one task runner, dialogs, view models and views over the chosen services. */
public final class FedPilotWindow {
    private static final Logger LOG = LoggerFactory.getLogger(FedPilotWindow.class);
    private final ServicesFactory factory;
    private final Stage stage;
    private final IntConsumer onClosed;
    private final Messages messages = Messages.english();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fedpilot-worker");
        t.setDaemon(true);
        return t;
    });
    private final FxTaskRunner tasks = new FxTaskRunner(executor);
    private final FxDialogService dialogs;
    private Optional<Services> services;
    private ShellViewModel shell;
    private SetupWizardViewModel setup;
    /** The open directory: closed before another is built, so its journal's claim passes to the new one. */
    private DirectoryViewModel directory;
    private final boolean selfTest;
    private final GuiRequest request;
    private final CloudConnections connections;
    /** Screens whose unapplied edits the window asks about before quitting. */
    private final java.util.List<dev.fedpilot.ui.PendingEdits> pendingEdits = new java.util.ArrayList<>();

    public FedPilotWindow(ServicesFactory factory, GuiRequest request, Stage stage, IntConsumer onClosed) {
        this.factory = factory;
        this.stage = stage;
        this.onClosed = onClosed;
        this.dialogs = new FxDialogService(() -> stage);
        this.request = request;
        this.services = factory.forGui(request);
        this.selfTest = request.selfTest();
        this.connections = new CloudConnections(entraConfig(factory), factory.configDirectory());
    }

    private static dev.fedpilot.entra.EntraSignInConfig entraConfig(ServicesFactory factory) {
        try {
            return EntraSignInSettings.load(factory.settings(), System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.warn("ignoring the Entra sign-in settings: {}", e.getMessage());
            return dev.fedpilot.entra.EntraSignInConfig.defaults();
        }
    }

    public void show() {
        compose();
        WindowPlacement p = shell.placement();
        placeOnScreen(p);
        stage.getIcons().add(new Image(String.valueOf(FedPilotWindow.class.getResource("/dev/fedpilot/ui/icon-256.png"))));
        stage.setOnCloseRequest(e -> {
            e.consume(); // closing waits for the answer about pending edits, and for an apply the user chose
            new dev.fedpilot.ui.QuitGuard(pendingEdits, dialogs, messages).closeAfterAsking(() -> close(0));
        });
        StartupProbe.attach(stage.getScene(), this::close);
        stage.show();
        if (selfTest) {
            if (setup == null) {
                LOG.error("the self-test needs --sandbox");
                close(2);
            } else {
                new SelfTest(setup, shell, this::close).start();
            }
        }
    }

    /** The window's stage, for tests and the self-test. */
    public Stage stage() {
        return stage;
    }

    /** The setup wizard, or null on the welcome screen; for the self-test. */
    public SetupWizardViewModel setup() {
        return setup;
    }

    private void compose() {
        pendingEdits.clear();
        Optional<Services> s = services;
        shell = new ShellViewModel(tasks, factory.settings(), messages,
                s.map(Services::entra), s.map(Services::identityCenter), s.map(Services::sandbox).orElse(false),
                connections, this::connected);
        shell.setOnResetSandbox(this::resetSandbox);
        if (s.isPresent() && s.get().clock() instanceof dev.fedpilot.sandbox.SandboxClock clock) {
            shell.setSandboxTime(clock, clock::moveForward);
            if (!clock.offset().isZero()) {
                shell.showSandboxDate();
            }
        }
        Map<Page, Node> pages = new EnumMap<>(Page.class);
        if (s.isPresent()) {
            Services sv = s.get();
            SetupContext context = new SetupContext(sv.entra(), sv.identityCenter(), sv.scimProbe(), sv.console(),
                    sv.store(), sv.audit(), sv.clock(), tasks, messages, dialogs, factory.exportDirectory());
            setup = new SetupWizardViewModel(context, SetupWizardViewModel.Timing.interactive());
            pages.put(Page.SETUP, new SetupWizardView(setup, messages, dialogs));
            if (directory != null) {
                pendingEdits.remove(directory);
                directory.close();
            }
            directory = new DirectoryViewModel(DirectoryContext.of(sv.identityCenter(),
                    sv.entra(), sv.store(), sv.audit(), sv.clock(), tasks, messages, dialogs));
            pendingEdits.add(directory);
            pages.put(Page.DIRECTORY, new DirectoryView(directory, messages, dialogs));
            pages.put(Page.REPORT, new ReportView(new ReportViewModel(new ReportBuilder(sv.entra(), sv.identityCenter(),
                    sv.store(), sv.audit(), sv.clock()), tasks, dialogs, messages), messages, dialogs));
            pages.put(Page.HEALTH, new HealthView(new HealthViewModel(new HealthViewModel.Services(
                    new HealthCheck(HealthCheck.Side.of(sv.entra()), HealthCheck.Side.of(sv.identityCenter()),
                            sv.clock(), messages),
                    new ProvisioningDoctor(sv.entra(), sv.identityCenter(), messages),
                    new ScimTokenRotation(sv.entra(), sv.scimProbe(), sv.store(), sv.audit(), sv.clock()),
                    sv.store()), tasks, messages), messages));
            setup.resume();
        } else {
            for (Page page : Page.values()) {
                pages.put(page, new WelcomeView(messages, page, this::switchToSandbox));
            }
        }
        ShellView view = new ShellView(shell, messages, dialogs, pages);
        Scene scene = stage.getScene();
        if (scene == null) {
            scene = new Scene(view);
            stage.setScene(scene);
        } else {
            scene.setRoot(view);
        }
        Scene current = scene;
        Theme.apply(current, shell.darkProperty().get());
        shell.darkProperty().addListener((o, a, dark) -> Theme.apply(current, dark));
        stage.setTitle(messages.get(shell.sandbox() ? "app.title.sandbox" : "app.title"));
        shell.refreshConnections();
    }

    /** Both clouds signed in: the features open on them. */
    private void connected() {
        services = Optional.of(factory.cloud(connections.entra().orElseThrow(), connections.aws().orElseThrow()));
        compose();
    }

    private void switchToSandbox() {
        services = factory.forGui(true);
        compose();
    }

    /** The sandbox menu's "start over": the world goes back to its seed and the pages open on it afresh. */
    private void resetSandbox() {
        boolean large = request.largeSandbox();
        services.ifPresent(FedPilotWindow::shutDown);
        factory.resetSandbox(large);
        services = factory.forGui(new GuiRequest(true, false, large, false));
        compose();
    }

    private static void shutDown(Services s) {
        try {
            s.shutdown().close();
        } catch (Exception e) {
            LOG.warn("shutdown failed", e);
        }
    }

    private void placeOnScreen(WindowPlacement p) {
        stage.setWidth(p.width());
        stage.setHeight(p.height());
        boolean onScreen = !Double.isNaN(p.x()) && Screen.getScreensForRectangle(
                new Rectangle2D(p.x(), p.y(), Math.max(1, p.width()), Math.max(1, p.height()))).size() > 0;
        if (onScreen) {
            stage.setX(p.x());
            stage.setY(p.y());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(p.maximized());
    }

    /** Saves the window's placement, stops background work and reports the exit code. */
    public void close(int exitCode) {
        try {
            shell.saveWindow(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                    new double[0]);
        } catch (RuntimeException e) {
            LOG.warn("could not save the window placement", e);
        }
        services.ifPresent(FedPilotWindow::shutDown);
        executor.shutdownNow();
        stage.hide();
        onClosed.accept(exitCode);
    }
}
