package dev.fedpilot.setup;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.MetadataKind;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.port.AwsConsole;
import dev.fedpilot.saml.MetadataParseException;
import dev.fedpilot.saml.SamlMetadataParser;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Step 4: takes the AWS SP metadata (file, drop or paste), checks it, and writes its entity ID and ACS URL into
 * the Entra app, with SAML mode on and an active signing certificate.
 */
public final class SpMetadataStepViewModel extends StepViewModel {
    /** Entra signing certificates may live at most three years; a day less keeps clear of the edge. */
    static final Duration CERTIFICATE_LIFETIME = Duration.ofDays(3 * 365 - 1);
    private final SamlMetadataParser parser = new SamlMetadataParser();
    private final StringProperty metadataText = new SimpleStringProperty("");
    private final StringProperty source = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<SamlMetadata> parsed = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObjectProperty<Instant> checkedAt = new SimpleObjectProperty<>();

    public SpMetadataStepViewModel(SetupContext ctx) {
        super(ctx, SetupStep.SP_METADATA_TO_ENTRA);
        metadataText.addListener((o, a, text) -> {
            // "from the simulated AWS console" is true only until the user edits the text
            if (!text.equals(sourcedText)) {
                source.set("");
            }
            check(text);
        });
    }

    /** The text as it came from {@link #source}; an edit makes the two differ. */
    private String sourcedText = "";

    private void take(String from, String text) {
        sourcedText = text == null ? "" : text;
        source.set(from);
        metadataText.set(sourcedText);
    }

    // --- properties -----------------------------------------------------------------------------------------

    public StringProperty metadataTextProperty() {
        return metadataText;
    }

    public StringProperty sourceProperty() {
        return source;
    }

    public ReadOnlyObjectProperty<SamlMetadata> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    public boolean simulatedConsole() {
        return ctx.console().simulated().isPresent();
    }

    @Override
    public BooleanExpression canRunProperty() {
        return busyProperty().not().and(Bindings.createBooleanBinding(
                () -> parsed.get() != null && !Finding.anyError(findings) && ctx.state().app() != null,
                parsed, findings, ctx.stateProperty()));
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Text pasted or dropped by the user. */
    public void paste(String text) {
        take(text("setup.sp.pasted"), text);
    }

    /** Paste: an empty clipboard is said so, and what is in the box stays. */
    public void pasteFromClipboard() {
        ctx.dialogs().clipboardText().ifPresentOrElse(this::paste, () -> say(text("setup.sp.clipboardEmpty")));
    }

    public void chooseFile() {
        ctx.dialogs().chooseFileToOpen(text("setup.sp.choose"), List.of("xml")).ifPresent(this::loadFile);
    }

    /** Reads a metadata file in the background (a wrong pick, a huge file: all end as findings, not freezes). */
    public void loadFile(Path file) {
        ctx.tasks().task(text("setup.sp.reading", file.getFileName()), c -> {
                    if (Files.size(file) > SamlMetadataParser.MAX_BYTES) {
                        throw new IllegalArgumentException(text("setup.sp.tooLarge", file.getFileName()));
                    }
                    return Files.readString(file);
                })
                .onSuccess(text -> take(file.toString(), text))
                .onFailure(e -> {
                    parsed.set(null);
                    findings.setAll(Finding.error("file-unreadable", dev.fedpilot.ui.ErrorText.what(e),
                            text("setup.sp.unreadableFix")));
                })
                .start();
    }

    /** In the sandbox: what downloading the metadata in the (simulated) AWS console would give. */
    public void takeFromSimulatedConsole() {
        ctx.console().simulated().map(AwsConsole.Simulated::spMetadataXml).ifPresent(xml ->
                take(text("setup.sp.fromConsole"), xml));
    }

    public void openConsole() {
        Optional.ofNullable(ctx.state().instance()).ifPresent(instance -> ctx.dialogs().openInBrowser(
                ctx.console().page(AwsConsole.Task.DOWNLOAD_SP_METADATA, instance).toString()));
    }

    private void check(String text) {
        if (text == null || text.isBlank()) {
            parsed.set(null);
            findings.clear();
            return;
        }
        try {
            SamlMetadata metadata = parser.parse(text);
            List<Finding> found = MetadataChecks.check(metadata, ctx.clock().instant(), MetadataKind.AWS_SP);
            parsed.set(metadata);
            findings.setAll(found);
            checkedAt.set(ctx.clock().instant());
        } catch (MetadataParseException e) {
            parsed.set(null);
            findings.setAll(Finding.error("metadata-unreadable", e.getMessage(), e.fix()));
        }
    }

    @Override
    public void run() {
        SamlMetadata metadata = parsed.get();
        EnterpriseApp app = ctx.state().app();
        if (metadata == null || app == null || metadata.acsUrls().isEmpty()) {
            return;
        }
        String entityId = metadata.entityId();
        String acs = metadata.acsUrls().get(0);
        work(text("setup.sp.task"), c -> {
            ctx.entra().configureSaml(app, entityId, acs);
            CertificateInfo certificate = ctx.entra().activeSigningCertificate(app).orElse(null);
            if (certificate == null || certificate.expiredAt(ctx.clock().instant())) {
                certificate = ctx.entra().addSigningCertificate(app, "CN=Microsoft Azure Federated SSO Certificate",
                        ctx.clock().instant().plus(CERTIFICATE_LIFETIME));
            }
            SamlSettings written = ctx.entra().samlSettings(app);
            if (!written.samlMode() || !written.identifierUris().contains(entityId) || !written.redirectUris().contains(acs)) {
                throw new CloudException(CloudException.Problem.UNEXPECTED, text("setup.sp.notStored"),
                        text("setup.sp.notStoredFix"));
            }
            return certificate;
        }, certificate -> {
            ctx.update(s -> s.withSaml(entityId, acs, certificate));
            ctx.audit(step(), "wrote SAML settings", AuditEntry.Outcome.OK, "entityId " + entityId + ", ACS " + acs
                    + ", certificate " + certificate.sha256());
            ctx.flowed(SetupContext.Side.ENTRA, text("setup.flow.sp"));
            done(text("setup.sp.done", certificate.notAfter().toString().substring(0, 10)));
        });
    }
}
