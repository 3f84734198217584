package dev.fedpilot.aws.signin;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.profiles.ProfileFile;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where the region comes from, one source at a time, in the AWS CLI's order. */
class AwsRegionsTest {

    private static final Supplier<ProfileFile> CONFIG = () -> ProfileFile.builder().type(ProfileFile.Type.CONFIGURATION)
            .content("[default]\nregion = eu-west-1\n\n[profile ops]\nregion = ap-southeast-2\n\n"
                    + "[profile bare]\noutput = json\n").build();
    private static final Map<String, String> ALL = Map.of("AWS_REGION", "eu-central-1",
            "AWS_DEFAULT_REGION", "us-west-2", "AWS_PROFILE", "ops");

    private static Optional<AwsRegions.Found> resolve(Optional<String> option, Optional<String> profile,
                                                      Map<String, String> environment) {
        return AwsRegions.resolve(option, profile, environment, CONFIG);
    }

    @Test
    void theOptionWinsOverEverything() {
        assertEquals(Optional.of(new AwsRegions.Found("sa-east-1", "--region")),
                resolve(Optional.of("sa-east-1"), Optional.of("ops"), ALL));
    }

    @Test
    void awsRegionComesNext() {
        assertEquals(Optional.of(new AwsRegions.Found("eu-central-1", "AWS_REGION")),
                resolve(Optional.empty(), Optional.of("ops"), ALL));
    }

    @Test
    void theAwsCliVariableAwsDefaultRegionComesAfterAwsRegion() {
        assertEquals(Optional.of(new AwsRegions.Found("us-west-2", "AWS_DEFAULT_REGION")),
                resolve(Optional.empty(), Optional.of("ops"), Map.of("AWS_DEFAULT_REGION", "us-west-2",
                        "AWS_REGION", " ")));
    }

    @Test
    void thenTheRegionOfTheNamedProfile() {
        assertEquals(Optional.of(new AwsRegions.Found("ap-southeast-2", "profile ops")),
                resolve(Optional.empty(), Optional.of("ops"), Map.of()));
    }

    @Test
    void thenTheProfileAwsProfileNames() {
        assertEquals(Optional.of(new AwsRegions.Found("ap-southeast-2", "profile ops")),
                resolve(Optional.empty(), Optional.empty(), Map.of("AWS_PROFILE", "ops")));
    }

    @Test
    void thenTheDefaultProfile() {
        assertEquals(Optional.of(new AwsRegions.Found("eu-west-1", "profile default")),
                resolve(Optional.empty(), Optional.empty(), Map.of()));
    }

    @Test
    void aProfileWithoutRegionGivesNone() {
        assertEquals(Optional.empty(), resolve(Optional.empty(), Optional.of("bare"), Map.of()));
        assertEquals(Optional.empty(), resolve(Optional.empty(), Optional.of("missing"), Map.of()));
    }
}
