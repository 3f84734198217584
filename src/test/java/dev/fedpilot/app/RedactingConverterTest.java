package dev.fedpilot.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Wire logs a user turns on must not write tokens to disk. */
class RedactingConverterTest {

    @Test
    void bearerTokensInHeadersAreMasked() {
        String line = RedactingConverter.redact("http-outgoing-0 >> \"Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.abc.def\"");
        assertFalse(line.contains("eyJ0eXAi"), line);
        assertTrue(line.contains("Authorization: Bearer ***"), line);
    }

    @Test
    void awsSignaturesAndSessionTokensAreMasked() {
        String line = RedactingConverter.redact("Authorization: AWS4-HMAC-SHA256 Credential=ASIAXXX/20261127/us-east-1/"
                + "identitystore/aws4_request, SignedHeaders=host, Signature=0123abcd X-Amz-Security-Token: IQoJb3JpZ2luX2VjEXAMPLE");
        assertFalse(line.contains("0123abcd"), line);
        assertFalse(line.contains("IQoJb3JpZ2lu"), line);
    }

    @Test
    void secretJsonFieldsAndTheScimSecretAreMasked() {
        String line = RedactingConverter.redact("{\"accessToken\":\"aoa-secret-1\",\"clientSecret\":\"cs-2\","
                + "\"value\":[{\"key\":\"BaseAddress\",\"value\":\"https://scim\"},{\"key\":\"SecretToken\",\"value\":\"scim-3\"}]}");
        assertFalse(line.contains("aoa-secret-1") || line.contains("cs-2") || line.contains("scim-3"), line);
        assertTrue(line.contains("https://scim"), "non-secret values stay readable");
    }

    @Test
    void ordinaryTextIsUntouched() {
        String text = "Provisioned 8 users to d-9067a3c1f2 in 1.2 s";
        assertEquals(text, RedactingConverter.redact(text));
    }
}
