package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Application templates, applications, service principals, signing certificates, assignments, IdP metadata. */
final class FakeApps {
    static final String AWS_TEMPLATE = "21ed01d2-ec13-4e9e-86c1-cd546719ebc4";
    static final String USER_ROLE = "8774f594-1d59-4279-b9d9-59ef09a23530";
    static final String MSIAM_ROLE = "7dfd756e-8c27-4472-b2b7-38c17fc5de5e";
    private static final Pattern EQ_FILTER = Pattern.compile("(\\w+) eq '([^']*)'");
    private static final Set<String> SSO_MODES = Set.of("saml", "password", "oidc", "notSupported");

    private final GraphFake fake;
    final Map<String, ObjectNode> applications = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, ObjectNode> servicePrincipals = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, List<ObjectNode>> assignments = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hidden = new ConcurrentHashMap<>();
    private final Map<String, byte[]> certificates = new ConcurrentHashMap<>();
    volatile int hiddenReads = 2;
    volatile boolean identifierUriPolicy = true;

    FakeApps(GraphFake fake) {
        this.fake = fake;
    }

    String[] seed(String displayName) {
        ObjectNode[] created = create(displayName);
        return new String[] {created[0].get("id").asText(), created[0].get("appId").asText(),
                created[1].get("id").asText()};
    }

    private ObjectNode[] create(String displayName) {
        String appId = UUID.randomUUID().toString();
        ObjectNode application = fake.json.createObjectNode().put("@odata.type", "#microsoft.graph.application")
                .put("id", UUID.randomUUID().toString()).put("appId", appId).put("displayName", displayName)
                .put("signInAudience", "AzureADMyOrg");
        application.putArray("identifierUris");
        application.putObject("web").putArray("redirectUris");
        ObjectNode sp = fake.json.createObjectNode().put("@odata.type", "#microsoft.graph.servicePrincipal")
                .put("id", UUID.randomUUID().toString()).put("appId", appId).put("displayName", displayName)
                .put("applicationTemplateId", AWS_TEMPLATE).putNull("preferredSingleSignOnMode")
                .putNull("preferredTokenSigningKeyThumbprint").put("servicePrincipalType", "Application");
        sp.putArray("keyCredentials");
        ArrayNode roles = sp.putArray("appRoles");
        roles.addObject().put("id", MSIAM_ROLE).put("displayName", "msiam_access").put("value", (String) null)
                .put("isEnabled", true).putArray("allowedMemberTypes").add("User");
        roles.addObject().put("id", USER_ROLE).put("displayName", "User").put("value", (String) null)
                .put("isEnabled", true).putArray("allowedMemberTypes").add("User");
        applications.put(application.get("id").asText(), application);
        servicePrincipals.put(sp.get("id").asText(), sp);
        assignments.put(sp.get("id").asText(), new CopyOnWriteArrayList<>());
        return new ObjectNode[] {application, sp};
    }

    /** True while a just-created object still answers 404; each such read counts. */
    boolean stillHidden(String id) {
        AtomicInteger left = hidden.get(id);
        return left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean visible(String id) {
        AtomicInteger left = hidden.get(id);
        return left == null || left.get() == 0;
    }

    FakeResponse handle(RecordedRequest request) {
        String collection = request.segment(0);
        if (collection.equals("applicationTemplates")) {
            return instantiate(request);
        }
        Map<String, ObjectNode> store = collection.equals("applications") ? applications : servicePrincipals;
        if (request.segments().size() == 1) {
            return list(request, store);
        }
        String id = request.segment(1);
        if (!store.containsKey(id) || stillHidden(id)) {
            return FakeResponse.notFound(id);
        }
        ObjectNode item = store.get(id);
        if (request.segments().size() == 2) {
            return switch (request.method()) {
                case "GET" -> fake.ok(projectWithKeys(item, request.param("$select")));
                case "PATCH" -> store == applications ? patchApplication(item, request.json())
                        : patch(item, request.json());
                default -> FakeResponse.error(405, "Request_BadRequest", "method not faked");
            };
        }
        String action = request.segment(2);
        if (store == servicePrincipals && action.equals("addTokenSigningCertificate") && request.method().equals("POST")) {
            return addCertificate(item, request.json());
        }
        if (store == servicePrincipals && action.equals("appRoleAssignedTo")) {
            return assignments(item, request);
        }
        return FakeResponse.badRequest("Unsupported path " + request.path());
    }

    private FakeResponse instantiate(RecordedRequest request) {
        if (request.segments().size() != 3 || !request.segment(2).equals("instantiate")
                || !request.method().equals("POST")) {
            return FakeResponse.badRequest("Unsupported path " + request.path());
        }
        if (!request.segment(1).equals(AWS_TEMPLATE)) {
            return FakeResponse.notFound(request.segment(1));
        }
        String displayName = request.json().path("displayName").asText("");
        if (displayName.isBlank()) {
            return FakeResponse.badRequest("displayName is required.");
        }
        ObjectNode[] created = create(displayName);
        hidden.put(created[0].get("id").asText(), new AtomicInteger(hiddenReads));
        hidden.put(created[1].get("id").asText(), new AtomicInteger(hiddenReads));
        ObjectNode body = fake.json.createObjectNode()
                .put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.applicationServicePrincipal");
        body.set("application", created[0].deepCopy());
        body.set("servicePrincipal", created[1].deepCopy());
        return FakeResponse.created(body);
    }

    private FakeResponse list(RecordedRequest request, Map<String, ObjectNode> store) {
        List<ObjectNode> all;
        synchronized (store) {
            all = new ArrayList<>(store.values());
        }
        all.removeIf(item -> !visible(item.get("id").asText()));
        String filter = request.param("$filter");
        if (filter != null) {
            Matcher m = EQ_FILTER.matcher(filter);
            if (!m.matches()) {
                return FakeResponse.badRequest("Unsupported filter: " + filter);
            }
            all.removeIf(item -> !item.path(m.group(1)).asText("").equalsIgnoreCase(m.group(2)));
        }
        return fake.page(request, all);
    }

    /** keyCredentials carry {@code key} only when selected explicitly on a single object, as Graph does. */
    private JsonNode projectWithKeys(ObjectNode item, String select) {
        JsonNode projected = fake.project(item, select);
        boolean keysWanted = select != null && List.of(select.split(",")).contains("keyCredentials");
        if (!keysWanted && projected.has("keyCredentials")) {
            projected.get("keyCredentials").forEach(k -> ((ObjectNode) k).putNull("key"));
        }
        return projected;
    }

    /**
     * A tenant with an app management policy restricting identifier URIs (policy-appmanagementpolicy.md,
     * identifierUris restrictions "nonDefaultUriAddition"): SAML apps are exempt, so identifierUris outside the
     * default api://{appId} form are refused until the service principal's SSO mode is saml.
     */
    private FakeResponse patchApplication(ObjectNode application, JsonNode changes) {
        if (identifierUriPolicy && changes.has("identifierUris")) {
            String appId = application.get("appId").asText();
            boolean saml = servicePrincipals.values().stream()
                    .anyMatch(sp -> sp.get("appId").asText().equals(appId)
                            && "saml".equals(sp.path("preferredSingleSignOnMode").asText(null)));
            boolean custom = false;
            for (JsonNode uri : changes.get("identifierUris")) {
                custom |= !uri.asText().equals("api://" + appId);
            }
            if (custom && !saml) {
                return FakeResponse.badRequest("Failed to add identifier URI. Application has an app management "
                        + "policy that restricts adding non-default identifier URIs.");
            }
        }
        return patch(application, changes);
    }

    private FakeResponse patch(ObjectNode item, JsonNode changes) {
        if (changes.has("preferredSingleSignOnMode") && !changes.get("preferredSingleSignOnMode").isNull()
                && !SSO_MODES.contains(changes.get("preferredSingleSignOnMode").asText())) {
            return FakeResponse.badRequest("Invalid value specified for property 'preferredSingleSignOnMode'.");
        }
        if (changes.has("preferredTokenSigningKeyThumbprint")
                && !certificates.containsKey(changes.get("preferredTokenSigningKeyThumbprint").asText())) {
            return FakeResponse.badRequest("The thumbprint does not match a key credential of the service principal.");
        }
        changes.properties().forEach(f -> {
            if (f.getKey().equals("web") && item.has("web")) {
                f.getValue().properties().forEach(w -> ((ObjectNode) item.get("web")).set(w.getKey(), w.getValue()));
            } else if (!f.getKey().startsWith("@odata")) {
                item.set(f.getKey(), f.getValue());
            }
        });
        return FakeResponse.noContent();
    }

    private FakeResponse addCertificate(ObjectNode sp, JsonNode body) {
        String displayName = body.path("displayName").asText("");
        if (!displayName.startsWith("CN=")) {
            return FakeResponse.badRequest("The displayName must start with 'CN='.");
        }
        Instant end;
        try {
            end = OffsetDateTime.parse(body.path("endDateTime").asText()).toInstant();
        } catch (DateTimeParseException e) {
            return FakeResponse.badRequest("endDateTime is invalid.");
        }
        dev.fedpilot.sandbox.SelfSignedCertificates.Issued cert = dev.fedpilot.sandbox.SelfSignedCertificates.selfSigned(displayName.substring(3), Instant.now(), end);
        certificates.put(cert.thumbprint(), cert.der());
        String key = Base64.getEncoder().encodeToString(cert.der());
        String customKeyId = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(cert.thumbprint()));
        ArrayNode keys = (ArrayNode) sp.get("keyCredentials");
        for (String usage : List.of("Sign", "Verify")) {
            keys.addObject().put("customKeyIdentifier", customKeyId).put("displayName", displayName)
                    .put("endDateTime", cert.notAfter().toString()).put("keyId", UUID.randomUUID().toString())
                    .put("startDateTime", cert.notBefore().toString()).put("type", "AsymmetricX509Cert")
                    .put("usage", usage).put("key", usage.equals("Verify") ? key : null);
        }
        ObjectNode answer = fake.json.createObjectNode().put("customKeyIdentifier", customKeyId)
                .put("displayName", displayName).put("endDateTime", cert.notAfter().toString())
                .put("key", key).put("keyId", UUID.randomUUID().toString())
                .put("startDateTime", cert.notBefore().toString()).put("thumbprint", cert.thumbprint())
                .put("type", "AsymmetricX509Cert").put("usage", "Verify");
        return fake.ok(answer);
    }

    private FakeResponse assignments(ObjectNode sp, RecordedRequest request) {
        String spId = sp.get("id").asText();
        List<ObjectNode> list = assignments.get(spId);
        if (request.segments().size() == 4 && request.method().equals("DELETE")) {
            boolean removed = list.removeIf(a -> a.get("id").asText().equals(request.segment(3)));
            // serviceprincipal-delete-approleassignedto.md answers 204; for an assignment already gone Graph
            // answers 400, not 404 (microsoftgraph/msgraph-sdk-dotnet#968, microsoft-graph-docs-contrib#3614)
            return removed ? FakeResponse.noContent()
                    : FakeResponse.badRequest("EntitlementGrant being updated or deleted is not found.");
        }
        if (request.segments().size() != 3) {
            return FakeResponse.badRequest("Unsupported path " + request.path());
        }
        if (request.method().equals("GET")) {
            return fake.page(request, list);
        }
        JsonNode body = request.json();
        String principalId = body.path("principalId").asText();
        JsonNode principal = fake.directory.principal(principalId);
        if (principal == null) {
            return FakeResponse.notFound(principalId);
        }
        if (!body.path("resourceId").asText().equals(spId)) {
            return FakeResponse.badRequest("resourceId must be the service principal the assignment is posted to.");
        }
        String role = body.path("appRoleId").asText();
        boolean roleExists = false;
        for (JsonNode r : sp.get("appRoles")) {
            roleExists |= r.get("id").asText().equals(role);
        }
        if (!roleExists) {
            return FakeResponse.badRequest("Permission being assigned was not found on application");
        }
        // serviceprincipal-post-approleassignedto.md: the same principal and role twice is refused with 400
        // Request_BadRequest "Permission being assigned already exists on the object"
        if (list.stream().anyMatch(a -> a.get("principalId").asText().equals(principalId)
                && a.get("appRoleId").asText().equals(role))) {
            return FakeResponse.badRequest("Permission being assigned already exists on the object");
        }
        boolean isGroup = fake.directory.groups.containsKey(principalId);
        ObjectNode assignment = fake.json.createObjectNode()
                .put("id", Base64.getUrlEncoder().withoutPadding().encodeToString(UUID.randomUUID().toString().getBytes()))
                .put("appRoleId", role).put("createdDateTime", Instant.now().toString())
                .put("principalDisplayName", principal.path("displayName").asText())
                .put("principalId", principalId).put("principalType", isGroup ? "Group" : "User")
                .put("resourceDisplayName", sp.get("displayName").asText()).put("resourceId", spId);
        list.add(assignment);
        return FakeResponse.created(assignment);
    }

    /** GET /login/{tenant}/federationmetadata/2007-06/federationmetadata.xml?appid=…, without a token. */
    FakeResponse federationMetadata(RecordedRequest request) {
        String tenant = request.segment(1);
        String appId = request.param("appid");
        ObjectNode sp = servicePrincipals.values().stream()
                .filter(s -> s.get("appId").asText().equals(appId)).findFirst().orElse(null);
        if (!GraphFake.TENANT_ID.equals(tenant) || sp == null
                || !request.path().endsWith("/federationmetadata/2007-06/federationmetadata.xml")) {
            return FakeResponse.error(404, "NotFound", "AADSTS700016: Application not found in the directory.");
        }
        byte[] der = certificates.get(sp.path("preferredTokenSigningKeyThumbprint").asText(""));
        String cert = der == null ? "" : Base64.getEncoder().encodeToString(der);
        return FakeResponse.xml("""
                <?xml version="1.0" encoding="utf-8"?>
                <EntityDescriptor ID="_%s" entityID="https://sts.windows.net/%s/" xmlns="urn:oasis:names:tc:SAML:2.0:metadata">
                  <IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>%s</X509Certificate></X509Data></KeyInfo></KeyDescriptor>
                    <NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</NameIDFormat>
                    <SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://login.microsoftonline.com/%s/saml2"/>
                  </IDPSSODescriptor>
                </EntityDescriptor>
                """.formatted(UUID.randomUUID(), tenant, cert, tenant));
    }
}
