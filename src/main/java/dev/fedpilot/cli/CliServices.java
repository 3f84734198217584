package dev.fedpilot.cli;

import dev.fedpilot.app.Services;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupState;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/** What the directory and membership commands share: the services and the identity store to work on. */
final class CliServices {
    private CliServices() {
    }

    static Services open(CommandSpec spec, boolean sandbox) {
        return ((FedPilotCommand) spec.root().userObject()).services(sandbox);
    }

    /** The instance the setup chose, else the only (first) one the account has. */
    static IdcInstance instance(Services services) {
        IdcInstance saved = services.store().load(SetupState.STORE_NAME, SetupState.class)
                .map(SetupState::instance).orElse(null);
        if (saved != null) {
            return saved;
        }
        List<IdcInstance> all = services.identityCenter().instances();
        if (all.isEmpty()) {
            throw new CloudException(CloudException.Problem.NOT_FOUND,
                    "No IAM Identity Center instance was found in this account.",
                    "Enable IAM Identity Center in the AWS console first.");
        }
        return all.get(0);
    }

    static void close(Services services) {
        try {
            services.shutdown().close();
        } catch (Exception e) {
            org.slf4j.LoggerFactory.getLogger(CliServices.class).warn("shutdown failed", e);
        }
    }
}
