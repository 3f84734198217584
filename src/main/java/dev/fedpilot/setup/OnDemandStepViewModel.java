package dev.fedpilot.setup;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.provisioning.OnDemandProvisioner;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.OnDemandRequest;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.ProvisioningOutcome;
import dev.fedpilot.domain.RateWindow;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

/**
 * Step 8: provisions the assigned groups and users now instead of after the 40-minute cycle: groups go in
 * requests of at most 5 members, at most 5 requests per 10 seconds (the adapter waits out throttling answers).
 */
public final class OnDemandStepViewModel extends StepViewModel {
    private final ObservableList<ProvisioningOutcome> outcomes = FXCollections.observableArrayList();

    public OnDemandStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.PROVISION_ON_DEMAND);
    }

    public ObservableList<ProvisioningOutcome> outcomes() {
        return outcomes;
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(
                () -> ctx.state().jobId() != null && !ctx.state().assignments().isEmpty(), ctx.stateProperty()));
    }

    @Override
    public void run() {
        EnterpriseApp app = ctx.state().app();
        String jobId = ctx.state().jobId();
        List<AppAssignment> assignments = ctx.state().assignments();
        if (app == null || jobId == null) {
            return;
        }
        outcomes.clear();
        work(text("setup.ondemand.task"), c -> {
            OnDemandProvisioner provisioner = new OnDemandProvisioner(ctx.entra(), ctx.clock(), ctx.sleeper());
            List<OnDemandRequest> requests = provisioner.plan(assignments);
            int failures = 0;
            for (int i = 0; i < requests.size(); i++) {
                if (c.cancelled()) {
                    throw new CancellationException();
                }
                c.progress(i, requests.size(), text("setup.ondemand.progress", i + 1, requests.size()));
                List<ProvisioningOutcome> result = provisioner.provision(app, jobId, requests.get(i),
                        wait -> c.progress(-1, -1, text("setup.ondemand.pacing", Math.max(1, wait.toSeconds()))));
                failures += (int) result.stream().filter(o -> o.result() == ProvisioningOutcome.Result.FAILURE).count();
                c.onUi(() -> outcomes.addAll(result));
            }
            return failures;
        }, failures -> {
            ctx.audit(step(), "provisioned on demand", failures == 0 ? AuditEntry.Outcome.OK : AuditEntry.Outcome.FAILED,
                    outcomes.size() + " outcomes, " + failures + " failed");
            ctx.flowed(SetupContext.Side.AWS, text("setup.flow.ondemand"));
            if (failures == 0) {
                done(text("setup.ondemand.done", outcomes.size()));
            } else {
                attention(text("setup.ondemand.failures", failures));
            }
        });
    }
}
