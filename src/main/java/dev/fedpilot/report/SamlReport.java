package dev.fedpilot.report;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.MetadataChecks;
import dev.fedpilot.domain.MetadataKind;
import dev.fedpilot.domain.Pitfalls;
import dev.fedpilot.domain.SamlMetadata;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.report.SetupReport.IdentityProvider;
import dev.fedpilot.report.SetupReport.Section;
import dev.fedpilot.report.SetupReport.ServiceProvider;
import dev.fedpilot.saml.SamlMetadataParser;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The SAML part of the report: AWS's values as saved and as the Entra app has them, the Entra side from the
 * app's federation metadata, and the active signing certificate.
 */
final class SamlReport {
    private static final String RERUN_SP_STEP = "Run the setup's \"AWS metadata → Entra\" step again with the "
            + "current AWS metadata.";
    private final EntraTenant entra;
    private final LiveReads reads;
    private final Instant now;

    SamlReport(EntraTenant entra, LiveReads reads, Instant now) {
        this.entra = entra;
        this.reads = reads;
        this.now = now;
    }

    /** @param app the live Entra app, or null when it is not set up or could not be read */
    SetupReport.Saml read(SetupState s, EnterpriseApp app) {
        ServiceProvider sp = s.spEntityId() == null ? null : new ServiceProvider(s.spEntityId(), s.acsUrl());
        CertificateInfo certificate = s.signingCertificate();
        IdentityProvider idp = null;
        if (app != null) {
            if (sp != null) {
                reads.read(Section.SAML, "the app's SAML settings", () -> entra.samlSettings(app))
                        .ifPresent(settings -> checkSettings(settings, sp));
            }
            Optional<CertificateInfo> active = reads.read(Section.SAML, "the app's signing certificate",
                    () -> entra.activeSigningCertificate(app)).flatMap(c -> c);
            if (active.isPresent() && certificate != null && !active.get().sha256().equalsIgnoreCase(certificate.sha256())) {
                reads.add(Section.SAML, Finding.warning("signing-certificate-changed",
                        "The Entra app now signs with certificate " + active.get().sha256() + ", not the one FedPilot "
                                + "set up (" + certificate.sha256() + "). AWS trusts only the certificate in the "
                                + "metadata it was given.",
                        "Download the Entra federation metadata again and upload it to AWS (setup step 5)."));
            }
            certificate = active.orElse(certificate);
            if (certificate != null) {
                idp = identityProvider(s, app);
            }
        }
        if (idp == null && s.idpMetadataFile() != null) {
            idp = new IdentityProvider(null, null, null, s.idpMetadataFile());
        }
        reads.addAll(Section.SAML, Pitfalls.signingCertificate(certificate, now));
        if (sp == null && idp == null && certificate == null) {
            return null;
        }
        return new SetupReport.Saml(sp, idp, certificate == null ? null : ReportBuilder.certificate(certificate));
    }

    /** Entra's side, read from the federation metadata once the app has a signing certificate. */
    private IdentityProvider identityProvider(SetupState s, EnterpriseApp app) {
        String url = reads.read(Section.SAML, "the federation metadata address", () -> entra.federationMetadataUrl(app))
                .map(URI::toString).orElse(null);
        Optional<String> xml = reads.read(Section.SAML, "the app's federation metadata",
                () -> entra.downloadFederationMetadata(app));
        if (xml.isEmpty()) {
            return new IdentityProvider(null, null, url, s.idpMetadataFile());
        }
        SamlMetadata metadata;
        try {
            metadata = new SamlMetadataParser().parse(xml.get());
        } catch (RuntimeException e) {
            reads.add(Section.SAML, Finding.error("federation-metadata-unreadable",
                    "The app's federation metadata could not be read as SAML metadata: " + e.getMessage(),
                    "Check the app's SAML signing certificate in the Entra admin center, then refresh."));
            return new IdentityProvider(null, null, url, s.idpMetadataFile());
        }
        List<Finding> checks = MetadataChecks.check(metadata, now, MetadataKind.ENTRA_IDP);
        // certificate expiry is reported once, from the active certificate
        checks.stream().filter(f -> !f.code().startsWith("certificate-expi"))
                .forEach(f -> reads.add(Section.SAML, f));
        return new IdentityProvider(metadata.entityId(), metadata.ssoUrls().isEmpty() ? null : metadata.ssoUrls().get(0),
                url, s.idpMetadataFile());
    }

    private void checkSettings(SamlSettings settings, ServiceProvider sp) {
        if (!settings.samlMode()) {
            reads.add(Section.SAML, Finding.error("sso-mode-not-saml", "The Entra app's single sign-on mode is "
                    + (settings.preferredSingleSignOnMode() == null ? "not set" : "\"" + settings.preferredSingleSignOnMode() + "\"")
                    + ", not SAML: sign-in to AWS does not work.", RERUN_SP_STEP));
        }
        if (!settings.identifierUris().contains(sp.entityId())) {
            reads.add(Section.SAML, Finding.error("entity-id-mismatch", "The Entra app's Identifier (Entity ID) is "
                    + describe(settings.identifierUris()) + ", not AWS's entity ID " + sp.entityId() + ".", RERUN_SP_STEP));
        }
        if (sp.acsUrl() != null && !settings.redirectUris().contains(sp.acsUrl())) {
            reads.add(Section.SAML, Finding.error("acs-url-mismatch", "The Entra app's Reply URL is "
                    + describe(settings.redirectUris()) + ", not AWS's ACS URL " + sp.acsUrl() + ".", RERUN_SP_STEP));
        }
    }

    private static String describe(List<String> values) {
        return values.isEmpty() ? "empty" : String.join(", ", values);
    }
}
