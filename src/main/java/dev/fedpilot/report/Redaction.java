package dev.fedpilot.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what looks like a credential from free text that FedPilot did not write itself (error messages of
 * cloud calls, audit details), so a buggy adapter cannot leak a token into a report. Ids, URLs, ARNs and
 * thumbprints survive: they are lowercase or punctuated, while tokens are long mixed-case runs.
 */
final class Redaction {
    static final String REDACTED = "[redacted]";
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9\\-._~+/]{16,}=*");
    private static final Pattern KEYED = Pattern.compile(
            "(?i)\\b(secret_?token|access_?token|refresh_?token|id_?token|client_?secret|password|authorization"
                    + "|api_?key|x-amz-security-token)(\"?\\s*[:=]\\s*\"?)(?:(?:bearer|basic)\\s+)?[^\\s,;\"'&}]+");
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9+/=_\\-.]{24,}");

    private Redaction() {
    }

    /** The text with every token-like part replaced by {@value #REDACTED}; null stays null. */
    static String clean(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = KEYED.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + REDACTED));
        s = BEARER.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + REDACTED));
        Matcher m = TOKEN_LIKE.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(looksLikeToken(m.group()) ? REDACTED : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Mixed case and digits in one long run (base64, JWT segments). Dotted names (hosts, job ids) and
     * dashed lowercase ids (GUIDs, ARNs, thumbprints) have no such run.
     */
    private static boolean looksLikeToken(String run) {
        for (String part : run.split("[.]")) {
            if (part.length() >= 24 && mixed(part)) {
                return true;
            }
        }
        return false;
    }

    private static boolean mixed(String s) {
        boolean upper = false;
        boolean lower = false;
        boolean digit = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            upper |= c >= 'A' && c <= 'Z';
            lower |= c >= 'a' && c <= 'z';
            digit |= c >= '0' && c <= '9';
        }
        return upper && lower && digit;
    }
}
