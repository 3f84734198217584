package dev.fedpilot.app;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.fedpilot.domain.Secret;

import java.util.regex.Pattern;

/**
 * Logback's {@code %redactedMsg}: the message with bearer tokens, AWS session tokens and signatures, and
 * secret-looking fields masked, so that a user who turns wire logging on does not write secrets to disk; and every
 * secret FedPilot holds in memory ({@link Secret#redactLive}) masked by its exact value, since a SCIM token has no
 * recognisable shape. {@link Throwables} ({@code %redactedEx}) does the same for exception text and stack traces.
 */
public final class RedactingConverter extends MessageConverter {
    private static final String KEYS = "accessToken|refreshToken|clientSecret|secretAccessKey|sessionToken"
            + "|access_token|refresh_token|client_secret|aws_secret_access_key|aws_session_token|id_token"
            + "|client_assertion|password";
    private static final Pattern[] SECRETS = {
            Pattern.compile("(?i)(authorization\\s*[:=]\\s*\"?(?:bearer|aws4-hmac-sha256)?\\s*)[^\"\\s,]+[^\"\\r\\n]*"),
            Pattern.compile("(?i)(x-amz-security-token\\s*[:=]\\s*\"?)[^\"\\s,&]+"),
            Pattern.compile("(?i)(\"(?:" + KEYS + ")\"\\s*:\\s*\")[^\"]+"),
            // form bodies, query strings, ini files and toString() of records: key=value or key: value
            Pattern.compile("(?i)(\\b(?:" + KEYS + ")\\b\\s*[=:]\\s*)(?!\\*\\*\\*)[^\\s\"&,;)\\]}]+"),
            Pattern.compile("(?i)(\"key\"\\s*:\\s*\"SecretToken\"\\s*,\\s*\"value\"\\s*:\\s*\")[^\"]+"),
            Pattern.compile("(?i)(bearer\\s+)[A-Za-z0-9._~+/=-]{8,}")
    };

    @Override
    public String convert(ILoggingEvent event) {
        return redact(super.convert(event));
    }

    /** The text with every secret it recognizes, and every secret held in memory, replaced by "***". */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = Secret.redactLive(text);
        for (Pattern secret : SECRETS) {
            out = secret.matcher(out).replaceAll("$1***");
        }
        return out;
    }

    /** {@code %redactedEx}: the exception, its causes and stack trace, redacted like messages. */
    public static final class Throwables extends ThrowableProxyConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }
}
