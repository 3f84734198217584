package dev.fedpilot.aws.signin;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * What the user needs for the device code flow. The user code is meant to be shown; the device code itself
 * stays inside the flow.
 */
public record DeviceAuthorization(String userCode, URI verificationUri, URI verificationUriComplete,
                                  Instant expiresAt) {

    public DeviceAuthorization {
        Objects.requireNonNull(userCode);
        Objects.requireNonNull(verificationUri);
        Objects.requireNonNull(expiresAt);
    }
}
