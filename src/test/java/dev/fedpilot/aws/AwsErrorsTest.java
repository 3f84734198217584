package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedExceptionReason;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping for answers that moto and WireMock tests do not produce (STS query errors, SSO sign-in). */
class AwsErrorsTest {

    @Test
    void stsAccessDeniedIsForbiddenForThatAction() {
        CloudException e = AwsErrors.toCloudException("sts:GetCallerIdentity", service("AccessDenied", 403));

        assertEquals(Problem.FORBIDDEN, e.problem());
        assertTrue(e.fix().contains("sts:GetCallerIdentity"), e.fix());
    }

    @Test
    void aKmsRefusalPointsAtTheKeyPolicy() {
        AccessDeniedException denied = AccessDeniedException.builder()
                .reason(AccessDeniedExceptionReason.KMS_ACCESS_DENIED)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").build())
                .statusCode(400).build();

        CloudException e = AwsErrors.toCloudException("identitystore:ListUsers", denied);

        assertEquals(Problem.FORBIDDEN, e.problem());
        assertTrue(e.fix().contains("kms:Decrypt"), e.fix());
    }

    @Test
    void expiredOrUnknownCredentialsAskForANewSignIn() {
        for (String code : new String[] {"ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException",
                "InvalidClientTokenId"}) {
            CloudException e = AwsErrors.toCloudException("sso:ListInstances", service(code, 400));
            assertEquals(Problem.UNAUTHENTICATED, e.problem(), code);
            assertEquals("Sign in to AWS again.", e.fix());
        }
        CloudException noCredentials = AwsErrors.toCloudException("sso:ListInstances", SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"));
        assertEquals(Problem.UNAUTHENTICATED, noCredentials.problem());
    }

    @Test
    void networkFailuresAreUnavailableAndRetriedByTheSdk() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request",
                new ConnectException("Connection refused"));

        assertEquals(Problem.UNAVAILABLE, AwsErrors.toCloudException("identitystore:ListUsers", refused).problem());
        assertTrue(AwsClientFactory.isTransient(refused));
        assertTrue(AwsClientFactory.isTransient(service("InternalServerException", 500)));
        assertEquals(Problem.UNAVAILABLE,
                AwsErrors.toCloudException("identitystore:ListUsers", service("", 503)).problem());
    }

    @Test
    void throttlingIsLeftToAwsCallsWithTheWaitAwsAskedFor() {
        ThrottlingException throttled = ThrottlingException.builder().retryAfterSeconds(7)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ThrottlingException").build())
                .statusCode(400).build();

        assertTrue(AwsErrors.isThrottling(throttled));
        assertFalse(AwsClientFactory.isTransient(throttled), "the SDK must not retry throttling itself");
        assertEquals(Optional.of(Duration.ofSeconds(7)), AwsErrors.retryAfter(throttled));
        assertTrue(AwsErrors.isThrottling(service("Throttling", 400)), "STS spells it differently");
    }

    private static AwsServiceException service(String code, int status) {
        return AwsServiceException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("details").build())
                .statusCode(status).build();
    }
}
