package dev.fedpilot.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

import java.util.regex.Pattern;

/**
 * Logback's {@code %redactedMsg}: the message with bearer tokens, AWS session tokens and signatures, and
 * secret-looking JSON fields masked, so that a user who turns wire logging on does not write secrets to disk.
 */
public final class RedactingConverter extends MessageConverter {
    private static final Pattern[] SECRETS = {
            Pattern.compile("(?i)(authorization\\s*[:=]\\s*\"?(?:bearer|aws4-hmac-sha256)?\\s*)[^\"\\s,]+[^\"\\r\\n]*"),
            Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*\"?)[^\"\\s,]+"),
            Pattern.compile("(?i)(\"(?:accessToken|refreshToken|clientSecret|secretAccessKey|sessionToken|access_token|refresh_token|client_secret)\"\\s*:\\s*\")[^\"]+"),
            Pattern.compile("(?i)(\"key\"\\s*:\\s*\"SecretToken\"\\s*,\\s*\"value\"\\s*:\\s*\")[^\"]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}")
    };

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    /** The text with every secret it recognizes replaced by "***". */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Pattern secret : SECRETS) {
            out = secret.matcher(out).replaceAll("$1***");
        }
        return out;
    }
}
