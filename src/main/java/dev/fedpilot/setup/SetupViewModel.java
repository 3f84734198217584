package dev.fedpilot.setup;

import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.domain.TenantInfo;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.ui.ErrorText;
import dev.fedpilot.ui.Fact;
import dev.fedpilot.ui.Messages;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The Setup area: the guide's steps, and what each cloud currently has. */
public final class SetupViewModel {
    private final TaskRunner tasks;
    private final Messages messages;
    private final Optional<EntraTenant> entra;
    private final Optional<IdentityCenter> aws;

    private final ObservableList<StepItem> steps = FXCollections.observableArrayList();
    private final ObjectProperty<StepItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<Fact> awsFacts = FXCollections.observableArrayList();
    private final ObservableList<Fact> entraFacts = FXCollections.observableArrayList();

    public SetupViewModel(TaskRunner tasks, Messages messages, Optional<EntraTenant> entra, Optional<IdentityCenter> aws) {
        this.tasks = tasks;
        this.messages = messages;
        this.entra = entra;
        this.aws = aws;
        for (SetupStep step : SetupStep.values()) {
            steps.add(new StepItem(step, messages));
        }
        selected.set(steps.get(0));
    }

    public ObservableList<StepItem> steps() {
        return steps;
    }

    public ObjectProperty<StepItem> selectedProperty() {
        return selected;
    }

    public ObservableList<Fact> awsFacts() {
        return awsFacts;
    }

    public ObservableList<Fact> entraFacts() {
        return entraFacts;
    }

    public StepItem item(SetupStep step) {
        return steps.get(step.ordinal());
    }

    /** Reads what both clouds have now and marks the steps that are already done. */
    public void refresh() {
        if (entra.isEmpty() || aws.isEmpty()) {
            mark(SetupStep.SIGN_IN, StepStatus.TODO, messages.get("setup.signIn.missing"));
            return;
        }
        mark(SetupStep.SIGN_IN, StepStatus.DONE, "");
        aws.ifPresent(center -> tasks.task(messages.get("setup.task.instance"), ctx -> center.instances())
                .onSuccess(this::showInstances)
                .onFailure(e -> mark(SetupStep.FIND_INSTANCE, StepStatus.ATTENTION, ErrorText.full(e)))
                .start());
        entra.ifPresent(tenant -> tasks.task(messages.get("setup.task.tenant"),
                        ctx -> new TenantAndApps(tenant.tenant(), tenant.findAwsIdcApps()))
                .onSuccess(this::showTenant)
                .onFailure(e -> mark(SetupStep.ENTRA_APP, StepStatus.ATTENTION, ErrorText.full(e)))
                .start());
    }

    private record TenantAndApps(TenantInfo tenant, List<EnterpriseApp> apps) {
    }

    private void showInstances(List<IdcInstance> instances) {
        List<Fact> facts = new ArrayList<>();
        if (instances.isEmpty()) {
            mark(SetupStep.FIND_INSTANCE, StepStatus.ATTENTION, messages.get("setup.instance.none"));
        } else {
            IdcInstance first = instances.get(0);
            facts.add(Fact.code(messages.get("setup.fact.instance"), first.instanceArn()));
            facts.add(Fact.code(messages.get("setup.fact.identityStore"), first.identityStoreId()));
            facts.add(Fact.text(messages.get("setup.fact.region"), first.region()));
            mark(SetupStep.FIND_INSTANCE, instances.size() == 1 ? StepStatus.DONE : StepStatus.ATTENTION,
                    instances.size() == 1 ? "" : messages.get("setup.instance.several", instances.size()));
        }
        awsFacts.setAll(facts);
    }

    private void showTenant(TenantAndApps found) {
        List<Fact> facts = new ArrayList<>();
        facts.add(Fact.text(messages.get("setup.fact.tenant"), found.tenant().primaryDomain()));
        facts.add(Fact.code(messages.get("setup.fact.tenantId"), found.tenant().tenantId()));
        if (!found.apps().isEmpty()) {
            EnterpriseApp app = found.apps().get(0);
            facts.add(Fact.text(messages.get("setup.fact.app"), app.displayName()));
            facts.add(Fact.code(messages.get("setup.fact.appId"), app.appId()));
            facts.add(Fact.code(messages.get("setup.fact.spId"), app.servicePrincipalId()));
            mark(SetupStep.ENTRA_APP, StepStatus.DONE, messages.get("setup.app.adopted", app.displayName()));
        }
        entraFacts.setAll(facts);
    }

    private void mark(SetupStep step, StepStatus status, String note) {
        StepItem item = item(step);
        item.statusProperty().set(status);
        item.noteProperty().set(note);
    }
}
