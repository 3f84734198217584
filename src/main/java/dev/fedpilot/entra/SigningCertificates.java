package dev.fedpilot.entra;

import com.microsoft.graph.models.KeyCredential;
import dev.fedpilot.domain.CertificateInfo;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Reads the SAML signing certificates Entra returns (base64 DER in {@code key}). */
final class SigningCertificates {
    private static final String USE = "signing";

    private SigningCertificates() {
    }

    /** From the DER when Entra sent it, else from the credential's own dates (no fingerprint then). */
    static CertificateInfo info(byte[] der, String displayName, Instant start, Instant end) {
        if (der != null && der.length > 0) {
            try {
                X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                return new CertificateInfo(USE, cert.getSubjectX500Principal().getName(),
                        cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), hex("SHA-256", der));
            } catch (CertificateException | ClassCastException unreadable) {
                // Entra's dates are still right; only the fingerprint is lost
            }
        }
        return new CertificateInfo(USE, displayName, start, end, null);
    }

    /** The verify credential whose thumbprint (SHA-1, Entra's customKeyIdentifier) is the active one. */
    static Optional<KeyCredential> active(List<KeyCredential> credentials, String thumbprint) {
        if (credentials == null || thumbprint == null || thumbprint.isBlank()) {
            return Optional.empty();
        }
        return credentials.stream()
                .filter(c -> "Verify".equalsIgnoreCase(c.getUsage()))
                .filter(c -> matches(c, thumbprint))
                .findFirst();
    }

    private static boolean matches(KeyCredential c, String thumbprint) {
        if (c.getCustomKeyIdentifier() != null
                && HexFormat.of().formatHex(c.getCustomKeyIdentifier()).equalsIgnoreCase(thumbprint)) {
            return true;
        }
        return c.getKey() != null && hex("SHA-1", c.getKey()).equalsIgnoreCase(thumbprint);
    }

    static String hex(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
