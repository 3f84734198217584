package dev.fedpilot.app;

import dev.fedpilot.port.IdentityCenter;

import java.util.Optional;

/** The AWS side of one command-line run: where to call and as whom, decided as the AWS CLI decides. */
public interface CliAws extends AutoCloseable {

    /** The region the user configured (--region, AWS_REGION, AWS_DEFAULT_REGION, the profile); empty if none. */
    Optional<String> region();

    /**
     * The signed-in account (STS GetCallerIdentity), empty in a world without accounts (the sandbox). Throws a
     * {@link dev.fedpilot.domain.CloudException} (UNAUTHENTICATED) in one line when there are no usable credentials.
     */
    Optional<String> account(String region);

    /** The identity center in a region; the same object for the same region. */
    IdentityCenter in(String region);

    /** Permission sets, account assignments and the organization, seen from a region. */
    dev.fedpilot.port.AccessCenter access(String region);

    @Override
    void close();
}
