package dev.fedpilot.aws.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/**
 * One authorization request's PKCE pair (RFC 7636, S256) and state, made like the AWS CLI's: a 64-character
 * verifier from the unreserved characters, the challenge as unpadded base64url of its SHA-256.
 */
record Pkce(String verifier, String challenge, String state) {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
    private static final SecureRandom RANDOM = new SecureRandom();

    static Pkce create() {
        StringBuilder verifier = new StringBuilder(64);
        for (int i = 0; i < 64; i++) {
            verifier.append(UNRESERVED.charAt(RANDOM.nextInt(UNRESERVED.length())));
        }
        return new Pkce(verifier.toString(), challengeOf(verifier.toString()), UUID.randomUUID().toString());
    }

    static String challengeOf(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Pkce[redacted]";
    }
}
