package dev.fedpilot.aws.signin;

import java.net.URI;

/**
 * What the sign-in shows the user while it waits. Called on the signing-in thread; implementations hop to the UI
 * thread themselves. Nothing passed here is a secret.
 */
public interface SignInListener {

    /** The IAM Identity Center page FedPilot opened; show it as a link in case no browser window appeared. */
    default void authorizationPage(URI page) {
    }

    /** Device code flow: the user enters {@code authorization.userCode()} at {@code verificationUri()}. */
    default void deviceCode(DeviceAuthorization authorization) {
    }

    static SignInListener none() {
        return new SignInListener() {
        };
    }
}
