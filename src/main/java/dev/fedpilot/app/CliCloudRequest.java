package dev.fedpilot.app;

import java.util.Objects;
import java.util.Optional;

/**
 * What a command-line command asked for: the sandbox, or the real clouds with the AWS CLI's settings.
 *
 * @param profile     --profile, else AWS_PROFILE / the default chain
 * @param region      --region, else AWS_REGION, AWS_DEFAULT_REGION, the profile's region
 * @param instanceArn --instance, when the account has several IAM Identity Center instances
 */
public record CliCloudRequest(boolean sandbox, Optional<String> profile, Optional<String> region,
                              Optional<String> instanceArn) {

    public CliCloudRequest {
        Objects.requireNonNull(profile);
        Objects.requireNonNull(region);
        Objects.requireNonNull(instanceArn);
    }

    public static CliCloudRequest sandboxOnly() {
        return new CliCloudRequest(true, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
