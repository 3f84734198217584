package dev.fedpilot.domain;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the well-known AWS and Entra SAML URLs tell: region, identity store, tenant, and which app they belong to. */
public final class SamlUrls {
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    // The aws.amazon.com host is documented (DOMAIN.md); the China and GovCloud partition hosts are unverified.
    private static final String AWS_SIGNIN = "signin\\.(?:aws\\.amazon\\.com|amazonaws\\.cn|amazonaws-us-gov\\.com)";
    private static final Pattern IDC_ENTITY = Pattern.compile(
            "^https://([a-z0-9-]+)\\." + AWS_SIGNIN + "/platform/saml/(d-[0-9a-f]{10}|" + GUID + ")/?$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IDC_ACS = Pattern.compile(
            "^https://([a-z0-9-]+)\\." + AWS_SIGNIN + "/platform/saml/acs/" + GUID + "/?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AWS_URL = Pattern.compile(
            "^https?://(?:[a-z0-9-]+\\.)?" + AWS_SIGNIN + "(?:[/:?#].*)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEGACY_AWS = Pattern.compile(
            "^https?://(?:[a-z0-9-]+\\.)?" + AWS_SIGNIN + "/saml/?$", Pattern.CASE_INSENSITIVE);
    private static final String LEGACY_AWS_ENTITY = "urn:amazon:webservices";
    private static final Pattern ENTRA_ENTITY = Pattern.compile(
            "^https://sts\\.windows\\.net/(" + GUID + ")/?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ENTRA_SSO = Pattern.compile(
            "^https://login\\.microsoftonline\\.com/(" + GUID + ")/saml2/?$", Pattern.CASE_INSENSITIVE);

    /** The value of the single-account AWS SAML app, wrong for IAM Identity Center. */
    public static final String LEGACY_AWS_ACS = "https://signin.aws.amazon.com/saml";

    private SamlUrls() {
    }

    /** True for the single-account AWS SAML sign-in (entityID {@code urn:amazon:webservices} or ACS {@code …/saml}). */
    public static boolean isLegacyAws(String value) {
        return value != null && (LEGACY_AWS_ENTITY.equalsIgnoreCase(value.strip()) || LEGACY_AWS.matcher(value.strip()).matches());
    }

    /** True for any AWS sign-in URL, IAM Identity Center or legacy. */
    public static boolean isAws(String value) {
        return value != null && (isLegacyAws(value) || AWS_URL.matcher(value.strip()).matches());
    }

    public static boolean isEntra(String entityId, List<String> ssoUrls) {
        return entraTenantId(entityId, ssoUrls).isPresent();
    }

    /** The region of an IAM Identity Center entityID, else of its first matching ACS URL. */
    public static Optional<String> awsRegion(String entityId, List<String> acsUrls) {
        return group(IDC_ENTITY, entityId, 1).or(() -> first(IDC_ACS, acsUrls, 1));
    }

    /** The identity store id ({@code d-xxxxxxxxxx}) in an IAM Identity Center entityID. */
    public static Optional<String> identityStoreId(String entityId) {
        return group(IDC_ENTITY, entityId, 2);
    }

    /** The Entra tenant id of entity {@code https://sts.windows.net/{tenantId}/}, else of its SSO URL. */
    public static Optional<String> entraTenantId(String entityId, List<String> ssoUrls) {
        return group(ENTRA_ENTITY, entityId, 1).or(() -> first(ENTRA_SSO, ssoUrls, 1));
    }

    private static Optional<String> first(Pattern pattern, List<String> values, int group) {
        return values.stream().map(v -> group(pattern, v, group)).flatMap(Optional::stream).findFirst();
    }

    private static Optional<String> group(Pattern pattern, String value, int group) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = pattern.matcher(value.strip());
        return m.matches() ? Optional.of(m.group(group).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
