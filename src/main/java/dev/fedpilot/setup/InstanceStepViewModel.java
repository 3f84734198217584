package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/** Step 2: finds the IAM Identity Center instance; the user picks one when there are several. */
public final class InstanceStepViewModel extends StepViewModel {
    private final ObservableList<IdcInstance> candidates = FXCollections.observableArrayList();

    public InstanceStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.FIND_INSTANCE);
    }

    public ObservableList<IdcInstance> candidates() {
        return candidates;
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not();
    }

    @Override
    public void run() {
        work(text("setup.task.instance"), c -> ctx.aws().instances(), this::found);
    }

    private void found(List<IdcInstance> instances) {
        candidates.setAll(instances);
        if (instances.isEmpty()) {
            attention(text("setup.instance.none"));
        } else if (instances.size() == 1) {
            choose(instances.get(0));
        } else {
            IdcInstance saved = ctx.state().instance();
            if (saved != null && instances.contains(saved)) {
                choose(saved);
            } else {
                attention(text("setup.instance.several", instances.size()));
            }
        }
    }

    /** Connects the setup to {@code instance}. */
    public void choose(IdcInstance instance) {
        ctx.update(s -> s.withInstance(instance));
        ctx.audit(step(), "chose instance", AuditEntry.Outcome.OK, instance.instanceArn());
        ctx.flowed(SetupContext.Side.AWS, text("setup.flow.instance"));
        done(text("setup.instance.done", instance.identityStoreId(), instance.region()));
    }

    public boolean chosen() {
        return ctx.state().instance() != null && status() == StepStatus.DONE;
    }
}
