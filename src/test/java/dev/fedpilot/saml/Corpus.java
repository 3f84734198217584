package dev.fedpilot.saml;

import dev.fedpilot.domain.CertificateInfo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The metadata test corpus in src/test/resources/dev/fedpilot/saml (made by make-corpus.sh). */
public final class Corpus {
    public static final String TENANT = "8f3c2a1e-5b7d-4e9a-9c2f-1a2b3c4d5e6f";
    public static final String IDC_ENTITY = "https://eu-central-1.signin.aws.amazon.com/platform/saml/d-99672a1b2c";
    public static final String ACS_1 = "https://eu-central-1.signin.aws.amazon.com/platform/saml/acs/5b0e9d24-7c3a-4f1e-8a6d-2c9b1e0f3a47";
    public static final String ACS_2 = "https://eu-central-1.signin.aws.amazon.com/platform/saml/acs/0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    public static final String ENTRA_SSO = "https://login.microsoftonline.com/" + TENANT + "/saml2";
    public static final String EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";

    private Corpus() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Corpus.class.getResourceAsStream("/dev/fedpilot/saml/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    public static Path path(String name) {
        try {
            return Path.of(Corpus.class.getResource("/dev/fedpilot/saml/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What OpenSSL said about each corpus certificate, with the given use. */
    public static CertificateInfo expected(String certificate, String use) {
        String[] f = expectedLines().get(certificate);
        if (f == null) {
            throw new IllegalArgumentException("no expected certificate " + certificate);
        }
        String subject = switch (certificate) {
            case "long-valid" -> "CN=Microsoft Azure Federated SSO Certificate";
            case "aws-sp" -> "CN=IAM Identity Center SAML signing";
            case "rollover" -> "CN=Microsoft Azure Federated SSO Certificate (next)";
            case "expired" -> "CN=Microsoft Azure Federated SSO Certificate (old)";
            case "expiring" -> "CN=Expiring SSO Certificate";
            default -> throw new IllegalArgumentException(certificate);
        };
        return new CertificateInfo(use, subject, Instant.parse(f[2]), Instant.parse(f[3]), f[1]);
    }

    private static Map<String, String[]> expectedLines() {
        Map<String, String[]> lines = new HashMap<>();
        for (String line : text("expected-certificates.txt").split("\n")) {
            if (!line.isBlank()) {
                String[] f = line.strip().split(" ");
                lines.put(f[0], f);
            }
        }
        return lines;
    }
}
