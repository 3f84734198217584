package dev.fedpilot.aws;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fedpilot.directory.Throttle;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.ThrottleBudget;
import dev.fedpilot.testing.MovingSleeper;
import dev.fedpilot.testing.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * One retry layer (trust issue item 8): a membership write that AWS keeps throttling reaches the peer at most
 * four times through the real adapter and the directory's Throttle together (it was 6 x 5 = 30), each wait the
 * RetryAfterSeconds AWS sent, capped at 30 s, and no more than 60 s per call. Time moves on a test clock.
 */
class AwsThrottleRetryLayerTest {
    @RegisterExtension
    static final WireMockExtension PEER = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort())
            .build();
    static final IdcInstance INSTANCE = new IdcInstance("arn:aws:sso:::instance/ssoins-1", "d-1234567890",
            "us-east-1", "test");

    final TestClock clock = new TestClock(Instant.parse("2027-03-01T09:00:00Z"));
    final MovingSleeper sleeper = new MovingSleeper(clock);
    AwsClients clients;
    AwsIdentityCenter adapter;

    @BeforeEach
    void connect() {
        clients = AwsClientFactory.create(software.amazon.awssdk.regions.Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(URI.create(PEER.baseUrl())), AwsCallPolicy.defaults());
        adapter = new AwsIdentityCenter(clients, AwsCallPolicy.defaults(), clock, sleeper);
        PEER.stubFor(target("GetGroupMembershipId").willReturn(error("ResourceNotFoundException",
                "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Membership not found\"}")));
    }

    @AfterEach
    void close() {
        clients.close();
    }

    @Test
    void aThrottledMembershipWriteReachesThePeerFourTimesInAll() throws InterruptedException {
        PEER.stubFor(target("CreateGroupMembership").willReturn(throttled(1)));
        Throttle batch = new Throttle(clock, sleeper);

        CloudException e = assertThrows(CloudException.class,
                () -> batch.call(() -> adapter.addMember(INSTANCE, "g-1", "u-1")));

        assertEquals(CloudException.Problem.THROTTLED, e.problem());
        assertEquals(ThrottleBudget.DEFAULT.maxAttempts(), writes(), "the adapter's attempts, and nobody else's");
        assertEquals(4, writes());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), sleeper.waits(),
                "each wait is the RetryAfterSeconds AWS sent");

        // the batch's next call holds back for the Retry-After, then is tried: pacing, not a retry
        PEER.resetRequests();
        assertThrows(CloudException.class, () -> batch.call(() -> adapter.addMember(INSTANCE, "g-1", "u-2")));
        assertEquals(Duration.ofSeconds(1), sleeper.waits().get(3));
        assertEquals(4, writes());
    }

    @Test
    void aRetryAfterBeyond30SecondsIsHandedToTheCallerAtOnce() {
        PEER.stubFor(target("CreateGroupMembership").willReturn(throttled(120)));

        CloudException e = assertThrows(CloudException.class, () -> adapter.addMember(INSTANCE, "g-1", "u-1"));

        assertEquals(CloudException.Problem.THROTTLED, e.problem());
        assertEquals(Optional.of(Duration.ofSeconds(120)), e.retryAfter(), "the caller learns what AWS asked for");
        assertEquals(List.of(), sleeper.waits());
        assertEquals(1, writes());
    }

    @Test
    void theCallStopsBeforeItWouldPass60SecondsInAll() {
        PEER.stubFor(target("CreateGroupMembership").willReturn(throttled(25)));

        CloudException e = assertThrows(CloudException.class, () -> adapter.addMember(INSTANCE, "g-1", "u-1"));

        assertEquals(CloudException.Problem.THROTTLED, e.problem());
        assertEquals(List.of(Duration.ofSeconds(25), Duration.ofSeconds(25)), sleeper.waits());
        assertEquals(3, writes(), "a third wait would take the call past 60 s");
    }

    @Test
    void aWriteThatGetsThroughAfterOneThrottleIsDoneWithOneWait() throws InterruptedException {
        PEER.stubFor(target("CreateGroupMembership").inScenario("once").whenScenarioStateIs("Started")
                .willReturn(throttled(2)).willSetStateTo("open"));
        PEER.stubFor(target("CreateGroupMembership").inScenario("once").whenScenarioStateIs("open")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"MembershipId\":\"m-1\",\"IdentityStoreId\":\"d-1234567890\"}")));

        assertEquals(dev.fedpilot.domain.MembershipResult.ADDED,
                new Throttle(clock, sleeper).call(() -> adapter.addMember(INSTANCE, "g-1", "u-1")));
        assertEquals(2, writes());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeper.waits());
    }

    private static int writes() {
        return PEER.findAll(postRequestedFor(urlEqualTo("/"))
                .withHeader("X-Amz-Target", equalTo("AWSIdentityStore.CreateGroupMembership"))).size();
    }

    private static MappingBuilder target(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSIdentityStore." + operation));
    }

    private static ResponseDefinitionBuilder throttled(int retryAfterSeconds) {
        return error("ThrottlingException", "{\"__type\":\"ThrottlingException\",\"Message\":\"Rate exceeded\","
                + "\"RetryAfterSeconds\":" + retryAfterSeconds + "}");
    }

    private static ResponseDefinitionBuilder error(String type, String body) {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
                .withHeader("x-amzn-ErrorType", type).withBody(body);
    }
}
