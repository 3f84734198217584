package dev.fedpilot.aws.signin;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/** WireMock stubs in the JSON shapes of the AWS access portal API (ListAccounts, ListAccountRoles, GetRoleCredentials). */
final class PortalStandIn {

    static final String ROLE_KEY_ID = "ASIAROLEEXAMPLE00001";
    static final String ROLE_SECRET = "fp-ROLE-SECRET-Kq81";
    static final String ROLE_SESSION = "fp-ROLE-SESSION-TOKEN-zz91";

    private PortalStandIn() {
    }

    static void stub(WireMockExtension portal, String token) {
        stub(portal, token, true);
    }

    /**
     * The portal answers only requests carrying {@code token}, with two pages of accounts and of roles; its
     * "no access" answer echoes the token when {@code echo} (real AWS does not).
     */
    static void stub(WireMockExtension portal, String token, boolean echo) {
        portal.stubFor(withToken(get(urlPathEqualTo("/assignment/accounts")).withQueryParam("next_token", absent()),
                token).willReturn(okJson("{\"nextToken\":\"accounts-2\",\"accountList\":[{\"accountId\":"
                + "\"111122223333\",\"accountName\":\"Production\",\"emailAddress\":\"aws-prod@example.com\"}]}")));
        portal.stubFor(withToken(get(urlPathEqualTo("/assignment/accounts"))
                .withQueryParam("next_token", equalTo("accounts-2")), token).willReturn(okJson("{\"accountList\":"
                + "[{\"accountId\":\"444455556666\",\"accountName\":\"Sandbox\",\"emailAddress\":"
                + "\"aws-sandbox@example.com\"}]}")));
        portal.stubFor(withToken(get(urlPathEqualTo("/assignment/roles"))
                .withQueryParam("account_id", equalTo("111122223333"))
                .withQueryParam("next_token", absent()), token).willReturn(okJson("{\"nextToken\":\"roles-2\","
                + "\"roleList\":[{\"roleName\":\"AdministratorAccess\",\"accountId\":\"111122223333\"}]}")));
        portal.stubFor(withToken(get(urlPathEqualTo("/assignment/roles"))
                .withQueryParam("account_id", equalTo("111122223333"))
                .withQueryParam("next_token", equalTo("roles-2")), token).willReturn(okJson("{\"roleList\":"
                + "[{\"roleName\":\"ReadOnlyAccess\",\"accountId\":\"111122223333\"}]}")));
        portal.stubFor(withToken(get(urlPathEqualTo("/federation/credentials"))
                .withQueryParam("account_id", equalTo("111122223333"))
                .withQueryParam("role_name", equalTo("AdministratorAccess")), token).willReturn(okJson(
                "{\"roleCredentials\":{\"accessKeyId\":\"" + ROLE_KEY_ID + "\",\"secretAccessKey\":\"" + ROLE_SECRET
                        + "\",\"sessionToken\":\"" + ROLE_SESSION + "\",\"expiration\":"
                        + Instant.now().plus(Duration.ofHours(1)).toEpochMilli() + "}}")));
        portal.stubFor(withToken(get(urlPathEqualTo("/federation/credentials"))
                .withQueryParam("role_name", equalTo("NoSuchRole")), token).willReturn(aResponse().withStatus(404)
                .withHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .withBody("{\"message\":\"No access" + (echo ? " for " + token : "") + "\"}")));
    }

    private static MappingBuilder withToken(MappingBuilder mapping, String token) {
        return mapping.withHeader("x-amz-sso_bearer_token", equalTo(token)).atPriority(1);
    }
}
