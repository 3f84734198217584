package dev.fedpilot.app;

import dev.fedpilot.domain.CloudException;

/** The composition root's choice between the real clouds and the sandbox. */
public class ServicesFactory {

    /** Services for a CLI command; without --sandbox the configured clouds are required. */
    public Services forCli(boolean sandbox) {
        throw new CloudException(CloudException.Problem.UNAUTHENTICATED, "No cloud is configured.",
                "Sign in from the FedPilot window first, or pass --sandbox.");
    }
}
