package dev.fedpilot.entra;

import dev.fedpilot.text.Messages;
import com.microsoft.graph.applicationtemplates.item.instantiate.InstantiatePostRequestBody;
import com.microsoft.graph.models.Application;
import com.microsoft.graph.models.ApplicationServicePrincipal;
import com.microsoft.graph.models.KeyCredential;
import com.microsoft.graph.models.SelfSignedCertificate;
import com.microsoft.graph.models.ServicePrincipal;
import com.microsoft.graph.models.WebApplication;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.serviceprincipals.item.addtokensigningcertificate.AddTokenSigningCertificatePostRequestBody;
import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.SamlSettings;
import dev.fedpilot.port.EntraTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static dev.fedpilot.entra.GraphOperation.ADD_CERTIFICATE;
import static dev.fedpilot.entra.GraphOperation.CONFIGURE_SAML;
import static dev.fedpilot.entra.GraphOperation.FIND_APPS;
import static dev.fedpilot.entra.GraphOperation.INSTANTIATE_APP;
import static dev.fedpilot.entra.GraphOperation.READ_APP;
import static dev.fedpilot.entra.GraphOperation.READ_CERTIFICATE;
import static dev.fedpilot.entra.GraphOperation.READ_SAML;

/** The enterprise app, its SAML settings and signing certificate. */
final class AppOperations {
    private static final Logger log = LoggerFactory.getLogger(AppOperations.class);
    private static final int MAX_CERTIFICATE_YEARS = 3;

    private final GraphServiceClient graph;
    private final GraphCalls calls;
    private final Clock clock;

    AppOperations(GraphServiceClient graph, GraphCalls calls, Clock clock) {
        this.graph = graph;
        this.calls = calls;
        this.clock = clock;
    }

    List<EnterpriseApp> findAwsIdcApps() {
        List<ServicePrincipal> principals = new ArrayList<>();
        var sps = graph.servicePrincipals();
        GraphPaging.forEachPage(calls, FIND_APPS,
                () -> sps.get(c -> {
                    c.queryParameters.filter = "applicationTemplateId eq '" + EntraTenant.AWS_IDC_TEMPLATE_ID + "'";
                    c.queryParameters.select = new String[] {"id", "appId", "displayName", "applicationTemplateId"};
                    c.queryParameters.top = 999;
                }),
                next -> sps.withUrl(next).get(),
                r -> r.getValue(), r -> r.getOdataNextLink(),
                (List<ServicePrincipal> page) -> principals.addAll(page));
        List<EnterpriseApp> apps = new ArrayList<>();
        for (ServicePrincipal sp : principals) {
            GraphCalls.checkInterrupted();
            var found = calls.call(FIND_APPS, () -> graph.applications().get(c -> {
                c.queryParameters.filter = "appId eq '" + sp.getAppId() + "'";
                c.queryParameters.select = new String[] {"id", "appId", "displayName"};
            }));
            String objectId = found == null || found.getValue() == null || found.getValue().isEmpty()
                    ? null : found.getValue().get(0).getId();
            apps.add(new EnterpriseApp(objectId, sp.getAppId(), sp.getId(), sp.getDisplayName()));
        }
        return apps;
    }

    /**
     * POSTs instantiate once. After a 5xx the app may exist anyway, so it is looked up by name before the one
     * retry: a blind retry would leave a duplicate app in the tenant.
     */
    EnterpriseApp instantiate(String displayName) {
        try {
            return instantiateOnce(displayName);
        } catch (CloudException e) {
            if (e.problem() != CloudException.Problem.UNAVAILABLE) {
                throw e;
            }
            Optional<EnterpriseApp> existing = findAwsIdcApps().stream()
                    .filter(a -> displayName.equals(a.displayName())).findFirst();
            if (existing.isPresent()) {
                log.info("Instantiate of {} failed ({}), but the app exists: adopting it", displayName, e.getMessage());
                return existing.get();
            }
            log.info("Instantiate of {} failed and no such app exists; trying once more", displayName);
            return instantiateOnce(displayName);
        }
    }

    private EnterpriseApp instantiateOnce(String displayName) {
        InstantiatePostRequestBody body = new InstantiatePostRequestBody();
        body.setDisplayName(displayName);
        ApplicationServicePrincipal created = calls.call(INSTANTIATE_APP, () -> graph.applicationTemplates()
                .byApplicationTemplateId(EntraTenant.AWS_IDC_TEMPLATE_ID).instantiate()
                .post(body, c -> c.options.add(CreateOnce.OPTION)));
        Application application = created.getApplication();
        ServicePrincipal sp = created.getServicePrincipal();
        calls.justCreated(application.getId(), sp.getId());
        log.info("Created enterprise app {} (application {}, service principal {})", displayName,
                application.getId(), sp.getId());
        return new EnterpriseApp(application.getId(), application.getAppId(), sp.getId(), displayName);
    }

    Optional<EnterpriseApp> readApp(EnterpriseApp app) {
        Optional<Application> application = calls.find(READ_APP, () -> graph.applications()
                .byApplicationId(app.applicationObjectId())
                .get(c -> c.queryParameters.select = new String[] {"id", "appId", "displayName"}));
        if (application.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServicePrincipal> sp = calls.find(READ_APP, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId())
                .get(c -> c.queryParameters.select = new String[] {"id", "appId", "displayName"}));
        return sp.map(p -> new EnterpriseApp(application.get().getId(), application.get().getAppId(), p.getId(),
                p.getDisplayName() != null ? p.getDisplayName() : application.get().getDisplayName()));
    }

    /**
     * SSO mode saml first, then the identifier URIs: tenants whose app management policy restricts identifier
     * URIs exempt only SAML apps, so the other order is refused there.
     */
    void configureSaml(EnterpriseApp app, String entityId, String acsUrl) {
        ServicePrincipal sp = new ServicePrincipal();
        sp.setPreferredSingleSignOnMode("saml");
        patchServicePrincipal(CONFIGURE_SAML, app, sp);
        Application patch = new Application();
        patch.setIdentifierUris(List.of(entityId));
        WebApplication web = new WebApplication();
        web.setRedirectUris(List.of(acsUrl));
        patch.setWeb(web);
        calls.call(CONFIGURE_SAML, ids(app), null, () -> {
            graph.applications().byApplicationId(app.applicationObjectId()).patch(patch);
            return null;
        });
        log.info("SAML configured on app {}: entityID {}, ACS {}", app.appId(), entityId, acsUrl);
    }

    SamlSettings samlSettings(EnterpriseApp app) {
        ServicePrincipal sp = calls.call(READ_SAML, ids(app), null, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId()).get(c -> c.queryParameters.select =
                        new String[] {"preferredSingleSignOnMode", "preferredTokenSigningKeyThumbprint"}));
        Application application = calls.call(READ_SAML, ids(app), null, () -> graph.applications()
                .byApplicationId(app.applicationObjectId())
                .get(c -> c.queryParameters.select = new String[] {"identifierUris", "web"}));
        List<String> redirects = application.getWeb() == null ? List.of()
                : GraphMapping.nonNull(application.getWeb().getRedirectUris());
        return new SamlSettings(sp.getPreferredSingleSignOnMode(),
                GraphMapping.nonNull(application.getIdentifierUris()), redirects,
                sp.getPreferredTokenSigningKeyThumbprint());
    }

    CertificateInfo addSigningCertificate(EnterpriseApp app, String displayName, Instant notAfter) {
        Instant now = clock.instant();
        Instant latest = now.atOffset(ZoneOffset.UTC).plusYears(MAX_CERTIFICATE_YEARS).toInstant();
        if (!notAfter.isAfter(now) || notAfter.isAfter(latest)) {
            throw new CloudException(CloudException.Problem.INVALID_INPUT,
                    Messages.english().get("entra.error.certificateLifetime", notAfter.toString()),
                    Messages.english().get("entra.fix.certificateLifetime"));
        }
        AddTokenSigningCertificatePostRequestBody body = new AddTokenSigningCertificatePostRequestBody();
        // Entra requires the display name as a subject ("CN=…")
        body.setDisplayName(displayName.regionMatches(true, 0, "CN=", 0, 3) ? displayName : "CN=" + displayName);
        body.setEndDateTime(notAfter.atOffset(ZoneOffset.UTC));
        SelfSignedCertificate cert = calls.call(ADD_CERTIFICATE, ids(app), null, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId()).addTokenSigningCertificate().post(body));
        ServicePrincipal active = new ServicePrincipal();
        active.setPreferredTokenSigningKeyThumbprint(cert.getThumbprint());
        patchServicePrincipal(ADD_CERTIFICATE, app, active);
        log.info("Signing certificate {} is now active on app {}", cert.getThumbprint(), app.appId());
        return SigningCertificates.info(cert.getKey(), cert.getDisplayName(),
                GraphMapping.instant(cert.getStartDateTime()), GraphMapping.instant(cert.getEndDateTime()));
    }

    Optional<CertificateInfo> activeSigningCertificate(EnterpriseApp app) {
        ServicePrincipal sp = calls.call(READ_CERTIFICATE, ids(app), null, () -> graph.servicePrincipals()
                .byServicePrincipalId(app.servicePrincipalId()).get(c -> c.queryParameters.select =
                        new String[] {"keyCredentials", "preferredTokenSigningKeyThumbprint"}));
        Optional<KeyCredential> active = SigningCertificates.active(sp.getKeyCredentials(),
                sp.getPreferredTokenSigningKeyThumbprint());
        return active.map(k -> SigningCertificates.info(k.getKey(), k.getDisplayName(),
                GraphMapping.instant(k.getStartDateTime()), GraphMapping.instant(k.getEndDateTime())));
    }

    private void patchServicePrincipal(GraphOperation op, EnterpriseApp app, ServicePrincipal patch) {
        calls.call(op, ids(app), null, () -> {
            graph.servicePrincipals().byServicePrincipalId(app.servicePrincipalId()).patch(patch);
            return null;
        });
    }

    static List<String> ids(EnterpriseApp app) {
        List<String> ids = new ArrayList<>(2);
        ids.add(app.applicationObjectId());
        ids.add(app.servicePrincipalId());
        return ids;
    }
}
