package dev.fedpilot.aws.signin;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One IAM Identity Center portal to sign in to: an {@code [sso-session NAME]} section of ~/.aws/config, or the
 * start URL of a legacy SSO profile (no session name). The name decides the token cache file, as in the AWS CLI.
 *
 * @param name     the sso-session name; empty for a legacy profile
 * @param startUrl the AWS access portal URL, e.g. {@code https://my-org.awsapps.com/start}
 * @param region   where IAM Identity Center runs (sso_region)
 * @param scopes   sso_registration_scopes; empty means the default {@code sso:account:access}
 */
public record SsoSessionConfig(Optional<String> name, String startUrl, String region, List<String> scopes) {

    public static final String DEFAULT_SCOPE = "sso:account:access";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

    public SsoSessionConfig {
        Objects.requireNonNull(name);
        Objects.requireNonNull(startUrl);
        Objects.requireNonNull(region);
        scopes = List.copyOf(scopes);
    }

    public static SsoSessionConfig session(String name, String startUrl, String region, List<String> scopes) {
        return new SsoSessionConfig(Optional.of(name), startUrl, region, scopes);
    }

    public static SsoSessionConfig legacy(String startUrl, String region) {
        return new SsoSessionConfig(Optional.empty(), startUrl, region, List.of());
    }

    /**
     * A session for a start URL the user typed: checked, and named after the portal's host
     * ({@code https://my-org.awsapps.com/start} becomes {@code my-org}).
     */
    public static SsoSessionConfig forStartUrl(String startUrl, String region) {
        String url = startUrl == null ? "" : startUrl.trim();
        String reg = region == null ? "" : region.trim().toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || !"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new CloudException(Problem.INVALID_INPUT, "The AWS access portal URL is not a valid https URL.",
                    "Copy the AWS access portal URL from the IAM Identity Center console (Settings), e.g. "
                            + "https://my-org.awsapps.com/start.");
        }
        if (!REGION.matcher(reg).matches()) {
            throw new CloudException(Problem.INVALID_INPUT, "'" + reg + "' is not an AWS region.",
                    "Enter the region of your IAM Identity Center instance, e.g. us-east-1.");
        }
        String label = uri.getHost().split("\\.")[0];
        String name = NAME.matcher(label).matches() ? label : "fedpilot";
        return session(name, url, reg, List.of(DEFAULT_SCOPE));
    }

    public boolean isLegacy() {
        return name.isEmpty();
    }

    /** The scopes to register for: the configured ones, else {@code sso:account:access}. */
    public List<String> effectiveScopes() {
        return scopes.isEmpty() ? List.of(DEFAULT_SCOPE) : scopes;
    }

    /** The AWS CLI's cache key: SHA-1 hex of the session name, or of the start URL for legacy profiles. */
    public String cacheKey() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(name.orElse(startUrl).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
        }
    }

    /** For logs and the UI: the session name or the start URL. */
    public String label() {
        return name.orElse(startUrl);
    }
}
