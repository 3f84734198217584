package dev.fedpilot.setup;

import dev.fedpilot.files.AtomicFiles;
import dev.fedpilot.files.Access;
import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.MetadataKind;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.port.AwsConsole;
import dev.fedpilot.saml.SamlMetadataParser;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Step 5: downloads the Entra federation metadata, checks it against AWS's upload rules and saves it for the
 * AWS console, where the user uploads it and switches the identity source (AWS has no API for that).
 */
public final class IdpMetadataStepViewModel extends StepViewModel {
    private final SamlMetadataParser parser = new SamlMetadataParser();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper savedFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper awaitingConsole = new ReadOnlyBooleanWrapper();
    private String xml;

    public IdpMetadataStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.IDP_METADATA_TO_AWS);
        if (ctx.state().idpMetadataFile() != null) {
            savedFile.set(ctx.state().idpMetadataFile());
            awaitingConsole.set(status() != dev.fedpilot.domain.StepStatus.DONE);
        }
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public ReadOnlyStringProperty savedFileProperty() {
        return savedFile.getReadOnlyProperty();
    }

    /** True once the file is saved and the console steps are the user's turn. */
    public ReadOnlyBooleanProperty awaitingConsoleProperty() {
        return awaitingConsole.getReadOnlyProperty();
    }

    public boolean simulatedConsole() {
        return ctx.console().simulated().isPresent();
    }

    /** The clicks in the AWS console, in order. */
    public List<String> consoleChecklist() {
        return List.of(text("setup.idp.check1"), text("setup.idp.check2"), text("setup.idp.check3"),
                text("setup.idp.check4"), text("setup.idp.check5"));
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(() -> ctx.state().app() != null,
                ctx.stateProperty()));
    }

    private record Downloaded(String xml, SamlMetadata metadata, List<Finding> findings, Path file) {
    }

    @Override
    public void run() {
        EnterpriseApp app = ctx.state().app();
        if (app == null) {
            return;
        }
        work(text("setup.idp.task"), c -> {
            String text = ctx.entra().downloadFederationMetadata(app);
            SamlMetadata metadata = parser.parse(text);
            List<Finding> found = MetadataChecks.check(metadata, ctx.clock().instant(), MetadataKind.ENTRA_IDP);
            Path file = ctx.exports().resolve("entra-idp-metadata-" + app.appId() + ".xml");
            if (!Finding.anyError(found)) {
                AtomicFiles.writeString(file, Access.OWNER_ONLY, text);
            }
            return new Downloaded(text, metadata, found, file);
        }, downloaded -> {
            findings.setAll(downloaded.findings());
            if (Finding.anyError(downloaded.findings())) {
                attention(text("setup.idp.refused"));
                return;
            }
            xml = downloaded.xml();
            savedFile.set(downloaded.file().toString());
            awaitingConsole.set(true);
            ctx.update(s -> s.withIdpMetadataFile(downloaded.file().toString()));
            ctx.audit(step(), "saved IdP metadata", AuditEntry.Outcome.OK, downloaded.file().toString());
            ctx.flowed(SetupContext.Side.AWS, text("setup.flow.idp"));
            attention(text("setup.idp.yourTurn"));
        });
    }

    public void openConsole() {
        if (ctx.state().instance() != null) {
            ctx.dialogs().openInBrowser(ctx.console().page(AwsConsole.Task.CHANGE_IDENTITY_SOURCE,
                    ctx.state().instance()).toString());
        }
    }

    /** Sandbox rehearsal: does the console clicks in the simulated console. */
    public void uploadInSimulatedConsole() {
        ctx.console().simulated().ifPresent(console -> work(text("setup.idp.uploading"), c -> {
            String text = xml != null ? xml : Files.readString(Path.of(savedFile.get()));
            console.uploadIdpMetadata(text);
            return Boolean.TRUE;
        }, ok -> confirmConsoleDone()));
    }

    /** "I've done this": checks where AWS lets FedPilot check, and says so where it does not. */
    public void confirmConsoleDone() {
        var simulated = ctx.console().simulated();
        if (simulated.isPresent()) {
            if (!simulated.get().externalIdpConfigured()) {
                attention(text("setup.idp.notYet"));
                return;
            }
            ctx.audit(step(), "identity source switched", AuditEntry.Outcome.OK, "verified in the sandbox console");
            awaitingConsole.set(false);
            done(text("setup.idp.verified"));
        } else {
            ctx.audit(step(), "identity source switched", AuditEntry.Outcome.INFO, "confirmed by the user");
            awaitingConsole.set(false);
            done(text("setup.idp.confirmed"));
        }
    }
}
