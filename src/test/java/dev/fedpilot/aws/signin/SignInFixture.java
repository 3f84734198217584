package dev.fedpilot.aws.signin;

import dev.fedpilot.port.Sleeper;
import dev.fedpilot.aws.AwsCallPolicy;
import dev.fedpilot.testing.TestClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** A user's home with ~/.aws files in a temp dir, a hand-moved clock, and recorded device-code waits. */
final class SignInFixture {

    static final Instant NOW = Instant.parse("2029-06-01T10:00:00Z");
    static final SsoSessionConfig MY_ORG = SsoSessionConfig.session("my-org", "https://my-org.awsapps.com/start",
            "eu-central-1", List.of("sso:account:access"));

    final Path home;
    final AwsFileLocations files;
    final TestClock clock = new TestClock(NOW);
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    Duration browserTimeout = Duration.ofSeconds(20);

    SignInFixture(Path home) {
        this.home = home;
        this.files = AwsFileLocations.of(Map.of(), home);
    }

    /** Copies the fixture ~/.aws/config and ~/.aws/credentials. */
    SignInFixture withProfileFiles() {
        copy("config", files.configFile());
        copy("credentials", files.credentialsFile());
        return this;
    }

    /** Each device-code wait moves the clock, so expiry can be reached without sleeping. */
    Sleeper sleeper() {
        return duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
    }

    AwsSignIn signIn(Optional<URI> oidc, Optional<URI> portal, Optional<URI> sts, Map<String, String> environment,
                     BrowserOpener browser) {
        AwsCallPolicy policy = new AwsCallPolicy(1, Duration.ofSeconds(20), Duration.ofSeconds(10), 1,
                Duration.ofSeconds(1));
        return new AwsSignIn(new AwsSignIn.Settings(files, environment, new SignInEndpoints(oidc, portal, sts),
                policy, browserTimeout, sleeper(), clock), browser);
    }

    Path cacheFile(String nameOrStartUrl) {
        return files.ssoCacheDirectory().resolve(Sha1.hex(nameOrStartUrl) + ".json");
    }

    void writeCache(String nameOrStartUrl, String json) {
        try {
            Files.createDirectories(files.ssoCacheDirectory());
            Files.writeString(cacheFile(nameOrStartUrl), json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cache entry like the CLI writes after `aws sso login`. */
    static String cliToken(String startUrl, String region, String accessToken, Instant expiresAt,
                           String refreshToken, Instant registrationExpiresAt) {
        return "{\"startUrl\": \"" + startUrl + "\", \"region\": \"" + region + "\", \"accessToken\": \""
                + accessToken + "\", \"expiresAt\": \"" + expiresAt + "\", \"clientId\": \"" + OidcStandIn.CLIENT_ID
                + "\", \"clientSecret\": \"" + OidcStandIn.CLIENT_SECRET + "\", \"registrationExpiresAt\": \""
                + registrationExpiresAt + "\"" + (refreshToken == null ? "" : ", \"refreshToken\": \"" + refreshToken
                + "\"") + "}";
    }

    private static void copy(String resource, Path target) {
        try (InputStream in = SignInFixture.class.getResourceAsStream(resource)) {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-1 hex computed independently of the production code. */
    static final class Sha1 {
        static String hex(String text) {
            try {
                byte[] digest = java.security.MessageDigest.getInstance("SHA-1")
                        .digest(text.getBytes(StandardCharsets.UTF_8));
                StringBuilder hex = new StringBuilder();
                for (byte b : digest) {
                    hex.append(String.format("%02x", b));
                }
                return hex.toString();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
