package dev.fedpilot.health;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.StateStore;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Health screen: the same check as {@code fedpilot check}, the provisioning doctor, and the SCIM token
 * rotation, each run in the background.
 */
public final class HealthViewModel {
    /** What the screen needs; built once by the composition root. */
    public record Services(HealthCheck check, ProvisioningDoctor doctor, ScimTokenRotation rotation, StateStore store) {
    }

    private final Services services;
    private final TaskRunner tasks;
    private final Messages messages;
    private final ObservableList<Finding> items = FXCollections.observableArrayList();
    private final ObservableList<Finding> doctorFindings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<ScimTokenRotation.Stage> rotationStage = new ReadOnlyObjectWrapper<>();
    private final StringProperty endpoint = new SimpleStringProperty("");

    public HealthViewModel(Services services, TaskRunner tasks, Messages messages) {
        this.services = services;
        this.tasks = tasks;
        this.messages = messages;
        summary.set(messages.get("health.view.notYet"));
    }

    // --- properties -----------------------------------------------------------------------------------------

    /** The check's items, worst first, as findings (critical as errors). */
    public ObservableList<Finding> items() {
        return items;
    }

    public ObservableList<Finding> doctorFindings() {
        return doctorFindings;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The rotation under way, or null when none. */
    public ReadOnlyObjectProperty<ScimTokenRotation.Stage> rotationStageProperty() {
        return rotationStage.getReadOnlyProperty();
    }

    public StringProperty endpointProperty() {
        return endpoint;
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** The first time the page is shown it checks by itself; later visits keep what was shown. */
    public void shown() {
        if (items.isEmpty() && !busy.get()) {
            refresh();
        }
    }

    public void refresh() {
        run(messages.get("health.view.checking"), c -> {
            SetupState setup = setup();
            HealthReport report = services.check().run(setup, Duration.ofDays(30));
            return new Refreshed(report, setup, services.rotation().inProgress().map(ScimTokenRotation.State::stage)
                    .orElse(null));
        }, r -> {
            items.setAll(r.report().items().stream().map(HealthViewModel::asFinding).toList());
            summary.set(messages.get("health.view.summary." + r.report().level().id(), r.report().attention().size()));
            status.set(messages.get("health.view.checked", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
                    .withZone(java.time.ZoneId.systemDefault()).format(r.report().checkedAt())));
            rotationStage.set(r.rotation());
            if (endpoint.get().isBlank() && r.setup().scimEndpoint() != null) {
                endpoint.set(r.setup().scimEndpoint());
            }
        });
    }

    private record Refreshed(HealthReport report, SetupState setup, ScimTokenRotation.Stage rotation) {
    }

    /** Runs the provisioning doctor over everyone in scope. */
    public void examine() {
        run(messages.get("health.view.examining"), c -> {
            SetupState setup = setup();
            if (setup.app() == null || setup.instance() == null) {
                return List.of(Finding.warning("setup", messages.get("health.setup.none"),
                        messages.get("health.setup.none.fix")));
            }
            return services.doctor().examine(setup.app(), setup.instance(),
                    p -> c.progress(p.done(), -1, messages.get("health.view.examining.progress", p.done())));
        }, findings -> {
            doctorFindings.setAll(findings);
            status.set(findings.isEmpty() ? messages.get("health.view.doctor.clean")
                    : messages.get("health.view.doctor.found", findings.size()));
        });
    }

    public void startRotation() {
        run(messages.get("health.view.rotation.starting"), c -> services.rotation().start().stage(),
                rotationStage::set);
    }

    /** Takes the new token; the caller's array is wiped at once, the copy when the task ends. */
    public void storeNewToken(char[] token) {
        Secret secret = Secret.of(token.clone());
        Arrays.fill(token, '\0');
        String url = endpoint.get();
        run(messages.get("health.view.rotation.storing"), c -> {
            try (secret) {
                return services.rotation().storeNewToken(ScimEndpoint.parse(url), secret).stage();
            }
        }, stage -> {
            rotationStage.set(stage);
            status.set(messages.get("health.view.rotation.stored"));
        });
    }

    public void checkCycle() {
        run(messages.get("health.view.rotation.checking"), c -> services.rotation().checkCycle().stage(), stage -> {
            rotationStage.set(stage);
            status.set(stage == ScimTokenRotation.Stage.CYCLE_CONFIRMED
                    ? messages.get("health.view.rotation.confirmed") : messages.get("health.view.rotation.waiting"));
        });
    }

    public void oldTokenDeleted() {
        run(messages.get("health.view.rotation.finishing"), c -> services.rotation().oldTokenDeleted().stage(),
                stage -> {
                    rotationStage.set(null);
                    status.set(messages.get("health.view.rotation.done"));
                    refresh();
                });
    }

    private SetupState setup() {
        return services.store().load(SetupState.STORE_NAME, SetupState.class).orElse(SetupState.empty());
    }

    private <T> void run(String title, TaskRunner.Work<T> work, Consumer<T> done) {
        busy.set(true);
        status.set(title);
        tasks.task(title, work).onSuccess(done).onFailure(e -> status.set(ErrorText.what(e) + " " + ErrorText.fix(e)))
                .onFinally(() -> busy.set(false)).start();
    }

    static Finding asFinding(HealthItem item) {
        return new Finding(switch (item.level()) {
            case CRITICAL -> Finding.Severity.ERROR;
            case WARNING -> Finding.Severity.WARNING;
            case OK -> Finding.Severity.INFO;
        }, item.code(), item.message(), item.fix());
    }
}
