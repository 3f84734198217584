package dev.fedpilot.aws;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** Builds the SDK clients for one region and credentials provider, optionally against another endpoint (moto). */
public final class AwsClientFactory {

    private AwsClientFactory() {
    }

    public static AwsClients create(Region region, AwsCredentialsProvider credentials, Optional<URI> endpointOverride,
                                    AwsCallPolicy policy) {
        return create(region, credentials, endpointOverride, policy, Optional.empty());
    }

    /**
     * @param profile the profile whose settings (endpoint_url, ...) the SDK reads, as {@code aws --profile} does;
     *                empty for AWS_PROFILE or "default"
     */
    public static AwsClients create(Region region, AwsCredentialsProvider credentials, Optional<URI> endpointOverride,
                                    AwsCallPolicy policy, Optional<String> profile) {
        Objects.requireNonNull(region);
        Objects.requireNonNull(credentials);
        Objects.requireNonNull(policy);
        return new AwsClients(region,
                configure(SsoAdminClient.builder(), region, credentials, endpointOverride, policy, profile).build(),
                configure(IdentitystoreClient.builder(), region, credentials, endpointOverride, policy, profile).build(),
                configure(StsClient.builder(), region, credentials, endpointOverride, policy, profile).build());
    }

    /** The Organizations client for the same session; a global service, answered from us-east-1 in AWS's partition. */
    public static software.amazon.awssdk.services.organizations.OrganizationsClient organizations(Region region,
            AwsCredentialsProvider credentials, Optional<URI> endpointOverride, AwsCallPolicy policy) {
        return organizations(region, credentials, endpointOverride, policy, Optional.empty());
    }

    /** The same, with the named profile's settings (endpoint_url among them), as the command line uses it. */
    public static software.amazon.awssdk.services.organizations.OrganizationsClient organizations(Region region,
            AwsCredentialsProvider credentials, Optional<URI> endpointOverride, AwsCallPolicy policy,
            Optional<String> profile) {
        return configure(software.amazon.awssdk.services.organizations.OrganizationsClient.builder(), region,
                credentials, endpointOverride, policy, profile).build();
    }

    private static <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region,
                                                                  AwsCredentialsProvider credentials,
                                                                  Optional<URI> endpointOverride,
                                                                  AwsCallPolicy policy, Optional<String> profile) {
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(overrides(policy, profile));
        endpointOverride.ifPresent(builder::endpointOverride);
        return builder;
    }

    private static ClientOverrideConfiguration overrides(AwsCallPolicy policy, Optional<String> profile) {
        ClientOverrideConfiguration.Builder builder = ClientOverrideConfiguration.builder();
        profile.ifPresent(builder::defaultProfileName);
        return builder
                .retryStrategy(retryStrategy(policy))
                .apiCallTimeout(policy.apiCallTimeout())
                .apiCallAttemptTimeout(policy.attemptTimeout())
                .build();
    }

    /** Without client defaults, so throttling reaches AwsCalls, which honours RetryAfterSeconds. */
    static RetryStrategy retryStrategy(AwsCallPolicy policy) {
        return DefaultRetryStrategy.standardStrategyBuilder()
                .maxAttempts(policy.sdkMaxAttempts())
                .backoffStrategy(BackoffStrategy.exponentialDelay(Duration.ofMillis(100), Duration.ofSeconds(5)))
                .retryOnException(AwsClientFactory::isTransient)
                .circuitBreakerEnabled(false)
                .useClientDefaults(false)
                .build();
    }

    static boolean isTransient(Throwable failure) {
        if (failure instanceof SdkServiceException service) {
            return !service.isThrottlingException() && service.statusCode() >= 500 && service.statusCode() != 501;
        }
        if (failure instanceof AbortedException) {
            return false;
        }
        if (failure instanceof SdkClientException) {
            for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof InterruptedIOException && !(cause instanceof java.net.SocketTimeoutException)) {
                    return false;
                }
                if (cause instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }
}
