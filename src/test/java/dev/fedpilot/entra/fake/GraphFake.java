package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stateful Microsoft Graph over HTTP on 127.0.0.1, following the documented shapes: instantiate with eventual
 * consistency, SAML settings, signing certificates, synchronization jobs and secrets, assignments, users,
 * groups and members in {@code @odata.nextLink} pages, advanced queries, and injectable faults (429, 403, …).
 * Every request is recorded with its headers.
 */
public final class GraphFake implements AutoCloseable {
    public static final String TENANT_ID = "5f2b9c1e-7a44-4d0b-9d7e-0c3f5e1a2b3c";
    public static final String TENANT_NAME = "Contoso";
    public static final String DOMAIN = "contoso.example";
    public static final String SIGNED_IN_USER = "admin@" + DOMAIN;
    /** Every delegated scope FedPilot ever asks for, the incremental ones included. */
    public static final List<String> ALL_SCOPES = List.of("User.Read", "Application.ReadWrite.All",
            "AppRoleAssignment.ReadWrite.All", "Synchronization.ReadWrite.All", "Group.Read.All", "User.Read.All",
            "GroupMember.ReadWrite.All", "AuditLog.Read.All", "Directory.Read.All");
    /** A token with {@link #ALL_SCOPES}, accepted by every fake for a day. */
    public static final String ACCESS_TOKEN = FakeTokens.jwt(ALL_SCOPES, java.time.Duration.ofDays(1),
            FakeTokens.GRAPH_AUDIENCE);

    final ObjectMapper json = new ObjectMapper();
    final FakeDirectory directory = new FakeDirectory(this);
    final FakeApps apps = new FakeApps(this);
    final FakeSynchronization sync = new FakeSynchronization(this);
    private final FakeTokens tokens = new FakeTokens(ACCESS_TOKEN);
    private volatile boolean premiumLicence = true;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private volatile int pageSize = 999;
    private volatile boolean dropCountFromNextLinks;

    private GraphFake() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static GraphFake start() {
        try {
            return new GraphFake();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Graph fake", e);
        }
    }

    public String graphBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** Stands in for https://login.microsoftonline.com/ (federation metadata). */
    public URI loginBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/login/");
    }

    /** Largest page the fake hands out, whatever $top asks: small values make tests see several pages. */
    public GraphFake pageSize(int size) {
        this.pageSize = size;
        return this;
    }

    /** Hands out nextLinks without $count, so the client has to keep the advanced query intact itself. */
    public GraphFake dropCountFromNextLinks(boolean drop) {
        this.dropCountFromNextLinks = drop;
        return this;
    }

    /** How many reads of a just-instantiated object answer 404 before it becomes readable. */
    public GraphFake hiddenReads(int reads) {
        apps.hiddenReads = reads;
        return this;
    }

    /** The SCIM endpoint and token validateCredentials accepts (204); anything else gets Graph's 400. */
    public GraphFake scimCredentials(String baseAddress, String token) {
        sync.expectedBaseAddress = baseAddress;
        sync.expectedToken = token;
        return this;
    }

    /** Simulates a careless server that quotes the submitted credentials in its error messages. */
    public GraphFake echoSecretsInErrors(boolean echo) {
        sync.echoSecrets = echo;
        return this;
    }

    /** A token Entra would issue after consent to exactly {@code scopes} (short names, e.g. "User.Read"). */
    public String issueToken(String... scopes) {
        return tokens.issue(List.of(scopes), java.time.Duration.ofHours(1), FakeTokens.GRAPH_AUDIENCE);
    }

    /** A token with every scope whose lifetime is over. */
    public String expiredToken() {
        return tokens.issue(ALL_SCOPES, java.time.Duration.ofMinutes(-5), FakeTokens.GRAPH_AUDIENCE);
    }

    /** A token issued for another resource (Azure Resource Manager), as `az account get-access-token` gives by default. */
    public String tokenForAnotherAudience() {
        return tokens.issue(ALL_SCOPES, java.time.Duration.ofHours(1), "https://management.core.windows.net/");
    }

    /** Whether the tenant's app management policy restricts identifier URIs to SAML apps (on by default). */
    public GraphFake identifierUriPolicy(boolean restricted) {
        apps.identifierUriPolicy = restricted;
        return this;
    }

    /** The rule id the provisioning job's schema names for USERGROUP_OUTBOUND_USERGROUP. */
    public GraphFake onDemandRuleId(String ruleId) {
        sync.onDemandRuleId = ruleId;
        return this;
    }

    /** A tenant without Entra ID P1/P2: the provisioning log answers 403 (see FakeSynchronization#auditLog). */
    public GraphFake withoutPremiumLicence() {
        this.premiumLicence = false;
        return this;
    }

    boolean premiumLicence() {
        return premiumLicence;
    }

    public GraphFake inject(Fault fault) {
        faults.add(fault);
        return this;
    }

    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    public List<RecordedRequest> requests(String method, String pathRegex) {
        return requests.stream().filter(r -> r.method().equalsIgnoreCase(method) && r.path().matches(pathRegex)).toList();
    }

    public void clearRequests() {
        requests.clear();
    }

    // --- seeding and inspection -----------------------------------------------------------------------------

    public String seedUser(String userPrincipalName, String displayName, String givenName, String surname,
                           String mail) {
        return directory.addUser(userPrincipalName, displayName, givenName, surname, mail);
    }

    public String seedGroup(String displayName, String description) {
        return directory.addGroup(displayName, description);
    }

    public void addMember(String groupId, String memberId) {
        directory.addMember(groupId, memberId);
    }

    /** An app that already exists in the tenant, readable at once (for adopt tests). */
    public String[] seedAwsIdcApp(String displayName) {
        return apps.seed(displayName);
    }

    public JsonNode application(String id) {
        return apps.applications.get(id).deepCopy();
    }

    public JsonNode servicePrincipal(String id) {
        return apps.servicePrincipals.get(id).deepCopy();
    }

    /** The synchronization secrets saved on a service principal: key → value. */
    public Map<String, String> savedSecrets(String servicePrincipalId) {
        return Map.copyOf(sync.secrets.getOrDefault(servicePrincipalId, Map.of()));
    }

    // --- HTTP -------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            RecordedRequest request = read(exchange);
            requests.add(request);
            send(exchange, respond(request));
        } catch (RuntimeException e) {
            send(exchange, FakeResponse.error(500, "generalException", "fake failure: " + e));
        }
    }

    private FakeResponse respond(RecordedRequest request) {
        Fault lost = null;
        for (Fault fault : faults) {
            if (fault.matches(request) && fault.consume()) {
                if (!fault.afterProcessing) {
                    return fault.response;
                }
                lost = fault;
                break;
            }
        }
        FakeResponse real = respondForReal(request);
        return lost == null ? real : lost.response;
    }

    private FakeResponse respondForReal(RecordedRequest request) {
        if (request.segments().size() > 0 && request.segments().get(0).equals("login")) {
            return apps.federationMetadata(request);
        }
        // https://learn.microsoft.com/graph/errors: 401 InvalidAuthenticationToken for a missing, unknown,
        // expired or wrong-audience token
        String auth = request.header("Authorization");
        String rejected = tokens.rejection(auth);
        if (rejected != null) {
            return FakeResponse.error(401, "InvalidAuthenticationToken", rejected);
        }
        // https://learn.microsoft.com/graph/permissions-overview: a token without the delegated scope the call
        // needs is refused with 403 Authorization_RequestDenied; the body does not name the scope
        if (FakePermissions.unmet(FakePermissions.required(request), FakeTokens.scopes(auth)) != null) {
            return FakeResponse.error(403, "Authorization_RequestDenied",
                    "Insufficient privileges to complete the operation.");
        }
        return switch (request.segment(0) == null ? "" : request.segment(0)) {
            case "organization" -> organization();
            case "me" -> ok(json.createObjectNode().put("id", "00000000-0000-0000-0000-0000000000ad")
                    .put("userPrincipalName", SIGNED_IN_USER).put("displayName", "Contoso Admin"));
            case "applicationTemplates", "applications" -> apps.handle(request);
            case "servicePrincipals" -> request.segment(2) != null && request.segment(2).equals("synchronization")
                    ? sync.handle(request) : apps.handle(request);
            case "users", "groups" -> directory.handle(request);
            case "auditLogs" -> sync.auditLog(request);
            default -> FakeResponse.error(400, "BadRequest", "Resource not found for the segment '"
                    + request.segment(0) + "'.");
        };
    }

    private FakeResponse organization() {
        ObjectNode org = json.createObjectNode().put("id", TENANT_ID).put("displayName", TENANT_NAME);
        ArrayNode domains = org.putArray("verifiedDomains");
        domains.addObject().put("name", "contoso.onmicrosoft.com").put("isDefault", false).put("isInitial", true);
        domains.addObject().put("name", DOMAIN).put("isDefault", true).put("isInitial", false);
        ObjectNode body = json.createObjectNode();
        body.putArray("value").add(org);
        return ok(body);
    }

    private RecordedRequest read(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String rawPath = exchange.getRequestURI().getRawPath();
        String path = rawPath.startsWith("/v1.0") ? rawPath.substring("/v1.0".length()) : rawPath;
        List<String> segments = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                segments.add(URLDecoder.decode(part, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> query = new LinkedHashMap<>();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(key, value);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return new RecordedRequest(exchange.getRequestMethod(), "/" + String.join("/", segments), List.copyOf(segments),
                Map.copyOf(query), Map.copyOf(headers), body, Instant.now());
    }

    private static void send(HttpExchange exchange, FakeResponse response) throws IOException {
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (response.contentType() != null) {
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
        }
        byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    // --- shared shapes ----------------------------------------------------------------------------------------

    FakeResponse ok(JsonNode body) {
        return FakeResponse.ok(body);
    }

    /**
     * One page of {@code items} as Graph pages: at most min($top, pageSize) values, an opaque $skiptoken in
     * {@code @odata.nextLink} that repeats the other query options, {@code @odata.count} when $count=true.
     */
    FakeResponse page(RecordedRequest request, List<? extends JsonNode> items) {
        int size = Math.max(1, Math.min(request.intParam("$top", 100), pageSize));
        String token = request.param("$skiptoken");
        int offset = token == null ? 0
                : Integer.parseInt(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
        ObjectNode body = json.createObjectNode();
        if ("true".equals(request.param("$count"))) {
            body.put("@odata.count", items.size());
        }
        ArrayNode values = body.putArray("value");
        String select = request.param("$select");
        items.stream().skip(offset).limit(size).forEach(item -> values.add(project(item, select)));
        if (offset + size < items.size()) {
            Map<String, String> next = new LinkedHashMap<>(request.query());
            if (dropCountFromNextLinks) {
                next.remove("$count");
            }
            next.put("$skiptoken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(String.valueOf(offset + size).getBytes(StandardCharsets.UTF_8)));
            StringBuilder link = new StringBuilder(graphBaseUrl()).append(request.path()).append('?');
            next.forEach((k, v) -> link.append(encode(k)).append('=').append(encode(v)).append('&'));
            link.setLength(link.length() - 1);
            body.put("@odata.nextLink", link.toString());
        }
        return ok(body);
    }

    /** Only the $select-ed properties (plus id and @odata.type), as Graph does. */
    JsonNode project(JsonNode item, String select) {
        if (select == null || select.isBlank()) {
            return item.deepCopy();
        }
        Set<String> wanted = Set.copyOf(Arrays.asList(select.split(",")));
        ObjectNode projected = json.createObjectNode();
        item.properties().forEach(f -> {
            if (wanted.contains(f.getKey()) || f.getKey().equals("id") || f.getKey().equals("@odata.type")) {
                projected.set(f.getKey(), f.getValue().deepCopy());
            }
        });
        return projected;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
