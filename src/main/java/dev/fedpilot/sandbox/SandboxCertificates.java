package dev.fedpilot.sandbox;

import dev.fedpilot.domain.CertificateInfo;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HexFormat;
import java.time.Instant;
import java.util.List;

/**
 * The sandbox's certificates: AWS's SP certificate (made with openssl, kept as a resource) and Entra signing
 * certificates issued on demand with the requested validity.
 */
final class SandboxCertificates {

    /**
     * One certificate with the forms the sandbox needs.
     *
     * @param thumbprint SHA-1 of the DER in upper-case hex, as Entra's preferredTokenSigningKeyThumbprint
     */
    record Cert(X509Certificate x509, String base64Der, CertificateInfo info, String thumbprint) {
    }

    /** The SAML signing certificate in the AWS IdC SP metadata (2026-01-01 to 2031-01-01). */
    static final Cert AWS_SP = load("aws-idc-sp.pem", "signing");

    private SandboxCertificates() {
    }

    static X509Certificate parseBase64Der(String base64) throws CertificateException {
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CertificateException("not base64", e);
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    static CertificateInfo info(X509Certificate cert, String use) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return new CertificateInfo(use, cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                    cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint a certificate", e);
        }
    }

    /** A new signing certificate with the requested validity, as Entra issues one. */
    static Cert issue(String commonName, Instant notBefore, Instant notAfter) {
        SelfSignedCertificates.Issued issued = SelfSignedCertificates.selfSigned(commonName, notBefore, notAfter);
        try {
            X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(issued.der()));
            return new Cert(cert, Base64.getEncoder().encodeToString(issued.der()), info(cert, "signing"),
                    issued.thumbprint());
        } catch (CertificateException e) {
            throw new IllegalStateException("the sandbox issued a broken certificate", e);
        }
    }

    private static Cert load(String name, String use) {
        try (InputStream in = SandboxCertificates.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing sandbox resource " + name);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            String base64 = pem.replaceAll("-----(BEGIN|END) CERTIFICATE-----", "").replaceAll("\\s", "");
            return fromBase64(base64, use);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("broken sandbox certificate " + name, e);
        }
    }

    /** A certificate from its base64 DER, e.g. one a saved world kept. */
    static Cert fromBase64(String base64, String use) throws CertificateException, NoSuchAlgorithmException {
        X509Certificate cert = parseBase64Der(base64);
        String thumbprint = HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
        return new Cert(cert, base64, info(cert, use), thumbprint);
    }
}
