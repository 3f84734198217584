package dev.fedpilot.aws.signin;

import dev.fedpilot.aws.signin.AwsProfile.Kind;
import dev.fedpilot.domain.CloudException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.fedpilot.aws.signin.SignInFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile list the connection bar shows, over a realistic ~/.aws/config + credentials and token cache. */
class AwsProfilesTest {

    static final Map<String, String> ENV = Map.of("AWS_ACCESS_KEY_ID", "AKIAENVIRONMENT00001",
            "AWS_SECRET_ACCESS_KEY", "fp-ENV-SECRET-abc", "AWS_REGION", "sa-east-1");

    @TempDir
    Path home;
    SignInFixture fixture;
    AwsSignIn signIn;

    @BeforeEach
    void setUp() {
        fixture = new SignInFixture(home).withProfileFiles();
        // my-org: signed in 10 minutes ago by the CLI; partner: expired, but refreshable; legacy: expired for good.
        fixture.writeCache("my-org", SignInFixture.cliToken("https://my-org.awsapps.com/start", "eu-central-1",
                "fp-CACHED-ACCESS-1", NOW.plus(Duration.ofMinutes(50)), null, NOW.plus(Duration.ofDays(80))));
        fixture.writeCache("partner", SignInFixture.cliToken("https://partner.awsapps.com/start/", "us-east-2",
                "fp-CACHED-ACCESS-2", NOW.minus(Duration.ofHours(2)), "fp-CACHED-REFRESH-2",
                NOW.plus(Duration.ofDays(30))));
        fixture.writeCache("https://d-9067000000.awsapps.com/start", SignInFixture.cliToken(
                "https://d-9067000000.awsapps.com/start", "us-east-1", "fp-CACHED-ACCESS-3",
                NOW.minus(Duration.ofHours(1)), null, NOW.plus(Duration.ofDays(30))));
        signIn = fixture.signIn(Optional.empty(), Optional.empty(), Optional.empty(), ENV, page -> { });
    }

    @Test
    void listsEnvironmentFirstThenDefaultThenByName() {
        List<String> names = signIn.profiles().stream().map(AwsProfile::name).toList();
        assertEquals(List.of(AwsProfile.ENVIRONMENT, "default", "admin", "ci", "deploy", "legacy", "orphan",
                "partner-read", "settings-only", "temporary", "vault"), names);
    }

    @Test
    void recognisesHowEachProfileGetsCredentials() {
        assertEquals(Kind.ENVIRONMENT, profile(AwsProfile.ENVIRONMENT).kind());
        assertEquals(Kind.STATIC_KEYS, profile("default").kind());
        assertEquals(Kind.STATIC_KEYS, profile("temporary").kind());
        assertEquals(Kind.SSO, profile("admin").kind());
        assertEquals(Kind.SSO, profile("legacy").kind());
        assertEquals(Kind.SSO, profile("orphan").kind());
        assertEquals(Kind.ASSUME_ROLE, profile("deploy").kind());
        assertEquals(Kind.WEB_IDENTITY, profile("ci").kind());
        assertEquals(Kind.PROCESS, profile("vault").kind());
        assertEquals(Kind.NO_CREDENTIALS, profile("settings-only").kind());
        assertFalse(profile("settings-only").hasCredentials());
    }

    @Test
    void mergesConfigAndCredentialsLikeTheSdk() {
        AwsProfile def = profile("default");
        assertEquals(Optional.of("eu-west-1"), def.region(), "region from config, keys from credentials");
        assertEquals("access key AKIA…MPLE", def.detail());
        assertEquals(Optional.of("sa-east-1"), profile(AwsProfile.ENVIRONMENT).region());
        assertEquals(Optional.empty(), profile("partner-read").region());
        assertEquals("arn:aws:iam::777788889999:role/Deploy via profile default", profile("deploy").detail());
    }

    @Test
    void readsSsoSessionsAndLegacySsoProfiles() {
        AwsProfile admin = profile("admin");
        SsoSessionConfig session = admin.sso().orElseThrow();
        assertEquals(Optional.of("my-org"), session.name());
        assertEquals("https://my-org.awsapps.com/start", session.startUrl());
        assertEquals("eu-central-1", session.region());
        assertEquals(Optional.of("111122223333"), admin.ssoAccountId());
        assertEquals(Optional.of("AdministratorAccess"), admin.ssoRoleName());

        assertEquals(List.of("sso:account:access", "codewhisperer:completions"),
                profile("partner-read").sso().orElseThrow().scopes());

        SsoSessionConfig legacy = profile("legacy").sso().orElseThrow();
        assertTrue(legacy.isLegacy());
        assertEquals("https://d-9067000000.awsapps.com/start", legacy.startUrl());
        assertEquals("us-east-1", legacy.region());

        AwsProfile orphan = profile("orphan");
        assertTrue(orphan.sso().isEmpty());
        assertTrue(orphan.detail().contains("'gone'"), orphan.detail());

        assertEquals(List.of("my-org", "partner"),
                signIn.ssoSessions().stream().map(s -> s.name().orElseThrow()).toList());
    }

    @Test
    void detectsCachedTokensInTheCliCache() {
        assertEquals(SsoTokenStatus.VALID, profile("admin").tokenStatus());
        assertTrue(profile("admin").hasUsableSsoToken());
        assertEquals(SsoTokenStatus.REFRESHABLE, profile("partner-read").tokenStatus());
        assertTrue(profile("partner-read").hasUsableSsoToken());
        assertEquals(SsoTokenStatus.EXPIRED, profile("legacy").tokenStatus());
        assertFalse(profile("legacy").hasUsableSsoToken());
        assertEquals(SsoTokenStatus.MISSING, profile("orphan").tokenStatus());
        assertEquals(SsoTokenStatus.NOT_APPLICABLE, profile("default").tokenStatus());

        fixture.clock.advance(Duration.ofHours(1));
        assertEquals(SsoTokenStatus.EXPIRED, fresh().stream().filter(p -> p.name().equals("admin")).findFirst()
                .orElseThrow().tokenStatus(), "without a refresh token an expired sign-in is not usable");
    }

    @Test
    void buildsWorkingProvidersForEnvironmentStaticAndProcessProfiles() {
        AwsCredentials env = signIn.credentials(profile(AwsProfile.ENVIRONMENT)).resolveCredentials();
        assertEquals("AKIAENVIRONMENT00001", env.accessKeyId());

        AwsCredentials keys = signIn.credentials(profile("default")).resolveCredentials();
        assertEquals("AKIAIOSFODNN7EXAMPLE", keys.accessKeyId());
        assertEquals("fp-STATIC-SECRET-wJalrXUtnFEMI", keys.secretAccessKey());

        AwsCredentials temporary = signIn.credentials(profile("temporary")).resolveCredentials();
        assertEquals("fp-TEMP-SESSION-TOKEN-q9w8", assertInstanceOf(AwsSessionCredentials.class, temporary)
                .sessionToken());

        AwsCredentials process = signIn.credentials(profile("vault")).resolveCredentials();
        assertEquals("AKIAPROCESS00EXAMPLE", process.accessKeyId());
    }

    @Test
    void refusesProfilesWithoutCredentials() {
        CloudException e = assertThrows(CloudException.class, () -> signIn.credentials(profile("settings-only")));
        assertEquals(CloudException.Problem.INVALID_INPUT, e.problem());
        CloudException orphan = assertThrows(CloudException.class, () -> signIn.credentials(profile("orphan")));
        assertTrue(orphan.getMessage().contains("'gone'"), orphan.getMessage());
    }

    @Test
    void noProfileDescriptionShowsASecret() {
        for (AwsProfile p : signIn.profiles()) {
            for (String secret : List.of("fp-STATIC-SECRET", "fp-TEMP-SECRET", "fp-TEMP-SESSION", "fp-ENV-SECRET",
                    "fp-PROCESS-SECRET", "fp-CACHED-ACCESS", "fp-CACHED-REFRESH", OidcStandIn.CLIENT_SECRET)) {
                assertFalse(p.toString().contains(secret), p.name() + " shows " + secret);
            }
        }
    }

    @Test
    void honoursAwsConfigFileAndSharedCredentialsFileVariables() {
        AwsFileLocations moved = AwsFileLocations.of(Map.of("AWS_CONFIG_FILE", "~/work/aws-config",
                "AWS_SHARED_CREDENTIALS_FILE", "/etc/fedpilot/creds"), home);
        assertEquals(home.resolve("work/aws-config"), moved.configFile());
        assertEquals(Path.of("/etc/fedpilot/creds"), moved.credentialsFile());
        assertEquals(home.resolve(".aws/sso/cache"), moved.ssoCacheDirectory());
    }

    @Test
    void worksWithoutAnyAwsFiles() throws Exception {
        Path empty = Files.createDirectory(home.resolve("empty"));
        AwsSignIn none = new SignInFixture(empty).signIn(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of(), page -> { });
        assertEquals(List.of(), none.profiles());
        assertEquals(List.of(), none.ssoSessions());
    }

    @Test
    void reportsABrokenConfigFileWithItsLine() throws Exception {
        Files.writeString(fixture.files.configFile(), "[profile ok]\nregion = eu-west-1\nthis line is broken\n");
        CloudException e = assertThrows(CloudException.class, () -> signIn.profiles());
        assertEquals(CloudException.Problem.INVALID_INPUT, e.problem());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    private List<AwsProfile> fresh() {
        return signIn.profiles();
    }

    @Test
    void aMalformedConfigFileIsReportedWithItsFileAndLine() throws Exception {
        Files.writeString(fixture.files.configFile(), "[default]\nregion = eu-west-1\nthis line has no equals sign\n");
        CloudException e = assertThrows(CloudException.class, () -> signIn.profiles());
        assertTrue(e.getMessage().contains(fixture.files.configFile().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
        assertFalse(e.fix().isBlank());
    }

    private AwsProfile profile(String name) {
        return signIn.profiles().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no profile " + name));
    }
}
