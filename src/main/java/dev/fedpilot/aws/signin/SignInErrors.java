package dev.fedpilot.aws.signin;

import dev.fedpilot.aws.AwsErrors;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sso.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sso.model.TooManyRequestsException;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.InternalServerException;
import software.amazon.awssdk.services.ssooidc.model.InvalidClientException;
import software.amazon.awssdk.services.ssooidc.model.InvalidGrantException;
import software.amazon.awssdk.services.ssooidc.model.InvalidRequestRegionException;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.UnauthorizedClientException;

import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * Turns SDK failures of the sign-in calls into {@link CloudException}s. Messages name the step and AWS's error
 * code, never AWS's free text or anything from the request (tokens, client secrets, codes).
 */
final class SignInErrors {

    private static final Set<String> SIGN_IN_CODES = Set.of("ExpiredToken", "ExpiredTokenException",
            "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidSignatureException",
            "IncompleteSignature", "MissingAuthenticationToken", "RequestExpired");

    private SignInErrors() {
    }

    /** Runs one SDK call and maps its failure; {@code step} says what the user was doing ("listing accounts"). */
    static <T> T call(String step, Supplier<T> request) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("Cancelled before " + step);
        }
        try {
            return request.get();
        } catch (SdkException failure) {
            if (AwsErrors.isCancellation(failure) || Thread.currentThread().isInterrupted()) {
                throw AwsErrors.cancelled(step);
            }
            throw toCloudException(step, failure);
        }
    }

    static CloudException toCloudException(String step, SdkException failure) {
        // Credential providers wrap what went wrong (our own CloudException, the portal's answer) in a client error.
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CloudException cloud) {
                return cloud;
            }
            if (cause instanceof SdkServiceException inner && !(failure instanceof SdkServiceException)) {
                return toCloudException(step, inner);
            }
        }
        String code = AwsErrors.errorCode(failure);
        String suffix = code.isEmpty() ? "." : " (" + code + ").";
        if (failure instanceof InvalidGrantException) {
            return new CloudException(Problem.UNAUTHENTICATED, "IAM Identity Center no longer accepts this sign-in ("
                    + step + ").", "Sign in to AWS again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof ExpiredTokenException) {
            return new CloudException(Problem.UNAUTHENTICATED, "The AWS sign-in request expired before it was "
                    + "approved.", "Start the sign-in again and approve it in the browser within a few minutes.",
                    null, RedactedAwsError.of(failure));
        }
        if (failure instanceof InvalidClientException || failure instanceof UnauthorizedClientException) {
            return new CloudException(Problem.UNAUTHENTICATED, "FedPilot's registration with IAM Identity Center is "
                    + "no longer valid" + suffix, "Sign in to AWS again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof UnauthorizedException) {
            return new CloudException(Problem.UNAUTHENTICATED, "Your IAM Identity Center sign-in has expired ("
                    + step + ").", "Sign in to AWS again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof AccessDeniedException) {
            return new CloudException(Problem.FORBIDDEN, "IAM Identity Center refused the sign-in (" + step + ").",
                    "Check that your user may use the AWS access portal, then sign in again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof InvalidRequestRegionException) {
            return new CloudException(Problem.INVALID_INPUT, "This AWS access portal does not belong to the region "
                    + "you entered.", "Enter the region of your IAM Identity Center instance (IAM Identity Center "
                    + "console, Settings).", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof ResourceNotFoundException) {
            return new CloudException(Problem.NOT_FOUND, "IAM Identity Center found no such account or role for you ("
                    + step + ").", "Refresh the list of accounts and roles; your access may have changed.", null,
                    RedactedAwsError.of(failure));
        }
        if (failure instanceof SlowDownException || failure instanceof TooManyRequestsException) {
            return new CloudException(Problem.THROTTLED, "AWS is limiting requests (" + step + ").",
                    "Wait a minute and try again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof InternalServerException) {
            return unavailable(step, failure);
        }
        if (failure instanceof AwsServiceException service) {
            if (SIGN_IN_CODES.contains(code)) {
                return new CloudException(Problem.UNAUTHENTICATED, "Your AWS credentials are expired or not valid ("
                        + step + ").", "Sign in to AWS again.", null, RedactedAwsError.of(failure));
            }
            if (service.statusCode() == 403 || code.startsWith("AccessDenied")) {
                return new CloudException(Problem.FORBIDDEN, "AWS refused " + step + " for your AWS identity"
                        + suffix, "Ask an AWS administrator for access, then try again.", null, RedactedAwsError.of(failure));
            }
            if (service.statusCode() >= 500) {
                return unavailable(step, failure);
            }
            if (service.statusCode() == 400) {
                return new CloudException(Problem.INVALID_INPUT, "AWS rejected the request while " + step + suffix,
                        "Check the AWS access portal URL and region, then try again.", null, RedactedAwsError.of(failure));
            }
            return new CloudException(Problem.UNEXPECTED, "AWS answered with an unexpected error while " + step
                    + suffix, "Try again; if it keeps happening, see the log.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof ApiCallTimeoutException) {
            return new CloudException(Problem.UNAVAILABLE, "AWS did not answer in time while " + step + ".",
                    "Check your network connection and try again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof SdkClientException && failure.getMessage() != null
                && failure.getMessage().toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
            return new CloudException(Problem.UNAUTHENTICATED, "FedPilot could not get AWS credentials while " + step
                    + ".", "Check the profile (aws sts get-caller-identity --profile NAME shows the details) or sign "
                    + "in again.", null, RedactedAwsError.of(failure));
        }
        if (failure instanceof SdkClientException) {
            return new CloudException(Problem.UNAVAILABLE, "FedPilot could not reach AWS while " + step + ".",
                    "Check your network connection, proxy and VPN, and the region you entered.", null, RedactedAwsError.of(failure));
        }
        return new CloudException(Problem.UNEXPECTED, "Signing in to AWS failed while " + step + ".",
                "Try again; if it keeps happening, see the log.", null, RedactedAwsError.of(failure));
    }

    private static CloudException unavailable(String step, SdkException failure) {
        return new CloudException(Problem.UNAVAILABLE, "AWS failed to answer while " + step + ".",
                "Try again in a few minutes.", null, RedactedAwsError.of(failure));
    }
}
