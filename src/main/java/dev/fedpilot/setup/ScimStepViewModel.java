package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.port.AwsConsole;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Step 6: checks the SCIM endpoint and token the user pasted directly against the endpoint (nothing changes
 * there), then lets Entra validate them, stores them in the app and starts the provisioning job. The token
 * lives in memory only and is wiped once Entra has it.
 */
public final class ScimStepViewModel extends StepViewModel {
    private final StringProperty endpoint = new SimpleStringProperty("");
    private final BooleanProperty tokenPresent = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> tokenCreated = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper endpointError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tokenNote = new ReadOnlyStringWrapper("");
    private Secret token;

    public ScimStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.SCIM);
        if (ctx.state().scimEndpoint() != null) {
            endpoint.set(ctx.state().scimEndpoint());
        }
        tokenCreated.set(ctx.state().scimTokenCreated() != null
                ? LocalDate.ofInstant(ctx.state().scimTokenCreated(), ZoneOffset.UTC)
                : LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC));
        endpoint.addListener((o, a, text) -> endpointError.set(validateEndpoint(text)));
    }

    // --- properties -----------------------------------------------------------------------------------------

    public StringProperty endpointProperty() {
        return endpoint;
    }

    /** Why the endpoint cannot be used, or empty. */
    public ReadOnlyStringProperty endpointErrorProperty() {
        return endpointError.getReadOnlyProperty();
    }

    public ObjectProperty<LocalDate> tokenCreatedProperty() {
        return tokenCreated;
    }

    public BooleanProperty tokenPresentProperty() {
        return tokenPresent;
    }

    /**
     * What the token box should say about a token it did not receive by typing (a new one generated in the
     * console), or empty: the box then shows what was typed into it, never an older token's dots.
     */
    public ReadOnlyStringProperty tokenNoteProperty() {
        return tokenNote.getReadOnlyProperty();
    }

    public boolean simulatedConsole() {
        return ctx.console().simulated().isPresent();
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(tokenPresent).and(Bindings.createBooleanBinding(
                () -> !endpoint.get().isBlank() && endpointError.get().isEmpty() && ctx.state().app() != null,
                endpoint, endpointError, ctx.stateProperty()));
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Takes the pasted token; the caller's array is wiped. */
    public void setToken(char[] chars) {
        if (token != null) {
            token.close();
        }
        token = chars == null || chars.length == 0 ? null : Secret.of(chars);
        tokenNote.set("");
        if (chars != null) {
            Arrays.fill(chars, '\0');
        }
        tokenPresent.set(token != null && !token.isEmpty());
    }

    /** Sandbox rehearsal: what "Enable automatic provisioning" and "Generate token" in the console give. */
    public void takeFromSimulatedConsole() {
        ctx.console().simulated().ifPresent(console -> work(text("setup.scim.generating"), c -> {
            ScimEndpoint scim = console.scimEndpoint();
            return new Generated(scim, console.generateScimToken());
        }, generated -> {
            endpoint.set(generated.endpoint().toString());
            if (token != null) {
                token.close();
            }
            token = generated.token();
            tokenPresent.set(true);
            tokenCreated.set(LocalDate.ofInstant(ctx.clock().instant(), ZoneOffset.UTC));
            tokenNote.set(text("setup.scim.tokenGenerated", java.time.LocalTime.ofInstant(ctx.clock().instant(),
                    java.time.ZoneId.systemDefault()).truncatedTo(java.time.temporal.ChronoUnit.MINUTES)));
            say(text("setup.scim.generated"));
        }));
    }

    private record Generated(ScimEndpoint endpoint, Secret token) {
    }

    public void openConsole() {
        if (ctx.state().instance() != null) {
            ctx.dialogs().openInBrowser(ctx.console().page(AwsConsole.Task.ENABLE_PROVISIONING,
                    ctx.state().instance()).toString());
        }
    }

    @Override
    public void run() {
        EnterpriseApp app = ctx.state().app();
        if (app == null || token == null || !endpointError.get().isEmpty()) {
            return;
        }
        ScimEndpoint scim = ScimEndpoint.parse(endpoint.get());
        Secret secret = token.copy();
        Instant created = tokenCreated.get() == null ? ctx.clock().instant()
                : tokenCreated.get().atStartOfDay(ZoneOffset.UTC).toInstant();
        work(text("setup.scim.task"), c -> {
            try (secret) {
                c.progress(1, 4, text("setup.scim.probing"));
                ScimCheck check = ctx.scimProbe().check(scim, secret);
                if (!check.ok()) {
                    throw new CloudException(CloudException.Problem.INVALID_INPUT, check.message(), check.fix());
                }
                c.progress(2, 4, text("setup.scim.job"));
                ProvisioningJob job = ctx.entra().findProvisioningJob(app).orElseGet(() -> ctx.entra().createProvisioningJob(app));
                c.progress(3, 4, text("setup.scim.validating"));
                ctx.entra().validateCredentials(app, job.jobId(), scim, secret);
                ctx.entra().saveCredentials(app, scim, secret);
                c.progress(4, 4, text("setup.scim.starting"));
                ctx.entra().startJob(app, job.jobId());
                return job.jobId();
            }
        }, jobId -> {
            token.close();
            token = null;
            tokenPresent.set(false);
            tokenNote.set("");
            ctx.update(s -> s.withScim(scim.toString(), created, jobId));
            ctx.audit(step(), "connected SCIM", AuditEntry.Outcome.OK, "endpoint " + scim + ", job " + jobId);
            ctx.flowed(SetupContext.Side.ENTRA, text("setup.flow.scim"));
            var expiry = Pitfalls.scimToken(created, ctx.clock().instant());
            done(expiry.isEmpty() ? text("setup.scim.done", jobId) : expiry.get(0).message() + " " + expiry.get(0).fix());
        });
    }

    private String validateEndpoint(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        try {
            ScimEndpoint parsed = ScimEndpoint.parse(text);
            return parsed.looksLikeAws() ? ""
                    : text("setup.scim.notAws");
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
