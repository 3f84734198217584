package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.TenantInfo;
import javafx.beans.binding.BooleanExpression;

/** Step 1: checks that both clouds answer, and who is signed in to each. */
public final class SignInStepViewModel extends StepViewModel {

    public SignInStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.SIGN_IN);
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not();
    }

    private record Who(TenantInfo tenant, String aws) {
    }

    @Override
    public void run() {
        work(text("setup.signIn.task"), c -> new Who(ctx.entra().tenant(), ctx.aws().callerIdentity()), who -> {
            ctx.update(s -> s.withTenant(who.tenant()));
            ctx.audit(step(), "signed in", AuditEntry.Outcome.OK, who.tenant().primaryDomain() + " / " + who.aws());
            done(text("setup.signIn.done", who.tenant().signedInUser(), who.tenant().primaryDomain(), who.aws()));
        });
    }
}
