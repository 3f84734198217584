package dev.fedpilot.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the adapter does with AWS's error answers. WireMock stands between the SDK and moto: it answers
 * the errors AWS would send and passes everything else on to moto.
 */
class AwsIdentityCenterHttpErrorsTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();

    private static final String ACCESS_KEY = "AKIAFEDPILOTEXAMPLE";
    private static final String SECRET_KEY = "fedpilotSecretKeyThatMustNeverShow";
    private static final String THROTTLED_BODY =
            "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\",\"RetryAfterSeconds\":%d}";

    /** Production-like SDK retries (3 attempts), so the test proves the SDK does not swallow throttling. */
    private static final AwsCallPolicy POLICY =
            new AwsCallPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(10), 5, Duration.ofSeconds(5));

    private AwsClients direct;
    private AwsClients viaWireMock;
    private IdcInstance instance;

    @BeforeEach
    void connect() {
        direct = MotoAws.clients(MOTO.endpoint());
        instance = MotoAws.defaultInstance(direct);
        viaWireMock = AwsClientFactory.create(MotoAws.REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)),
                Optional.of(URI.create(WIREMOCK.baseUrl())), POLICY);
        WIREMOCK.stubFor(post(urlEqualTo("/")).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
    }

    @AfterEach
    void disconnect() {
        Thread.interrupted();
        direct.close();
        viaWireMock.close();
    }

    @Test
    void aThrottledListingWaitsAsToldAndThenReturnsTheUsers() {
        MotoAws.createUser(direct.identityStore(), instance, "ana.lima@example.com", "Ana", "Lima");
        WIREMOCK.stubFor(target("ListUsers").inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(throttled(1)).willSetStateTo("answered"));
        WIREMOCK.stubFor(target("ListUsers").inScenario("throttle").whenScenarioStateIs("answered")
                .willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
        List<DirectoryUser> users = new ArrayList<>();

        long started = System.nanoTime();
        adapter(POLICY).listUsers(instance, users::addAll);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(List.of("ana.lima@example.com"), users.stream().map(DirectoryUser::userName).toList());
        assertTrue(took.toMillis() >= 950, "waited only " + took.toMillis() + " ms");
        List<LoggedRequest> requests = requests("ListUsers");
        assertEquals(2, requests.size(), "one throttled request, one retry after the wait");
        long gap = requests.get(1).getLoggedDate().getTime() - requests.get(0).getLoggedDate().getTime();
        assertTrue(gap >= 950, "retried after " + gap + " ms");
    }

    @Test
    void throttlingThatDoesNotEndIsReportedAfterTheLastAttempt() {
        WIREMOCK.stubFor(target("ListGroups").willReturn(throttled(1)));
        AwsCallPolicy twoAttempts = new AwsCallPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(10), 2,
                Duration.ofSeconds(5));

        CloudException e = assertThrows(CloudException.class,
                () -> adapter(twoAttempts).listGroups(instance, page -> { }));

        assertEquals(CloudException.Problem.THROTTLED, e.problem());
        assertEquals(Optional.of(Duration.ofSeconds(1)), e.retryAfter());
        assertTrue(e.getMessage().contains("identitystore:ListGroups"), e.getMessage());
        assertEquals(2, requests("ListGroups").size());
    }

    @Test
    void anInterruptDuringAThrottlingWaitCancels() throws InterruptedException {
        WIREMOCK.stubFor(target("ListUsers").willReturn(throttled(30)));
        AwsCallPolicy patient = new AwsCallPolicy(3, Duration.ofSeconds(20), Duration.ofSeconds(10), 5,
                Duration.ofSeconds(60));
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread listing = new Thread(() -> {
            try {
                adapter(patient).listUsers(instance, page -> { });
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });

        listing.start();
        for (int i = 0; i < 200 && (requests("ListUsers").isEmpty()
                || listing.getState() != Thread.State.TIMED_WAITING); i++) {
            Thread.sleep(50);
        }
        listing.interrupt();
        listing.join(10_000);

        assertFalse(listing.isAlive(), "still waiting out the 30 s RetryAfterSeconds");
        assertInstanceOf(CancellationException.class, failure.get());
        assertEquals(1, requests("ListUsers").size());
    }

    @Test
    void accessDeniedNamesTheRefusedActionAndThePermissionNeeded() {
        WIREMOCK.stubFor(target("GetGroupMembershipId").willReturn(error("ResourceNotFoundException",
                "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Membership not found\","
                        + "\"ResourceType\":\"GROUP_MEMBERSHIP\"}")));
        WIREMOCK.stubFor(target("CreateGroupMembership").willReturn(error("AccessDeniedException",
                "{\"__type\":\"AccessDeniedException\",\"Message\":\"User: arn:aws:sts::123456789012:assumed-role/"
                        + "ReadOnly/ana is not authorized to perform: identitystore:CreateGroupMembership\"}")));

        CloudException e = assertThrows(CloudException.class,
                () -> adapter(POLICY).addMember(instance, "group-1", "user-1"));

        assertEquals(CloudException.Problem.FORBIDDEN, e.problem());
        assertTrue(e.getMessage().contains("identitystore:CreateGroupMembership"), e.getMessage());
        assertTrue(e.fix().contains("allow identitystore:CreateGroupMembership"), e.fix());
        assertEquals(1, requests("CreateGroupMembership").size(), "a refusal is not retried");
    }

    @Test
    void expiredCredentialsAskTheUserToSignInAgainWithoutShowingThem() {
        WIREMOCK.stubFor(target("ListGroups").willReturn(error("ExpiredTokenException",
                "{\"__type\":\"ExpiredTokenException\",\"message\":\"The security token included in the request"
                        + " is expired\"}")));

        CloudException e = assertThrows(CloudException.class,
                () -> adapter(POLICY).listGroups(instance, page -> { }));

        assertEquals(CloudException.Problem.UNAUTHENTICATED, e.problem());
        assertEquals("Sign in to AWS again.", e.fix());
        for (String text : List.of(e.getMessage(), e.fix())) {
            assertFalse(text.contains(ACCESS_KEY) || text.contains(SECRET_KEY), text);
        }
    }

    @Test
    void externalIdsMarkObjectsThatScimManages() {
        WIREMOCK.stubFor(target("ListGroups").willReturn(json("{\"Groups\":[{\"GroupId\":\"g-1\","
                + "\"DisplayName\":\"AWS-Admins\",\"Description\":\"From Entra\",\"IdentityStoreId\":\"d-1\","
                + "\"ExternalIds\":[{\"Issuer\":\"https://scim.aws.com/x\",\"Id\":\"entra-object-1\"}]},"
                + "{\"GroupId\":\"g-2\",\"DisplayName\":\"Local\",\"IdentityStoreId\":\"d-1\"}]}")));
        WIREMOCK.stubFor(target("ListUsers").willReturn(json("{\"Users\":[{\"UserId\":\"u-1\",\"UserName\":"
                + "\"ana@example.com\",\"DisplayName\":\"Ana Lima\",\"IdentityStoreId\":\"d-1\",\"ExternalIds\":"
                + "[{\"Issuer\":\"https://scim.aws.com/x\",\"Id\":\"entra-user-1\"}]}]}")));
        List<DirectoryGroup> groups = new ArrayList<>();
        List<DirectoryUser> users = new ArrayList<>();

        adapter(POLICY).listGroups(instance, groups::addAll);
        adapter(POLICY).listUsers(instance, users::addAll);

        assertEquals("entra-object-1", groups.get(0).externalId());
        assertTrue(groups.get(0).scimManaged());
        assertFalse(groups.get(1).scimManaged());
        assertEquals("entra-user-1", users.get(0).externalId());
    }

    private AwsIdentityCenter adapter(AwsCallPolicy policy) {
        return new AwsIdentityCenter(viaWireMock, policy);
    }

    private static MappingBuilder target(String operation) {
        return post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("AWSIdentityStore." + operation));
    }

    private static ResponseDefinitionBuilder throttled(int retryAfterSeconds) {
        return error("ThrottlingException", String.format(THROTTLED_BODY, retryAfterSeconds));
    }

    private static ResponseDefinitionBuilder error(String type, String body) {
        return aResponse().withStatus(400)
                .withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", type)
                .withBody(body);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    private static List<LoggedRequest> requests(String operation) {
        return WIREMOCK.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSIdentityStore." + operation)));
    }
}
