package dev.fedpilot.aws.signin;

import dev.fedpilot.aws.AwsCallPolicy;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/** Builds the SDK clients the sign-in needs; OIDC and the portal API take no AWS credentials (anonymous). */
final class SignInClients {

    private final SignInEndpoints endpoints;
    private final AwsCallPolicy policy;

    SignInClients(SignInEndpoints endpoints, AwsCallPolicy policy) {
        this.endpoints = Objects.requireNonNull(endpoints);
        this.policy = Objects.requireNonNull(policy);
    }

    SsoOidcClient oidc(String region) {
        return configure(SsoOidcClient.builder(), Region.of(region), AnonymousCredentialsProvider.create(),
                endpoints.oidc()).build();
    }

    SsoClient portal(String region) {
        return configure(SsoClient.builder(), Region.of(region), AnonymousCredentialsProvider.create(),
                endpoints.portal()).build();
    }

    StsClient sts(String region, AwsCredentialsProvider credentials) {
        return configure(StsClient.builder(), Region.of(region), credentials, endpoints.sts()).build();
    }

    /** The browser page base: the OIDC endpoint of the region, as the CLI derives it from its client. */
    URI authorizeBase(String region) {
        if (endpoints.oidc().isPresent()) {
            String base = endpoints.oidc().get().toString();
            return URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        }
        RegionMetadata metadata = Region.of(region).metadata();
        String domain = metadata == null ? "amazonaws.com" : metadata.domain();
        return URI.create("https://oidc." + region + "." + domain);
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, Region region,
                                                          AwsCredentialsProvider credentials,
                                                          Optional<URI> endpoint) {
        builder.region(region)
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(DefaultRetryStrategy.standardStrategyBuilder()
                                .maxAttempts(policy.sdkMaxAttempts()).build())
                        .apiCallTimeout(policy.apiCallTimeout())
                        .apiCallAttemptTimeout(policy.attemptTimeout())
                        .build());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }
}
