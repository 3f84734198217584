package dev.fedpilot.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one catalogue of provisioning failures: what Entra's provisioning service, the SCIM endpoint of IAM Identity
 * Center or a quarantine said, sorted into a cause a person can act on. The words for each cause live in the
 * messages bundle ({@code provisioning.failure.<code>} and {@code ….fix}); the raw text is kept for "details".
 * Used by the setup's provision-on-demand step, the report and the health check. Pure.
 *
 * @param subject the user or group it is about (a display name), or null for job-level causes
 * @param detail  what the cause needs to be said precisely: the missing attributes, the conflicting userName …;
 *                empty when the raw text names nothing more
 * @param raw     what the cloud said, unchanged
 */
public record ProvisioningFailure(Cause cause, String subject, String detail, String raw) {

    /** Why provisioning failed, in the terms of the fix. */
    public enum Cause {
        /** A required attribute (first name, last name, display name) is empty in Entra. */
        MISSING_NAME("missing-name"),
        /** Several emails or phone numbers: AWS accepts one value. */
        MULTI_VALUED("multi-valued"),
        /** A character AWS rejects (tab, newline, carriage return, {@code " < > | ; : %}). */
        FORBIDDEN_CHARACTER("forbidden-character"),
        /** AWS answered "unparsable" without saying why: one of the two causes above. */
        UNPARSABLE("unparsable"),
        /** SCIM 409: a user or group with that userName/displayName exists in AWS and SCIM did not create it. */
        DUPLICATE("duplicate"),
        /** AWS refused the SCIM token: expired (one year), deleted, or the endpoint changed. */
        TOKEN_REJECTED("token-rejected"),
        /** A group nested in an assigned group: Entra provisions direct members only. */
        NESTED_GROUP("nested-group"),
        /** Not assigned to the app (directly or through a group), so out of scope. */
        NOT_IN_SCOPE("not-in-scope"),
        /** Too many failures in a row: Entra put the job in quarantine to protect the target. */
        TOO_MANY_FAILURES("too-many-failures"),
        /** Entra stopped because the cycle would delete more than its accidental-deletion threshold. */
        TOO_MANY_DELETES("too-many-deletes"),
        /** Throttled by AWS or Entra; a later cycle retries. */
        THROTTLED("throttled"),
        /** Nothing in the catalogue matched: the raw text is all there is. */
        OTHER("other");

        private final String code;

        Cause(String code) {
            this.code = code;
        }

        /** Stable kebab-case id, for JSON, scripts and the message keys. */
        public String code() {
            return code;
        }

        public String messageKey() {
            return "provisioning.failure." + code;
        }

        public String fixKey() {
            return "provisioning.failure." + code + ".fix";
        }

        /** Whether the person can fix it in Entra for this one user or group (as opposed to the whole job). */
        public boolean perSubject() {
            return this != TOKEN_REJECTED && this != TOO_MANY_FAILURES && this != TOO_MANY_DELETES
                    && this != THROTTLED;
        }
    }

    /** "'name.familyName' is required" (SCIM), "Value null at 'name.familyName' failed to satisfy constraint" (AWS). */
    private static final Pattern REQUIRED = Pattern.compile(
            "'?(name\\.givenName|name\\.familyName|displayName|givenName|familyName)'? (?:is required|is missing"
                    + "|must not be (?:null|empty)|failed to satisfy constraint: Member must not be null)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFLICT_NAME = Pattern.compile(
            "(?:userName|displayName)\\s*'?([^'\\s.,;]+)", Pattern.CASE_INSENSITIVE);

    public ProvisioningFailure {
        Objects.requireNonNull(cause, "cause");
        detail = detail == null ? "" : detail;
        raw = raw == null ? "" : raw;
    }

    /** Sorts what provisioning said about one user or group; null for a success. */
    public static ProvisioningFailure of(ProvisioningOutcome outcome) {
        if (outcome == null || outcome.result() == ProvisioningOutcome.Result.SUCCESS) {
            return null;
        }
        String subject = outcome.subjectName() != null ? outcome.subjectName() : outcome.subjectId();
        return classify(subject, outcome.message());
    }

    /** Sorts a quarantine by its reason and detail (Graph's synchronizationQuarantine). */
    public static ProvisioningFailure of(ProvisioningJob.Quarantine quarantine) {
        if (quarantine == null) {
            return new ProvisioningFailure(Cause.OTHER, null, "", "");
        }
        String raw = join(quarantine.reason(), quarantine.detail());
        String lower = raw.toLowerCase(Locale.ROOT);
        Cause cause;
        if (isTokenRejection(lower)) {
            cause = Cause.TOKEN_REJECTED;
        } else if (lower.contains("toomanydeletes")) {
            cause = Cause.TOO_MANY_DELETES;
        } else if (lower.contains("escrow")) {
            cause = Cause.TOO_MANY_FAILURES;
        } else {
            cause = Cause.OTHER;
        }
        return new ProvisioningFailure(cause, null, "", raw);
    }

    /** Sorts one raw failure text about {@code subject}. */
    public static ProvisioningFailure classify(String subject, String raw) {
        String text = raw == null ? "" : raw;
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> missing = new ArrayList<>();
        Matcher m = REQUIRED.matcher(text);
        while (m.find()) {
            String attribute = switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "name.givenname", "givenname" -> "givenName";
                case "name.familyname", "familyname" -> "familyName";
                default -> "displayName";
            };
            if (!missing.contains(attribute)) {
                missing.add(attribute);
            }
        }
        if (!missing.isEmpty()) {
            return new ProvisioningFailure(Cause.MISSING_NAME, subject, String.join(",", missing), text);
        }
        if (isTokenRejection(lower)) {
            return new ProvisioningFailure(Cause.TOKEN_REJECTED, subject, "", text);
        }
        if (lower.contains("conflict") || lower.contains("409") || lower.contains("already exists")
                || lower.contains("entryexportduplicate") || lower.contains("uniqueness")) {
            Matcher name = CONFLICT_NAME.matcher(text);
            return new ProvisioningFailure(Cause.DUPLICATE, subject, name.find() ? name.group(1) : "", text);
        }
        if (lower.contains("nested")) {
            return new ProvisioningFailure(Cause.NESTED_GROUP, subject, "", text);
        }
        if (lower.contains("not in scope") || lower.contains("notinscope") || lower.contains("not assigned")
                || lower.contains("out of scope")) {
            return new ProvisioningFailure(Cause.NOT_IN_SCOPE, subject, "", text);
        }
        if (lower.contains("429") || lower.contains("throttl") || lower.contains("toomanyrequests")) {
            return new ProvisioningFailure(Cause.THROTTLED, subject, "", text);
        }
        boolean unparsable = lower.contains("unparsable") || lower.contains("violates schema");
        if (lower.contains("phone numbers") || lower.contains("email addresses") || lower.contains("multi-valued")
                || lower.contains("multiple values") || lower.contains("accepts one value")) {
            return new ProvisioningFailure(Cause.MULTI_VALUED, subject, multiValuedAttribute(lower), text);
        }
        if (lower.contains("does not accept") || lower.contains("invalid character")
                || lower.contains("contains a tab") || lower.contains("contains a newline")) {
            return new ProvisioningFailure(Cause.FORBIDDEN_CHARACTER, subject, "", text);
        }
        if (unparsable) {
            return new ProvisioningFailure(Cause.UNPARSABLE, subject, "", text);
        }
        return new ProvisioningFailure(Cause.OTHER, subject, "", text);
    }

    /** The failures grouped by cause, causes in catalogue order, each group in the order given. */
    public static Map<Cause, List<ProvisioningFailure>> byCause(List<ProvisioningFailure> failures) {
        Map<Cause, List<ProvisioningFailure>> grouped = new LinkedHashMap<>();
        for (Cause cause : Cause.values()) {
            List<ProvisioningFailure> of = failures.stream().filter(f -> f != null && f.cause() == cause).toList();
            if (!of.isEmpty()) {
                grouped.put(cause, of);
            }
        }
        return grouped;
    }

    private static boolean isTokenRejection(String lower) {
        return lower.contains("invalidcredentials") || lower.contains("401") || lower.contains("unauthorized")
                || lower.contains("credentialvalidation") || lower.contains("secret token");
    }

    private static String multiValuedAttribute(String lower) {
        if (lower.contains("phone")) {
            return "phoneNumbers";
        }
        return lower.contains("email") ? "emails" : "";
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) {
            return b == null ? "" : b;
        }
        return b == null || b.isBlank() ? a : a + ": " + b;
    }
}
