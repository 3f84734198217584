package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AppAssignment;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.SamlSettings;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * The enterprise apps of the sandbox tenant: instantiation with eventual consistency, SAML settings, signing
 * certificates and assignments. Not thread-safe: the world's lock guards it.
 */
final class EntraApps {
    private final Map<String, AppState> byServicePrincipal = new LinkedHashMap<>();
    private final Random random;
    private final Duration consistencyDelay;
    private final EntraDirectory directory;

    EntraApps(Random random, Duration consistencyDelay, EntraDirectory directory) {
        this.random = random;
        this.consistencyDelay = consistencyDelay;
        this.directory = directory;
        // apps from other gallery templates, so "find the AWS app" has to tell them apart
        for (String name : List.of("Salesforce", "ServiceNow", "Slack")) {
            create(name, Names.guid(random), Instant.EPOCH);
        }
    }

    List<EnterpriseApp> findAwsIdc(Instant now) {
        return byServicePrincipal.values().stream().filter(s -> s.isAwsIdc() && s.readableAt(now))
                .map(s -> s.app).toList();
    }

    EnterpriseApp instantiate(String displayName, String templateId, Instant now) {
        if (displayName == null || displayName.isBlank()) {
            throw new CloudException(Problem.INVALID_INPUT, "The enterprise app needs a display name.",
                    "Enter a name such as \"AWS IAM Identity Center\".");
        }
        return create(displayName.strip(), templateId, now.plus(consistencyDelay)).app;
    }

    Optional<EnterpriseApp> read(EnterpriseApp app, Instant now) {
        AppState state = find(app);
        return state.readableAt(now) ? Optional.of(state.app) : Optional.empty();
    }

    /** The app's state, or what Graph answers while it is not readable yet. */
    AppState require(EnterpriseApp app, Instant now) {
        AppState state = find(app);
        if (!state.readableAt(now)) {
            Duration wait = Duration.between(now, state.readableAt);
            throw new CloudException(Problem.NOT_YET_AVAILABLE, "Resource '" + state.app.servicePrincipalId()
                    + "' does not exist or one of its queried reference-property objects are not present."
                    + " The app was created moments ago and Entra has not finished creating it.",
                    "Wait a few seconds; FedPilot retries by itself.", wait.plusSeconds(1).withNanos(0), null);
        }
        return state;
    }

    Collection<AppState> all() {
        return byServicePrincipal.values();
    }

    // --- SAML -------------------------------------------------------------------------------------------------

    void configureSaml(AppState state, String entityId, String acsUrl) {
        if (entityId == null || entityId.isBlank()) {
            throw new CloudException(Problem.INVALID_INPUT, "The identifier (entity ID) is empty.",
                    "Use the entity ID from the AWS SP metadata.");
        }
        URI acs = parseUri(acsUrl);
        if (acs == null || !"https".equalsIgnoreCase(acs.getScheme()) || acs.getHost() == null) {
            throw new CloudException(Problem.INVALID_INPUT, "Entra accepts only https reply URLs, not '" + acsUrl + "'.",
                    "Use the ACS URL from the AWS SP metadata.");
        }
        for (AppState other : byServicePrincipal.values()) {
            if (other != state && other.identifierUris.contains(entityId.strip())) {
                throw new CloudException(Problem.CONFLICT, "Another object with the same value for property "
                        + "identifierUris already exists: the enterprise app '" + other.app.displayName()
                        + "' uses " + entityId.strip() + ".",
                        "Keep one app for IAM Identity Center: adopt that app or delete it in Entra.");
            }
        }
        state.identifierUris = List.of(entityId.strip());
        state.redirectUris = List.of(acs.toString());
        state.ssoMode = "saml";
    }

    SamlSettings samlSettings(AppState state) {
        return new SamlSettings(state.ssoMode, state.identifierUris, state.redirectUris,
                state.activeCertificate == null ? null : state.activeCertificate.thumbprint());
    }

    /**
     * addTokenSigningCertificate + preferredTokenSigningKeyThumbprint. The sandbox cannot issue certificates,
     * so it hands out its embedded ones in turn: their own dates and subject are what the result reports.
     */
    CertificateInfo addSigningCertificate(AppState state, String displayName, Instant notAfter, Instant now) {
        if (displayName == null || displayName.isBlank()) {
            throw new CloudException(Problem.INVALID_INPUT, "The certificate needs a display name.",
                    "Use a name such as CN=Microsoft Azure Federated SSO Certificate.");
        }
        // like the Graph adapter: Entra wants the display name as a subject, so "CN=" is added when missing
        String subject = displayName.strip().regionMatches(true, 0, "CN=", 0, 3) ? displayName.strip()
                : "CN=" + displayName.strip();
        Instant limit = now.atOffset(ZoneOffset.UTC).plusYears(3).toInstant();
        if (notAfter == null || !notAfter.isAfter(now) || notAfter.isAfter(limit)) {
            throw new CloudException(Problem.INVALID_INPUT, "Entra issues SAML signing certificates valid for at most "
                    + "3 years; the requested end " + notAfter + " is not between now and " + limit + ".",
                    "Choose an end date at most 3 years from today.");
        }
        SandboxCertificates.Cert cert = SandboxCertificates.issue(subject.substring(3), now, notAfter);
        state.signingCertificates.add(cert);
        state.activeCertificate = cert;
        return cert.info();
    }

    Optional<CertificateInfo> activeSigningCertificate(AppState state) {
        return Optional.ofNullable(state.activeCertificate).map(SandboxCertificates.Cert::info);
    }

    static URI federationMetadataUrl(String appId) {
        return URI.create("https://login.microsoftonline.com/" + EntraSeed.TENANT_ID
                + "/federationmetadata/2007-06/federationmetadata.xml?appid=" + appId);
    }

    String federationMetadata(AppState state) {
        if (state.activeCertificate == null) {
            throw new CloudException(Problem.NOT_FOUND, "The app '" + state.app.displayName()
                    + "' has no SAML signing certificate yet, so its federation metadata has no key for AWS.",
                    "Add a SAML signing certificate first, then download the metadata again.");
        }
        return SamlMetadataXml.entraFederation(EntraSeed.TENANT_ID, Names.guid(random), state.activeCertificate);
    }

    // --- assignments ------------------------------------------------------------------------------------------

    AppAssignment assign(AppState state, String principalId, PrincipalType type) {
        String name = type == PrincipalType.USER
                ? directory.requireUser(principalId).displayName()
                : directory.requireGroup(principalId).displayName();
        if (state.assigned(principalId)) {
            throw new CloudException(Problem.CONFLICT, "Permission being assigned already exists on the object: '"
                    + name + "' is already assigned to '" + state.app.displayName() + "'.",
                    "Nothing to do; the assignment exists.");
        }
        byte[] id = new byte[32];
        random.nextBytes(id);
        AppAssignment assignment = new AppAssignment(
                Base64.getUrlEncoder().withoutPadding().encodeToString(id).substring(0, 43), principalId, type, name);
        state.assignments.add(assignment);
        return assignment;
    }

    void unassign(AppState state, String assignmentId) {
        if (!state.assignments.removeIf(a -> a.id().equals(assignmentId))) {
            throw CloudException.notFound("No assignment " + assignmentId + " on '" + state.app.displayName() + "'.");
        }
    }

    private static URI parseUri(String text) {
        try {
            return text == null ? null : URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- saved worlds -----------------------------------------------------------------------------------------

    List<WorldSnapshot.App> saved(int logLimit) {
        return byServicePrincipal.values().stream().map(s -> s.saved(logLimit)).toList();
    }

    /** Replaces every app, the seeded ones included, with the saved ones. */
    void restore(List<WorldSnapshot.App> saved) {
        byServicePrincipal.clear();
        for (WorldSnapshot.App app : saved) {
            AppState state = AppState.restore(app);
            byServicePrincipal.put(state.app.servicePrincipalId(), state);
        }
    }

    // --- internals --------------------------------------------------------------------------------------------

    private AppState create(String displayName, String templateId, Instant readableAt) {
        EnterpriseApp app = new EnterpriseApp(Names.guid(random), Names.guid(random), Names.guid(random), displayName);
        AppState state = new AppState(app, templateId, readableAt);
        byServicePrincipal.put(app.servicePrincipalId(), state);
        return state;
    }

    private AppState find(EnterpriseApp app) {
        AppState state = app == null ? null : byServicePrincipal.get(app.servicePrincipalId());
        if (state == null) {
            throw CloudException.notFound("Resource '" + (app == null ? null : app.servicePrincipalId())
                    + "' does not exist: no such enterprise app in tenant " + EntraSeed.TENANT_ID + ".");
        }
        return state;
    }
}
