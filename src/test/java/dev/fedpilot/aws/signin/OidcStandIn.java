package dev.fedpilot.aws.signin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for IAM Identity Center OIDC (oidc.REGION.amazonaws.com): RegisterClient, CreateToken,
 * StartDeviceAuthorization in the service's JSON shapes, plus the /authorize page, which "signs the user in" at
 * once and redirects to the client's redirect_uri with a code. It checks PKCE like the real service: CreateToken
 * only succeeds when SHA-256 of the code verifier matches the challenge given to /authorize.
 */
final class OidcStandIn implements AutoCloseable {

    static final String CLIENT_ID = "fp-client-id-0001";
    static final String CLIENT_SECRET = "fp-CLIENT-SECRET-7d1e2f3a4b5c";
    static final String AUTH_CODE = "fp-AUTH-CODE-91c3";
    static final String ACCESS_TOKEN = "fp-ACCESS-TOKEN-a8f2c1d4e6b7";
    static final String REFRESH_TOKEN = "fp-REFRESH-TOKEN-55e1b2c3d4";
    static final String REFRESHED_ACCESS_TOKEN = "fp-ACCESS-TOKEN-REFRESHED-3c4d";
    static final String REFRESHED_REFRESH_TOKEN = "fp-REFRESH-TOKEN-ROTATED-9a8b";
    static final String DEVICE_CODE = "fp-DEVICE-CODE-0c0d";
    static final String DEVICE_ACCESS_TOKEN = "fp-ACCESS-TOKEN-DEVICE-4e5f";
    static final String USER_CODE = "WDJB-MJHT";
    static final long CLIENT_SECRET_EXPIRES_AT = 1_900_000_000L;

    record Call(String path, JsonNode body, Map<String, String> query) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    /** Answers to device code polls, in order: "pending", "slow_down", "expired"; when empty, the token. */
    final Deque<String> devicePolls = new ArrayDeque<>();
    volatile Map<String, String> lastAuthorize = Map.of();
    volatile boolean refreshRevoked;
    volatile int deviceExpiresIn = 600;
    /** Real AWS does not echo secrets; the stand-in does when asked, to prove FedPilot's messages drop AWS's text. */
    volatile boolean echoSecretsInErrors = true;

    OidcStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Call> calls(String path) {
        return calls.stream().filter(c -> c.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
            calls.add(new Call(path, body, query));
            switch (path) {
                case "/client/register" -> register(exchange, body);
                case "/authorize" -> authorize(exchange, query);
                case "/token" -> token(exchange, body);
                case "/device_authorization" -> deviceAuthorization(exchange, body);
                default -> send(exchange, 404, json.createObjectNode().put("message", "no route " + path));
            }
        }
    }

    private void register(HttpExchange exchange, JsonNode body) throws IOException {
        if (!"public".equals(body.path("clientType").asText())) {
            error(exchange, 400, "InvalidClientMetadataException", "invalid_client_metadata");
            return;
        }
        send(exchange, 200, json.createObjectNode().put("clientId", CLIENT_ID).put("clientSecret", CLIENT_SECRET)
                .put("clientIdIssuedAt", 1_700_000_000L).put("clientSecretExpiresAt", CLIENT_SECRET_EXPIRES_AT));
    }

    private void authorize(HttpExchange exchange, Map<String, String> query) throws IOException {
        lastAuthorize = query;
        String location = query.get("redirect_uri") + "?code=" + enc(AUTH_CODE) + "&state=" + enc(query.get("state"));
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(302, -1);
    }

    private void token(HttpExchange exchange, JsonNode body) throws IOException {
        if (!CLIENT_ID.equals(body.path("clientId").asText())
                || !CLIENT_SECRET.equals(body.path("clientSecret").asText())) {
            error(exchange, 401, "InvalidClientException", "invalid_client");
            return;
        }
        switch (body.path("grantType").asText()) {
            case "authorization_code" -> {
                String challenge = Pkce.challengeOf(body.path("codeVerifier").asText());
                if (!AUTH_CODE.equals(body.path("code").asText())
                        || !challenge.equals(lastAuthorize.get("code_challenge"))
                        || !body.path("redirectUri").asText().equals(lastAuthorize.get("redirect_uri"))) {
                    error(exchange, 400, "InvalidGrantException", "invalid_grant");
                    return;
                }
                tokens(exchange, ACCESS_TOKEN, REFRESH_TOKEN);
            }
            case "refresh_token" -> {
                if (refreshRevoked || !REFRESH_TOKEN.equals(body.path("refreshToken").asText())) {
                    error(exchange, 400, "InvalidGrantException", "invalid_grant");
                    return;
                }
                tokens(exchange, REFRESHED_ACCESS_TOKEN, REFRESHED_REFRESH_TOKEN);
            }
            case "urn:ietf:params:oauth:grant-type:device_code" -> {
                if (!DEVICE_CODE.equals(body.path("deviceCode").asText())) {
                    error(exchange, 400, "InvalidGrantException", "invalid_grant");
                    return;
                }
                String next = devicePolls.poll();
                if (next == null) {
                    tokens(exchange, DEVICE_ACCESS_TOKEN, null);
                } else if (next.equals("pending")) {
                    error(exchange, 400, "AuthorizationPendingException", "authorization_pending");
                } else if (next.equals("slow_down")) {
                    error(exchange, 400, "SlowDownException", "slow_down");
                } else {
                    error(exchange, 400, "ExpiredTokenException", "expired_token");
                }
            }
            default -> error(exchange, 400, "UnsupportedGrantTypeException", "unsupported_grant_type");
        }
    }

    private void deviceAuthorization(HttpExchange exchange, JsonNode body) throws IOException {
        send(exchange, 200, json.createObjectNode().put("deviceCode", DEVICE_CODE).put("userCode", USER_CODE)
                .put("verificationUri", "https://device.sso.eu-central-1.amazonaws.com/")
                .put("verificationUriComplete", "https://device.sso.eu-central-1.amazonaws.com/?user_code="
                        + USER_CODE)
                .put("expiresIn", deviceExpiresIn).put("interval", 1));
    }

    private void tokens(HttpExchange exchange, String access, String refresh) throws IOException {
        ObjectNode node = json.createObjectNode().put("accessToken", access).put("tokenType", "Bearer")
                .put("expiresIn", 3600);
        if (refresh != null) {
            node.put("refreshToken", refresh);
        }
        send(exchange, 200, node);
    }

    /** The service's error shape; the description may echo secrets, which must never reach our messages. */
    private void error(HttpExchange exchange, int status, String type, String error) throws IOException {
        exchange.getResponseHeaders().set("x-amzn-ErrorType", type);
        send(exchange, status, json.createObjectNode().put("error", error).put("error_description",
                echoSecretsInErrors ? "rejected " + ACCESS_TOKEN + " / " + CLIENT_SECRET : "rejected"));
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
