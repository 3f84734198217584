package dev.fedpilot.aws.signin;

import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileProperty;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Which AWS region to talk to, looked up as the AWS CLI does: the {@code --region} option, {@code AWS_REGION},
 * {@code AWS_DEFAULT_REGION} (the CLI's variable, which the Java SDK ignores), then the {@code region} of the
 * profile in use ({@code --profile}, else {@code AWS_PROFILE}, else {@code default}).
 */
public final class AwsRegions {

    /** A region and where it was found, e.g. "eu-west-1" from "AWS_REGION", for messages and the log. */
    public record Found(String region, String source) {
    }

    private AwsRegions() {
    }

    /**
     * @param option      the --region option, if given
     * @param profile     the --profile option, if given
     * @param environment the process environment
     * @param config      the parsed config file (read only when the first three give no region)
     */
    public static Optional<Found> resolve(Optional<String> option, Optional<String> profile,
                                          Map<String, String> environment, Supplier<ProfileFile> config) {
        Optional<String> given = option.filter(AwsRegions::present);
        if (given.isPresent()) {
            return Optional.of(new Found(given.get().trim(), "--region"));
        }
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = environment.get(variable);
            if (present(value)) {
                return Optional.of(new Found(value.trim(), variable));
            }
        }
        String name = profileName(profile, environment);
        return config.get().profile(name).flatMap(p -> p.property(ProfileProperty.REGION)).filter(AwsRegions::present)
                .map(r -> new Found(r.trim(), "profile " + name));
    }

    /** The profile in use: the option, else AWS_PROFILE, else "default" (as the SDK and the CLI decide). */
    public static String profileName(Optional<String> profile, Map<String, String> environment) {
        return profile.filter(AwsRegions::present).map(String::trim)
                .or(() -> Optional.ofNullable(environment.get("AWS_PROFILE")).filter(AwsRegions::present)
                        .map(String::trim))
                .orElse("default");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
