package dev.fedpilot.entra.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens as Entra issues them for Graph: JWTs whose {@code scp} claim lists the delegated scopes granted
 * (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference, "scp"). Only tokens this
 * fake issued are accepted; the signature is not checked (nothing here can sign like Entra).
 */
final class FakeTokens {
    /** Graph's audience in v1 tokens. */
    static final String GRAPH_AUDIENCE = "https://graph.microsoft.com";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Set<String> issued = ConcurrentHashMap.newKeySet();

    FakeTokens(String... preIssued) {
        issued.addAll(Arrays.asList(preIssued));
    }

    /** A token that carries {@code scopes} and expires after {@code lifetime} (negative: already expired). */
    String issue(List<String> scopes, Duration lifetime, String audience) {
        String token = jwt(scopes, lifetime, audience);
        issued.add(token);
        return token;
    }

    static String jwt(List<String> scopes, Duration lifetime, String audience) {
        Instant now = Instant.now();
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256").put("kid", "fake");
        ObjectNode claims = JSON.createObjectNode().put("aud", audience)
                .put("iss", "https://sts.windows.net/" + GraphFake.TENANT_ID + "/")
                .put("iat", now.getEpochSecond()).put("nbf", now.getEpochSecond())
                .put("exp", now.plus(lifetime).getEpochSecond())
                .put("scp", String.join(" ", scopes)).put("tid", GraphFake.TENANT_ID)
                .put("upn", GraphFake.SIGNED_IN_USER).put("uti", UUID.randomUUID().toString());
        String token = b64(header.toString()) + "." + b64(claims.toString()) + "."
                + b64(UUID.randomUUID().toString());
        return token;
    }

    /**
     * Why Graph would refuse this Authorization header, in Graph's words; null when the token is good.
     * 401 InvalidAuthenticationToken, per https://learn.microsoft.com/graph/errors ("401 Unauthorized").
     */
    String rejection(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() == 7) {
            return "Access token is empty.";
        }
        String token = authorization.substring(7);
        JsonNode claims = claims(token);
        if (claims == null || !issued.contains(token)) {
            return "IDX14100: JWT is not well formed, there are no dots (.).";
        }
        if (!GRAPH_AUDIENCE.equals(claims.path("aud").asText()) && !"00000003-0000-0000-c000-000000000000"
                .equals(claims.path("aud").asText())) {
            return "Access token validation failure. Invalid audience.";
        }
        if (claims.path("exp").asLong() <= Instant.now().getEpochSecond()) {
            return "Lifetime validation failed, the token is expired.";
        }
        return null;
    }

    /** The delegated scopes in a token this fake accepted. */
    static Set<String> scopes(String authorization) {
        JsonNode claims = claims(authorization.substring(7));
        if (claims == null) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(claims.path("scp").asText("").split(" ")));
    }

    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
