package dev.fedpilot.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * What FedPilot needs to know about an X.509 certificate.
 *
 * @param use    "signing", "encryption" or "unspecified"
 * @param sha256 64 lowercase hex digits of the DER encoding
 */
public record CertificateInfo(String use, String subject, Instant notBefore, Instant notAfter, String sha256) {

    public boolean expiredAt(Instant now) {
        return notAfter.isBefore(now);
    }

    public Duration remainingAt(Instant now) {
        return Duration.between(now, notAfter);
    }
}
