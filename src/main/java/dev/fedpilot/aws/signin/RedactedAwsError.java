package dev.fedpilot.aws.signin;

import dev.fedpilot.aws.AwsErrors;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Stands in for an AWS service error as the cause of a {@link dev.fedpilot.domain.CloudException}: the error
 * code, HTTP status and request id for the log, without AWS's free text, which may echo what was sent.
 */
final class RedactedAwsError extends RuntimeException {

    private RedactedAwsError(String message, StackTraceElement[] trace) {
        super(message, null, false, true);
        setStackTrace(trace);
    }

    /** Service errors are redacted; client errors (network, timeouts) carry no AWS text and stay as they are. */
    static Throwable of(SdkException failure) {
        if (!(failure instanceof SdkServiceException service)) {
            return failure;
        }
        String code = AwsErrors.errorCode(failure);
        String service0 = failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
                ? aws.awsErrorDetails().serviceName() : null;
        return new RedactedAwsError(failure.getClass().getName() + ": " + (service0 == null ? "" : service0 + " ")
                + (code.isEmpty() ? "error" : code) + " (HTTP " + service.statusCode() + ", request id "
                + service.requestId() + ")", failure.getStackTrace());
    }
}
