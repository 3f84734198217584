package dev.fedpilot.aws;

import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.AwsConsole;

import java.net.URI;
import java.util.Optional;

/**
 * The real AWS console: FedPilot can only open the right page there. The page shapes follow the IAM Identity
 * Center console's current URLs (settings of one instance); AWS may change them.
 */
public final class AwsConsolePages implements AwsConsole {

    @Override
    public URI page(Task task, IdcInstance instance) {
        String region = instance.region();
        String instanceId = instance.instanceArn().substring(instance.instanceArn().lastIndexOf('/') + 1);
        String base = "https://" + region + ".console.aws.amazon.com/singlesignon/home?region=" + region
                + "#/instances/" + instanceId;
        return URI.create(switch (task) {
            case DOWNLOAD_SP_METADATA, CHANGE_IDENTITY_SOURCE -> base + "/settings/identity-source";
            case ENABLE_PROVISIONING -> base + "/settings/provisioning";
        });
    }

    @Override
    public Optional<Simulated> simulated() {
        return Optional.empty();
    }
}
