package dev.fedpilot.aws;

import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.CloudException.Problem;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.identitystore.model.AccessDeniedExceptionReason;
import software.amazon.awssdk.services.identitystore.model.InternalServerException;
import software.amazon.awssdk.services.identitystore.model.ResourceNotFoundException;
import software.amazon.awssdk.services.identitystore.model.ThrottlingException;

import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;

/**
 * Turns SDK failures into {@link CloudException}s a user can act on. Messages name the refused action (an IAM
 * action such as {@code identitystore:ListUsers}) and never echo request headers or credentials. Public so the
 * sign-in package uses the same cancellation check and error-code reading.
 */
public final class AwsErrors {

    private static final Set<String> SIGN_IN_CODES = Set.of("ExpiredToken", "ExpiredTokenException",
            "RequestExpired", "UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
            "SignatureDoesNotMatch", "IncompleteSignature", "MissingAuthenticationToken",
            "MissingAuthenticationTokenException", "UnauthorizedException");
    private static final Set<String> ACCESS_DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException");
    private static final Set<String> THROTTLING_CODES = Set.of("ThrottlingException", "Throttling",
            "TooManyRequestsException", "RequestLimitExceeded");

    private AwsErrors() {
    }

    static boolean isThrottling(SdkException failure) {
        if (failure instanceof SdkServiceException service) {
            return service.isThrottlingException() || THROTTLING_CODES.contains(errorCode(failure));
        }
        return false;
    }

    /** The wait AWS asked for: identitystore's RetryAfterSeconds member, else a Retry-After header. */
    static Optional<Duration> retryAfter(SdkException failure) {
        Integer seconds = null;
        if (failure instanceof ThrottlingException throttling) {
            seconds = throttling.retryAfterSeconds();
        } else if (failure instanceof InternalServerException internal) {
            seconds = internal.retryAfterSeconds();
        }
        if (seconds == null && failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().sdkHttpResponse() != null) {
            seconds = aws.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Retry-After")
                    .map(AwsErrors::parseSeconds).orElse(null);
        }
        return seconds == null || seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    }

    /** Whether the call failed because the calling thread was interrupted or the call aborted, not because of AWS. */
    public static boolean isCancellation(SdkException failure) {
        if (failure instanceof AbortedException) {
            return true;
        }
        for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException
                    || (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException))) {
                return true;
            }
        }
        return false;
    }

    /** Keeps the interrupt visible to the caller and says which call it stopped. */
    public static CancellationException cancelled(String action) {
        Thread.currentThread().interrupt();
        return new CancellationException("Cancelled during " + action);
    }

    static CloudException throttled(String action, int attempts, Duration lastWait, SdkException cause) {
        return new CloudException(Problem.THROTTLED,
                "AWS is limiting requests (" + action + ") and still refused after " + attempts + " attempts.",
                "Wait a minute and try again; fewer parallel changes help.", lastWait, cause);
    }

    static CloudException toCloudException(String action, SdkException failure) {
        if (failure instanceof SdkServiceException) {
            return fromService(action, failure);
        }
        if (isSignInProblem(failure)) {
            return signIn(action, failure);
        }
        if (failure instanceof ApiCallTimeoutException) {
            return new CloudException(Problem.UNAVAILABLE, "AWS did not answer " + action + " in time.",
                    "Check your network connection and try again.", null, failure);
        }
        if (failure instanceof SdkClientException) {
            return new CloudException(Problem.UNAVAILABLE, "FedPilot could not reach AWS (" + action + ").",
                    "Check your network connection, proxy and VPN, then try again.", null, failure);
        }
        return unexpected(action, failure);
    }

    private static CloudException fromService(String action, SdkException failure) {
        String code = errorCode(failure);
        int status = ((SdkServiceException) failure).statusCode();
        if (ACCESS_DENIED_CODES.contains(code) || status == 403 && !SIGN_IN_CODES.contains(code)) {
            return forbidden(action, failure);
        }
        if (SIGN_IN_CODES.contains(code)) {
            return signIn(action, failure);
        }
        if (failure instanceof ResourceNotFoundException notFound) {
            return new CloudException(Problem.NOT_FOUND, "AWS found no " + resourceName(notFound)
                    + " for " + action + ".", "Refresh the list; the object may have been deleted.", null, failure);
        }
        if (code.endsWith("NotFoundException")) {
            return new CloudException(Problem.NOT_FOUND, "AWS found nothing for " + action + ".",
                    "Refresh the list; the object may have been deleted.", null, failure);
        }
        if (isThrottling(failure)) {
            return throttled(action, 1, retryAfter(failure).orElse(null), failure);
        }
        if ("ValidationException".equals(code)) {
            return new CloudException(Problem.INVALID_INPUT, "AWS rejected " + action + ": " + awsMessage(failure),
                    "Correct the value and try again.", null, failure);
        }
        if ("ConflictException".equals(code)) {
            return new CloudException(Problem.CONFLICT, "AWS reported a conflict for " + action + ": "
                    + awsMessage(failure), "Refresh and try again.", null, failure);
        }
        if (status >= 500) {
            return new CloudException(Problem.UNAVAILABLE, "AWS failed to answer " + action + " (HTTP " + status + ").",
                    "Try again in a few minutes.", null, failure);
        }
        return unexpected(action, failure);
    }

    private static CloudException forbidden(String action, SdkException failure) {
        if (failure instanceof software.amazon.awssdk.services.identitystore.model.AccessDeniedException denied
                && denied.reason() == AccessDeniedExceptionReason.KMS_ACCESS_DENIED) {
            return new CloudException(Problem.FORBIDDEN, "AWS refused " + action
                    + ": the identity store's KMS key does not allow your AWS identity to use it.",
                    "Ask an AWS administrator to allow kms:Decrypt on the identity store's key for your role.",
                    null, failure);
        }
        return new CloudException(Problem.FORBIDDEN, "AWS refused " + action + " for your AWS identity.",
                "Ask an AWS administrator to allow " + action + " for your role or permission set, then try again.",
                null, failure);
    }

    private static CloudException signIn(String action, SdkException failure) {
        return new CloudException(Problem.UNAUTHENTICATED, "Your AWS sign-in has expired or is not valid ("
                + action + ").", "Sign in to AWS again.", null, failure);
    }

    private static CloudException unexpected(String action, SdkException failure) {
        String code = errorCode(failure);
        return new CloudException(Problem.UNEXPECTED, "AWS answered " + action + " with an unexpected error"
                + (code.isEmpty() ? "." : " (" + code + ")."), "Try again; if it keeps happening, see the log.",
                null, failure);
    }

    private static boolean isSignInProblem(SdkException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String type = t.getClass().getName();
            if (type.endsWith("sso.auth.ExpiredTokenException") || type.endsWith("ssooidc.model.ExpiredTokenException")
                    || type.endsWith("sso.model.UnauthorizedException")) {
                return true;
            }
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            if (message.contains("unable to load credentials") || message.contains("unable to load an sso token")
                    || message.contains("token has expired")
                    || message.contains("session associated with this profile")) {
                return true;
            }
        }
        return false;
    }

    private static String resourceName(ResourceNotFoundException notFound) {
        if (notFound.resourceType() == null) {
            return "object";
        }
        return switch (notFound.resourceType()) {
            case USER -> "user";
            case GROUP -> "group";
            case GROUP_MEMBERSHIP -> "group membership";
            case IDENTITY_STORE -> "identity store";
            default -> "object";
        };
    }

    /** AWS's error code, such as {@code AccessDeniedException}; empty when the answer had none. */
    public static String errorCode(SdkException failure) {
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorCode() != null) {
            return aws.awsErrorDetails().errorCode();
        }
        return "";
    }

    private static String awsMessage(SdkException failure) {
        if (failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                && aws.awsErrorDetails().errorMessage() != null) {
            return aws.awsErrorDetails().errorMessage();
        }
        return "no details";
    }

    private static Integer parseSeconds(String header) {
        try {
            return Integer.valueOf(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
