package dev.fedpilot.entra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The delegated Graph permissions FedPilot asks for at sign-in (DOMAIN.md, "Graph conventions"). */
public final class GraphScopes {
    static final String PREFIX = "https://graph.microsoft.com/";
    /** What a client that cannot ask for single scopes (the Azure CLI) asks for: its preset scopes. */
    public static final String DEFAULT = PREFIX + ".default";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What setup and the directory browser need; the signed-in user also needs an app admin role. */
    public static final List<String> DELEGATED = List.of(
            PREFIX + "User.Read",
            PREFIX + GraphOperation.Permission.APPLICATION,
            PREFIX + GraphOperation.Permission.APP_ROLE_ASSIGNMENT,
            PREFIX + GraphOperation.Permission.SYNCHRONIZATION,
            PREFIX + GraphOperation.Permission.GROUPS,
            PREFIX + GraphOperation.Permission.USERS);

    /**
     * Needed only for the provisioning log; admin-consent only, so it is asked when the log is first read, not at
     * sign-in (a user who cannot consent to it could otherwise not sign in at all).
     */
    public static final String PROVISIONING_LOG = PREFIX + GraphOperation.Permission.AUDIT_LOG;

    /** A scope that also grants the calls of another (Graph permissions reference: "higher privileged"). */
    private static final Map<String, Set<String>> IMPLIED_BY = Map.of(
            "User.Read", Set.of("User.ReadWrite", "User.Read.All", "User.ReadWrite.All", "Directory.Read.All"),
            "User.Read.All", Set.of("User.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
            "Group.Read.All", Set.of("Group.ReadWrite.All", "Directory.Read.All", "Directory.ReadWrite.All"),
            "GroupMember.ReadWrite.All", Set.of("Group.ReadWrite.All", "Directory.ReadWrite.All"),
            "Directory.Read.All", Set.of("Directory.ReadWrite.All"),
            "Application.ReadWrite.All", Set.of("Directory.ReadWrite.All"),
            "AppRoleAssignment.ReadWrite.All", Set.of("Directory.ReadWrite.All"),
            "Synchronization.ReadWrite.All", Set.of("Application.ReadWrite.All"));

    private GraphScopes() {
    }

    static String full(String scope) {
        return scope.startsWith("https://") ? scope : PREFIX + scope;
    }

    static String shortName(String scope) {
        return scope.startsWith(PREFIX) ? scope.substring(PREFIX.length()) : scope;
    }

    /** Of {@code needed} (short names), those neither granted nor implied by a granted scope. */
    public static List<String> missing(Collection<String> needed, Set<String> granted) {
        List<String> missing = new ArrayList<>();
        for (String scope : needed) {
            String name = shortName(scope);
            boolean has = granted.contains(name)
                    || IMPLIED_BY.getOrDefault(name, Set.of()).stream().anyMatch(granted::contains);
            if (!has) {
                missing.add(name);
            }
        }
        return missing;
    }

    /**
     * The delegated scopes in an access token's {@code scp} claim; empty when the token is not a JWT that
     * FedPilot can read (the token's signature is Graph's business, only the claim is read).
     */
    public static Optional<Set<String>> granted(String accessToken) {
        if (accessToken == null) {
            return Optional.empty();
        }
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            if (!claims.has("scp")) {
                return Optional.empty();
            }
            return Optional.of(new LinkedHashSet<>(Arrays.asList(claims.get("scp").asText("").strip().split("\\s+"))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
