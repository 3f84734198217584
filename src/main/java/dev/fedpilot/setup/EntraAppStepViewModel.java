package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.ui.TaskRunner;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Step 3: adopts the tenant's existing IAM Identity Center app, or creates one from the gallery template and
 * waits until Entra can read it (creation is eventually consistent).
 */
public final class EntraAppStepViewModel extends StepViewModel {
    static final String DEFAULT_NAME = "AWS IAM Identity Center";
    private final StringProperty displayName = new SimpleStringProperty(DEFAULT_NAME);
    private final Duration pollEvery;
    private final Duration giveUpAfter;

    public EntraAppStepViewModel(SetupContext ctx, Duration pollEvery, Duration giveUpAfter) {
        super(ctx, SetupStep.ENTRA_APP);
        this.pollEvery = pollEvery;
        this.giveUpAfter = giveUpAfter;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(
                () -> displayName.get() != null && !displayName.get().isBlank(), displayName));
    }

    private record Outcome(EnterpriseApp app, boolean adopted) {
    }

    @Override
    public void run() {
        String name = displayName.get().strip();
        work(text("setup.app.task"), c -> findOrCreate(name, c), outcome -> {
            ctx.update(s -> s.withApp(outcome.app()));
            ctx.audit(step(), outcome.adopted() ? "adopted app" : "created app", AuditEntry.Outcome.OK,
                    outcome.app().displayName() + " (" + outcome.app().appId() + ")");
            ctx.flowed(SetupContext.Side.ENTRA, text(outcome.adopted() ? "setup.flow.adopted" : "setup.flow.created"));
            done(text(outcome.adopted() ? "setup.app.adopted" : "setup.app.created", outcome.app().displayName()));
        });
    }

    private Outcome findOrCreate(String name, TaskRunner.TaskContext c) throws InterruptedException {
        EnterpriseApp saved = ctx.state().app();
        List<EnterpriseApp> existing = ctx.entra().findAwsIdcApps();
        if (!existing.isEmpty()) {
            EnterpriseApp pick = existing.stream().filter(a -> saved != null
                    && a.servicePrincipalId().equals(saved.servicePrincipalId())).findFirst().orElse(existing.get(0));
            return new Outcome(pick, true);
        }
        if (saved != null) {
            // created in an earlier run and maybe not readable yet: wait for it instead of creating a second one
            return new Outcome(waitUntilReadable(saved, c), true);
        }
        EnterpriseApp created = ctx.entra().instantiateAwsIdcApp(name);
        c.onUi(() -> ctx.update(s -> s.withApp(created))); // a crash while waiting must not lead to a duplicate
        return new Outcome(waitUntilReadable(created, c), false);
    }

    private EnterpriseApp waitUntilReadable(EnterpriseApp app, TaskRunner.TaskContext c) throws InterruptedException {
        Instant deadline = ctx.clock().instant().plus(giveUpAfter);
        int attempt = 0;
        while (true) {
            if (c.cancelled()) {
                throw new CancellationException();
            }
            Optional<EnterpriseApp> readable;
            try {
                readable = ctx.entra().readApp(app);
            } catch (CloudException e) {
                if (e.problem() != CloudException.Problem.NOT_YET_AVAILABLE && e.problem() != CloudException.Problem.NOT_FOUND) {
                    throw e;
                }
                readable = Optional.empty();
            }
            if (readable.isPresent()) {
                return readable.get();
            }
            attempt++;
            c.progress(-1, -1, text("setup.app.waiting", attempt));
            if (ctx.clock().instant().isAfter(deadline)) {
                throw new CloudException(CloudException.Problem.NOT_YET_AVAILABLE, text("setup.app.slow"),
                        text("setup.app.slowFix"));
            }
            ctx.sleeper().sleep(pollEvery);
        }
    }
}
