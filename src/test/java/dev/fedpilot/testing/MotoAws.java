package dev.fedpilot.testing;

import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.aws.AwsClientFactory;
import dev.fedpilot.aws.AwsClients;
import dev.fedpilot.domain.IdcInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** SDK clients against a local endpoint (moto or WireMock) with dummy credentials, plus seeding helpers. */
public final class MotoAws {

    public static final Region REGION = Region.US_EAST_1;

    private MotoAws() {
    }

    /** Short timeouts and a single SDK retry, so moto's HTTP 500 for unsupported calls costs little. */
    public static AwsCallPolicy policy() {
        return new AwsCallPolicy(2, Duration.ofSeconds(20), Duration.ofSeconds(10), 5, Duration.ofSeconds(5));
    }

    public static AwsClients clients(URI endpoint) {
        return clients(endpoint, policy());
    }

    public static AwsClients clients(URI endpoint, AwsCallPolicy policy) {
        return AwsClientFactory.create(REGION,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")),
                Optional.of(endpoint), policy);
    }

    /** moto's default instance, read with the plain SDK. */
    public static IdcInstance defaultInstance(AwsClients clients) {
        InstanceMetadata first = clients.ssoAdmin().listInstances(r -> { }).instances().get(0);
        return new IdcInstance(first.instanceArn(), first.identityStoreId(), REGION.id(), first.name());
    }

    /** Creates a user the way an administrator would in the console; returns its UserId. */
    public static String createUser(IdentitystoreClient store, IdcInstance instance, String userName, String given,
                                    String family) {
        return store.createUser(r -> r.identityStoreId(instance.identityStoreId())
                .userName(userName)
                .displayName(given + " " + family)
                .name(n -> n.givenName(given).familyName(family))
                .emails(e -> e.value(userName).type("work").primary(true))).userId();
    }

    public static String createGroup(IdentitystoreClient store, IdcInstance instance, String displayName) {
        return store.createGroup(r -> r.identityStoreId(instance.identityStoreId())
                .displayName(displayName).description("Seeded " + displayName)).groupId();
    }
}
