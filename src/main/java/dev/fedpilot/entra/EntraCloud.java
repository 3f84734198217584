package dev.fedpilot.entra;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Microsoft cloud the tenant lives in: its Graph endpoint and its Entra authority (sign-in and federation
 * metadata). https://learn.microsoft.com/graph/deployments lists the national clouds' endpoints.
 *
 * @param name          global, usgov or china (or custom, when the endpoint was set by hand)
 * @param graphBaseUrl  e.g. https://graph.microsoft.com/v1.0
 * @param graphResource the resource scopes are named after, e.g. https://graph.microsoft.com/
 * @param authority     the Entra authority host, e.g. https://login.microsoftonline.com/
 */
public record EntraCloud(String name, String graphBaseUrl, String graphResource, URI authority) {
    public static final EntraCloud GLOBAL = new EntraCloud("global", "https://graph.microsoft.com/v1.0",
            "https://graph.microsoft.com/", URI.create("https://login.microsoftonline.com/"));
    /** Microsoft Graph for US Government L4 (GCC High). */
    public static final EntraCloud US_GOVERNMENT = new EntraCloud("usgov", "https://graph.microsoft.us/v1.0",
            "https://graph.microsoft.us/", URI.create("https://login.microsoftonline.us/"));
    /** Microsoft Graph China operated by 21Vianet. */
    public static final EntraCloud CHINA = new EntraCloud("china", "https://microsoftgraph.chinacloudapi.cn/v1.0",
            "https://microsoftgraph.chinacloudapi.cn/", URI.create("https://login.chinacloudapi.cn/"));

    public EntraCloud {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(graphBaseUrl, "graphBaseUrl");
        Objects.requireNonNull(graphResource, "graphResource");
        Objects.requireNonNull(authority, "authority");
        graphBaseUrl = graphBaseUrl.endsWith("/") ? graphBaseUrl.substring(0, graphBaseUrl.length() - 1) : graphBaseUrl;
    }

    /** global, usgov (also "usgovernment", "gcchigh") or china; empty for anything else. */
    public static Optional<EntraCloud> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "")) {
            case "global", "public", "azurecloud" -> Optional.of(GLOBAL);
            case "usgov", "usgovernment", "gcchigh", "azureusgovernment" -> Optional.of(US_GOVERNMENT);
            case "china", "azurechinacloud" -> Optional.of(CHINA);
            default -> Optional.empty();
        };
    }

    /** This cloud with another Graph endpoint (a proxy, or a Graph stand-in for tests); scopes keep their names. */
    public EntraCloud withGraphBaseUrl(String baseUrl) {
        return new EntraCloud(name, baseUrl, graphResource, authority);
    }

    public EntraCloud withAuthority(URI authorityHost) {
        return new EntraCloud(name, graphBaseUrl, graphResource, authorityHost);
    }
}
