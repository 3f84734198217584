package dev.fedpilot.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Token-like text goes; the ids, URLs and thumbprints a report is made of stay. */
class RedactionTest {
    static final String JWT = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20i"
            + "LCJ1cG4iOiJhZG1pbkBjb250b3NvIn0.c2lnbmF0dXJlLXRoYXQtbXVzdC1uZXZlci1sZWFrX1234";

    @Test
    void bearerTokensJwtsAndKeyedSecretsAreRemoved() {
        assertEquals("401 for Authorization: [redacted]", Redaction.clean("401 for Authorization: Bearer " + JWT));
        assertEquals("token [redacted] refused", Redaction.clean("token " + JWT + " refused"));
        assertEquals("SecretToken=[redacted], BaseAddress=https://scim.example/v2",
                Redaction.clean("SecretToken=abc, BaseAddress=https://scim.example/v2"));
        String base64 = "kq3FZ9Uu0wQx8T1mB2yVnR7pLcE4aHdJsG6oWfKzXi5N+/Yt";
        assertFalse(Redaction.clean("saved " + base64 + " for job").contains(base64));
    }

    @Test
    void idsUrlsArnsAndThumbprintsStay() {
        for (String text : new String[]{
                "arn:aws:sso:::instance/ssoins-72238e5c1b4d9a07",
                "job aWSSingleSignon.3c5e8a719d244f6ba1e05b7c2d9f8e46.4d2c49651b2e432c4ac7a4f8cab217c0",
                "https://scim.us-east-1.amazonaws.com/d06cf1b87d4-3832cc51-f32a-488c-988b-d7d4d20bc0bc/scim/v2",
                "certificate 869c85bd50e6a25b35f444d71b64c2578ee15fed5f3ce3e6e92e3edfd685a3b6",
                "https://login.microsoftonline.com/3c5e8a71-9d24-4f6b-a1e0-5b7c2d9f8e46/federationmetadata/2007-06/"
                        + "federationmetadata.xml?appid=22eca89b-5c39-49da-afb0-3cbb6f45f2ea",
                "AWS-Developers-Contractors (dd3219bb-d977-430a-bae4-07fa7b324ba2)",
                "contoso-sandbox.onmicrosoft.com / sandbox",
                "Paste the bearer token; basic settings checked"}) {
            assertEquals(text, Redaction.clean(text));
        }
    }
}
