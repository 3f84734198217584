package dev.fedpilot.cli;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.fedpilot.aws.AwsClients;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.store.JsonFileStateStore;
import dev.fedpilot.testing.MotoAws;
import dev.fedpilot.testing.MotoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.model.InstanceMetadata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line without --sandbox against moto, configured the way a user configures the AWS CLI: credentials,
 * region and endpoint from the environment or from ~/.aws files, in a child JVM with nothing else set.
 */
class CliOnAwsTest {

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    /** moto cannot create a second instance (CreateInstance answers 500): WireMock answers ListInstances. */
    @RegisterExtension
    static final WireMockExtension WIREMOCK = WireMockExtension.newInstance()
            .options(options().bindAddress("127.0.0.1").dynamicPort()).build();

    @TempDir
    Path home;
    private AwsClients aws;
    private IdcInstance instance;

    @BeforeEach
    void connect() {
        aws = MotoAws.clients(MOTO.endpoint());
        instance = MotoAws.defaultInstance(aws);
    }

    @AfterEach
    void close() {
        aws.close();
    }

    private CliProcess cli() {
        return new CliProcess(home).withAwsEnvironment(MOTO.endpoint().toString(), "us-east-1");
    }

    @Test
    void exportPagesPastAHundredUsersAndMembersAndKeepsNonLatinNames() throws IOException {
        IdentitystoreClient store = aws.identityStore();
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 137; i++) {
            users.add(MotoAws.createUser(store, instance, "user" + i + "@example.com", "User", "N" + i));
        }
        users.add(MotoAws.createUser(store, instance, "lukasz@example.com", "Łukasz", "Żółć"));
        users.add(MotoAws.createUser(store, instance, "li.lei@example.com", "李", "雷"));
        users.add(MotoAws.createUser(store, instance, "muhammad@example.com", "محمد", "علي"));
        String big = MotoAws.createGroup(store, instance, "Plattform-Ärzte 平台");
        for (String user : users.subList(0, 120)) {
            store.createGroupMembership(r -> r.identityStoreId(instance.identityStoreId()).groupId(big)
                    .memberId(m -> m.userId(user)));
        }
        Path file = home.resolve("store.csv");

        CliProcess.Result result = cli().run("directory", "export", "--format", "csv", "--out", file.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("Wrote 140 users, 1 groups and 120 memberships of " + instance.identityStoreId() + " to " + file
                + ".", result.out().strip());
        String csv = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(csv.contains("Łukasz Żółć"), csv);
        assertTrue(csv.contains("李 雷"), csv);
        assertTrue(csv.contains("محمد علي"), csv);
        assertTrue(csv.contains("Plattform-Ärzte 平台"), csv);
    }

    @Test
    void addAndRemoveAreIdempotentAndSayWhatTheyDid() {
        IdentitystoreClient store = aws.identityStore();
        MotoAws.createUser(store, instance, "łukasz.żółć@example.com", "Łukasz", "Żółć");
        String group = MotoAws.createGroup(store, instance, "운영팀");
        for (int i = 0; i < 105; i++) {
            String other = MotoAws.createUser(store, instance, "member" + i + "@example.com", "M", "N" + i);
            store.createGroupMembership(r -> r.identityStoreId(instance.identityStoreId()).groupId(group)
                    .memberId(m -> m.userId(other)));
        }
        String[] add = {"membership", "add", "--group", "운영팀", "--user", "łukasz.żółć@example.com"};
        String[] remove = {"membership", "remove", "--group", "운영팀", "--user", "łukasz.żółć@example.com"};

        CliProcess.Result first = cli().run(add);
        CliProcess.Result second = cli().run(add);
        assertEquals(0, first.exitCode(), first.toString());
        assertEquals("Added łukasz.żółć@example.com to 운영팀.", first.out().strip());
        assertEquals(0, second.exitCode(), second.toString());
        assertEquals("łukasz.żółć@example.com is already a member of 운영팀.", second.out().strip());
        assertEquals(106, members(group));

        CliProcess.Result removed = cli().run(remove);
        CliProcess.Result again = cli().run(remove);
        assertEquals(0, removed.exitCode(), removed.toString());
        assertEquals("Removed łukasz.żółć@example.com from 운영팀.", removed.out().strip());
        assertEquals(0, again.exitCode(), again.toString());
        assertEquals("łukasz.żółć@example.com is not a member of 운영팀.", again.out().strip());
        assertEquals(105, members(group));
    }

    @Test
    void anUnknownUserIsExitTwoInOneLine() {
        MotoAws.createGroup(aws.identityStore(), instance, "auditors");
        CliProcess.Result result = cli().run("membership", "add", "--group", "auditors", "--user", "ghost@example.com");
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("fedpilot: No user named 'ghost@example.com' in identity store " + instance.identityStoreId() + ".",
                result.err().strip());
    }

    @Test
    void withoutCredentialsItSaysSoInOneLineAndExitsOne() {
        CliProcess.Result result = new CliProcess(home).with("AWS_ENDPOINT_URL", MOTO.endpoint().toString())
                .with("AWS_REGION", "us-east-1").run("directory", "export", "--format", "json", "--out",
                        home.resolve("x.json").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.err().strip().lines().count(), result.toString());
        assertTrue(result.err().startsWith("fedpilot: AWS: no AWS credentials were found"), result.err());
        assertTrue(result.err().contains("aws configure"), result.err());
        assertFalse(result.err().contains("\tat "), result.err());
        assertFalse(Files.exists(home.resolve("x.json")));
    }

    @Test
    void anUnknownProfileIsNamedAndExitsOne() {
        CliProcess.Result result = cli().run("directory", "export", "--format", "json", "--out",
                home.resolve("x.json").toString(), "--profile", "nope");
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals(1, result.err().strip().lines().count(), result.toString());
        assertTrue(result.err().contains("the profile 'nope' is not in"), result.err());
    }

    @Test
    void withoutARegionItSaysHowToGiveOne() {
        CliProcess.Result result = cli().with("AWS_REGION", "").run("directory", "export", "--format", "json",
                "--out", home.resolve("x.json").toString());
        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("fedpilot: AWS: no region is configured. Pass --region REGION (the region of IAM Identity "
                + "Center), or set AWS_REGION or a region in your AWS profile.", result.err().strip());
    }

    @Test
    void theAwsCliRegionVariableChoosesTheRegionsInstance() {
        IdcInstance ireland = instanceIn(Region.EU_WEST_1);
        CliProcess.Result result = cli().with("AWS_REGION", "").with("AWS_DEFAULT_REGION", "eu-west-1")
                .run("directory", "export", "--format", "json", "--out", home.resolve("x.json").toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains(" of " + ireland.identityStoreId() + " "), result.out());
    }

    @Test
    void aProfileWithItsOwnEndpointAndRegionIsUsedWithProfile() throws IOException {
        IdcInstance frankfurt = instanceIn(Region.EU_CENTRAL_1);
        Path aws = Files.createDirectories(home.resolve(".aws"));
        Files.writeString(aws.resolve("config"), "[default]\nregion = us-east-1\n\n[profile emulator]\n"
                + "region = eu-central-1\nendpoint_url = " + MOTO.endpoint() + "\n");
        Files.writeString(aws.resolve("credentials"), "[emulator]\naws_access_key_id = AKIAPROFILEEXAMPLE\n"
                + "aws_secret_access_key = profile-secret\n");
        CliProcess.Result result = new CliProcess(home).run("directory", "export", "--format", "json", "--out",
                home.resolve("x.json").toString(), "--profile", "emulator");
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains(" of " + frankfurt.identityStoreId() + " "), result.out());
    }

    @Test
    void theSavedSetupsInstanceIsUsedInItsOwnRegionWhenTheAccountOwnsIt() {
        IdcInstance ireland = instanceIn(Region.EU_WEST_1);
        new JsonFileStateStore(home.resolve(".config").resolve("fedpilot").resolve("cloud"))
                .save(SetupState.STORE_NAME, SetupState.empty().withInstance(ireland));
        CliProcess.Result result = cli().run("directory", "export", "--format", "json", "--out",
                home.resolve("x.json").toString());
        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().contains(" of " + ireland.identityStoreId() + " "), result.out());
    }

    @Test
    void severalInstancesWithoutInstanceIsExitTwoListingThem() {
        String second = "arn:aws:sso:::instance/ssoins-7223a2b3c4d5e6f7";
        WIREMOCK.stubFor(post(urlEqualTo("/")).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
        WIREMOCK.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("SWBExternalService.ListInstances"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Instances\":[{\"InstanceArn\":\"" + instance.instanceArn()
                                + "\",\"IdentityStoreId\":\"" + instance.identityStoreId()
                                + "\",\"OwnerAccountId\":\"123456789012\",\"Status\":\"ACTIVE\"},"
                                + "{\"InstanceArn\":\"" + second + "\",\"IdentityStoreId\":\"d-9067aaaaaa\","
                                + "\"OwnerAccountId\":\"123456789012\",\"Name\":\"team\",\"Status\":\"ACTIVE\"}]}")));
        CliProcess via = new CliProcess(home).withAwsEnvironment(WIREMOCK.baseUrl(), "us-east-1");

        CliProcess.Result several = via.run("directory", "export", "--format", "json", "--out",
                home.resolve("x.json").toString());
        assertEquals(2, several.exitCode(), several.toString());
        assertEquals(1, several.err().strip().lines().count(), several.toString());
        assertTrue(several.err().contains(instance.instanceArn()) && several.err().contains(second)
                && several.err().contains("--instance ARN"), several.err());

        CliProcess.Result picked = via.run("directory", "export", "--format", "json", "--out",
                home.resolve("x.json").toString(), "--instance", instance.instanceArn());
        assertEquals(0, picked.exitCode(), picked.toString());
        assertTrue(picked.out().contains(" of " + instance.identityStoreId() + " "), picked.out());
    }

    @Test
    void anInstanceThatIsNotActiveIsNotPicked() {
        WIREMOCK.stubFor(post(urlEqualTo("/")).atPriority(10)
                .willReturn(aResponse().proxiedFrom(MOTO.endpoint().toString())));
        WIREMOCK.stubFor(post(urlEqualTo("/")).atPriority(1)
                .withHeader("X-Amz-Target", equalTo("SWBExternalService.ListInstances"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
                        .withBody("{\"Instances\":[{\"InstanceArn\":\"" + instance.instanceArn()
                                + "\",\"IdentityStoreId\":\"" + instance.identityStoreId()
                                + "\",\"OwnerAccountId\":\"123456789012\",\"Status\":\"CREATE_IN_PROGRESS\"}]}")));
        CliProcess.Result result = new CliProcess(home).withAwsEnvironment(WIREMOCK.baseUrl(), "us-east-1")
                .run("membership", "add", "--group", "g", "--user", "u");
        assertEquals(1, result.exitCode(), result.toString());
        assertTrue(result.err().contains("is CREATE_IN_PROGRESS, not ACTIVE"), result.err());
    }

    @Test
    void theReportWorksWithWhatIsSignedInAndSaysWhatIsMissing() throws IOException {
        new JsonFileStateStore(home.resolve(".config").resolve("fedpilot").resolve("cloud"))
                .save(SetupState.STORE_NAME, SetupState.empty().withInstance(instance));
        Path file = home.resolve("report.json");
        CliProcess.Result result = cli().run("report", "--format", "json", "--out", file.toString());
        assertEquals(0, result.exitCode(), result.toString());
        String json = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(json.contains("entra-not-signed-in"), json);
        assertFalse(json.contains("aws-not-signed-in"), json);
        assertFalse(json.contains("instance-missing"), json);

        CliProcess.Result noAws = new CliProcess(home).run("report", "--format", "json", "--out", file.toString());
        assertEquals(0, noAws.exitCode(), noAws.toString());
        assertTrue(Files.readString(file, StandardCharsets.UTF_8).contains("aws-not-signed-in"));
    }

    private long members(String group) {
        return aws.identityStore().listGroupMembershipsPaginator(r -> r.identityStoreId(instance.identityStoreId())
                .groupId(group)).groupMemberships().stream().count();
    }

    private IdcInstance instanceIn(Region region) {
        try (AwsClients there = dev.fedpilot.aws.AwsClientFactory.create(region,
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("test", "test")),
                Optional.of(MOTO.endpoint()), MotoAws.policy())) {
            InstanceMetadata first = there.ssoAdmin().listInstances(r -> { }).instances().get(0);
            return new IdcInstance(first.instanceArn(), first.identityStoreId(), region.id(), first.name(),
                    first.ownerAccountId(), first.statusAsString());
        }
    }
}
