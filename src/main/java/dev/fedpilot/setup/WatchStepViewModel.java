package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.SetupStep;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;

/** Step 9: follows the provisioning job until a cycle has run cleanly; explains quarantine and offers restart. */
public final class WatchStepViewModel extends StepViewModel {
    private final ReadOnlyObjectWrapper<ProvisioningJob> job = new ReadOnlyObjectWrapper<>();
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public WatchStepViewModel(SetupContext ctx, Duration pollEvery, Duration giveUpAfter) {
        super(ctx, SetupStep.WATCH);
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    public ReadOnlyObjectProperty<ProvisioningJob> jobProperty() {
        return job.getReadOnlyProperty();
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(() -> ctx.state().jobId() != null,
                ctx.stateProperty()));
    }

    @Override
    public void run() {
        EnterpriseApp app = ctx.state().app();
        String jobId = ctx.state().jobId();
        if (app == null || jobId == null) {
            return;
        }
        work(text("setup.watch.task"), c -> {
            Instant deadline = ctx.clock().instant().plus(giveUpAfter);
            while (true) {
                ProvisioningJob current = ctx.entra().job(app, jobId);
                c.onUi(() -> job.set(current));
                if (settled(current) || ctx.clock().instant().isAfter(deadline)) {
                    return current;
                }
                c.progress(-1, -1, text("setup.watch.waiting", current.status().name()));
                if (c.cancelled()) {
                    throw new CancellationException();
                }
                ctx.sleeper().sleep(pollEvery);
            }
        }, this::report);
    }

    private static boolean settled(ProvisioningJob job) {
        return job.status() == ProvisioningJob.Status.QUARANTINE
                || job.status() == ProvisioningJob.Status.ACTIVE && job.lastExecution() != null;
    }

    private void report(ProvisioningJob current) {
        job.set(current);
        switch (current.status()) {
            case QUARANTINE -> {
                var q = current.quarantine();
                String reason = q == null ? "" : q.reason();
                ctx.audit(step(), "job in quarantine", AuditEntry.Outcome.FAILED, reason);
                attention(text("setup.watch.quarantine", reason, q == null || q.detail() == null ? "" : q.detail())
                        + "\n" + fixFor(reason));
            }
            case ACTIVE -> {
                if (current.lastExecution() == null) {
                    attention(text("setup.watch.noCycleYet"));
                } else {
                    var last = current.lastExecution();
                    ctx.audit(step(), "provisioning cycle", AuditEntry.Outcome.OK,
                            last.succeeded() + " succeeded, " + last.failed() + " failed");
                    done(text("setup.watch.steady", last.succeeded(), last.failed()));
                }
            }
            default -> attention(text("setup.watch.notRunning", current.status().name()));
        }
    }

    private String fixFor(String reason) {
        return reason != null && reason.contains("InvalidCredentials") ? text("setup.watch.fixCredentials")
                : text("setup.watch.fixOther");
    }

    /** Restarts the job (clears quarantine) and watches again. */
    public void restartJob() {
        EnterpriseApp app = ctx.state().app();
        String jobId = ctx.state().jobId();
        if (app == null || jobId == null) {
            return;
        }
        work(text("setup.watch.restarting"), c -> {
            ctx.entra().restartJob(app, jobId);
            return ctx.entra().job(app, jobId);
        }, restarted -> {
            ctx.audit(step(), "restarted job", AuditEntry.Outcome.OK, jobId);
            job.set(restarted);
            run();
        });
    }
}
