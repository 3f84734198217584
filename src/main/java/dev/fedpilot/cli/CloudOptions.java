package dev.fedpilot.cli;

import dev.fedpilot.app.CliCloudRequest;
import picocli.CommandLine.Option;

import java.util.Optional;

/**
 * The options every command that talks to the clouds shares. Without {@code --sandbox}, AWS is reached as the
 * AWS CLI reaches it: --profile, else the environment and AWS_PROFILE or the default profile; --region, else
 * AWS_REGION, AWS_DEFAULT_REGION or the profile's region; AWS_ENDPOINT_URL and endpoint_url are honoured.
 */
final class CloudOptions {

    @Option(names = "--sandbox", description = "Use the simulated clouds (offline).")
    boolean sandbox;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "AWS profile of ~/.aws/config or ~/.aws/credentials (default: AWS_PROFILE, then the "
                    + "environment and the default profile, as the AWS CLI does).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION",
            description = "AWS region of IAM Identity Center (default: AWS_REGION, AWS_DEFAULT_REGION, the "
                    + "profile's region, the region the setup found).")
    String region;

    @Option(names = "--instance", paramLabel = "ARN",
            description = "IAM Identity Center instance ARN, when the account has several.")
    String instance;

    CliCloudRequest request(boolean rootSandbox) {
        if ((sandbox || rootSandbox) && (profile != null || region != null || instance != null)) {
            throw new UsageException("--sandbox cannot be combined with --profile, --region or --instance.");
        }
        return new CliCloudRequest(sandbox || rootSandbox, given(profile), given(region), given(instance));
    }

    private static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
