package dev.fedpilot.sandbox;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Real self-signed X.509 certificates (DER written by hand, RSA 2048 / SHA-256), as Entra's
 * addTokenSigningCertificate makes them: plain Java has no public API to issue one. Also used by the Graph fake.
 */
public final class SelfSignedCertificates {
    private static final byte[] SHA256_WITH_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x0B};
    private static final byte[] COMMON_NAME = {0x55, 0x04, 0x03};
    private static final KeyPair KEYS = generateKeys();

    /** @param thumbprint SHA-1 of the DER in upper-case hex, as Entra shows it */
    public record Issued(byte[] der, String thumbprint, Instant notBefore, Instant notAfter) {
    }

    private SelfSignedCertificates() {
    }

    public static Issued selfSigned(String commonName, Instant notBefore, Instant notAfter) {
        Instant from = notBefore.truncatedTo(ChronoUnit.SECONDS);
        Instant to = notAfter.truncatedTo(ChronoUnit.SECONDS);
        byte[] algorithm = tlv(0x30, concat(tlv(0x06, SHA256_WITH_RSA), new byte[] {0x05, 0x00}));
        byte[] name = tlv(0x30, tlv(0x31, tlv(0x30, concat(tlv(0x06, COMMON_NAME),
                tlv(0x0C, commonName.getBytes(java.nio.charset.StandardCharsets.UTF_8))))));
        byte[] validity = tlv(0x30, concat(time(from), time(to)));
        byte[] serial = tlv(0x02, BigInteger.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)).toByteArray());
        byte[] version = tlv(0xA0, tlv(0x02, new byte[] {0x02}));
        byte[] tbs = tlv(0x30, concat(version, serial, algorithm, name, validity, name, KEYS.getPublic().getEncoded()));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(KEYS.getPrivate());
            signer.update(tbs);
            byte[] signature = concat(new byte[] {0x00}, signer.sign());
            byte[] der = tlv(0x30, concat(tbs, algorithm, tlv(0x03, signature)));
            String thumbprint = HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(der));
            return new Issued(der, thumbprint, from, to);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] time(Instant t) {
        var utc = t.atOffset(ZoneOffset.UTC);
        boolean utcTime = utc.getYear() < 2050;
        String text = utc.format(DateTimeFormatter.ofPattern(utcTime ? "yyMMddHHmmss" : "yyyyMMddHHmmss")) + "Z";
        return tlv(utcTime ? 0x17 : 0x18, text.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int length = value.length;
        if (length < 0x80) {
            out.write(length);
        } else if (length < 0x100) {
            out.write(0x81);
            out.write(length);
        } else if (length < 0x10000) {
            out.write(0x82);
            out.write(length >> 8);
            out.write(length & 0xFF);
        } else {
            out.write(0x83);
            out.write(length >> 16);
            out.write((length >> 8) & 0xFF);
            out.write(length & 0xFF);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
