package dev.fedpilot.aws;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.identitystore.IdentitystoreClient;
import software.amazon.awssdk.services.ssoadmin.SsoAdminClient;
import software.amazon.awssdk.services.sts.StsClient;

import java.util.Objects;

/** The SDK clients one signed-in AWS session uses, all for the same region and credentials. */
public record AwsClients(Region region, SsoAdminClient ssoAdmin, IdentitystoreClient identityStore, StsClient sts)
        implements AutoCloseable {

    public AwsClients {
        Objects.requireNonNull(region);
        Objects.requireNonNull(ssoAdmin);
        Objects.requireNonNull(identityStore);
        Objects.requireNonNull(sts);
    }

    @Override
    public void close() {
        ssoAdmin.close();
        identityStore.close();
        sts.close();
    }
}
