package dev.fedpilot.saml;

import dev.fedpilot.domain.CertificateInfo;
import dev.fedpilot.saml.MetadataParseException.Reason;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;

/** Reads the base64 DER of a {@code ds:X509Certificate} element into a {@link CertificateInfo}. */
final class CertificateReader {

    private CertificateReader() {
    }

    /** @param position 1-based, for the message when the certificate cannot be read */
    static CertificateInfo read(String base64, String use, int position) {
        try {
            byte[] der = Base64.getDecoder().decode(base64.replaceAll("\\s+", ""));
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            byte[] encoded = cert.getEncoded();
            return new CertificateInfo(use, cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), sha256(encoded));
        } catch (IllegalArgumentException | CertificateException | ClassCastException e) {
            throw new MetadataParseException(Reason.BAD_CERTIFICATE,
                    "Certificate " + position + " in the metadata is not a readable X.509 certificate.",
                    "The file may have been edited or damaged. " + MetadataText.DOWNLOAD_AGAIN, e);
        }
    }

    static String sha256(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
