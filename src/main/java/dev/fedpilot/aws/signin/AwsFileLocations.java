package dev.fedpilot.aws.signin;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the shared AWS files live: {@code ~/.aws/config}, {@code ~/.aws/credentials} and the SSO token cache
 * {@code ~/.aws/sso/cache}, the same files the AWS CLI and SDKs use.
 */
public record AwsFileLocations(Path configFile, Path credentialsFile, Path ssoCacheDirectory) {

    public AwsFileLocations {
        Objects.requireNonNull(configFile);
        Objects.requireNonNull(credentialsFile);
        Objects.requireNonNull(ssoCacheDirectory);
    }

    /** The user's files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE like the CLI does. */
    public static AwsFileLocations of(Map<String, String> environment, Path home) {
        Path aws = home.resolve(".aws");
        return new AwsFileLocations(
                pathFrom(environment.get("AWS_CONFIG_FILE"), home).orElse(aws.resolve("config")),
                pathFrom(environment.get("AWS_SHARED_CREDENTIALS_FILE"), home).orElse(aws.resolve("credentials")),
                aws.resolve("sso").resolve("cache"));
    }

    public static AwsFileLocations forCurrentUser() {
        return of(System.getenv(), home(System.getenv()));
    }

    /** The home directory as the AWS SDK finds it: HOME first, then the JVM's user.home. */
    public static Path home(Map<String, String> environment) {
        String home = environment.get("HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home")) : Path.of(home);
    }

    private static Optional<Path> pathFrom(String value, Path home) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (trimmed.equals("~")) {
            return Optional.of(home);
        }
        if (trimmed.startsWith("~/") || trimmed.startsWith("~\\")) {
            return Optional.of(home.resolve(trimmed.substring(2)));
        }
        return Optional.of(Path.of(trimmed));
    }
}
