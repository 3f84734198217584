package dev.fedpilot.cli;

import dev.fedpilot.app.CliSession;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.InstanceChoice;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.IdentityCenter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** What the cloud commands share: the clouds of this run and the identity store to work on. */
final class CliServices {
    private static final Logger LOG = LoggerFactory.getLogger(CliServices.class);

    private CliServices() {
    }

    /** The identity store a command works on, and the identity center of its region. */
    record Target(IdentityCenter aws, IdcInstance instance) {
    }

    static CliSession open(CommandSpec spec, CloudOptions options) {
        return ((FedPilotCommand) spec.root().userObject()).session(options);
    }

    /**
     * The instance the saved setup chose when the signed-in account owns it; else the account's only instance in
     * the configured region (or --instance among several). Several without --instance, or an --instance that is
     * not there, is bad usage (exit 2) and lists what was found.
     */
    static Target target(CliSession session, CloudOptions options) {
        Optional<String> requested = Optional.ofNullable(options.instance).map(String::strip).filter(s -> !s.isEmpty());
        IdcInstance saved = session.store().load(SetupState.STORE_NAME, SetupState.class)
                .map(SetupState::instance).orElse(null);
        Optional<String> configured = session.aws().region();
        String region = configured.or(() -> Optional.ofNullable(saved).map(IdcInstance::region))
                .orElseThrow(() -> new CloudException(CloudException.Problem.INVALID_INPUT,
                        "AWS: no region is configured.", "Pass --region REGION (the region of IAM Identity Center), "
                        + "or set AWS_REGION or a region in your AWS profile."));
        // the account only decides whether the saved instance applies: without one, save the STS round trip
        Optional<String> account = saved == null ? Optional.empty() : session.aws().account(region);
        if (InstanceChoice.useSaved(saved, account, requested)) {
            String home = saved.region() == null ? region : saved.region();
            LOG.info("Using the saved setup's instance {} in {}", saved.instanceArn(), home);
            return new Target(session.aws().in(home), saved.region() == null ? saved.inRegion(home) : saved);
        }
        IdentityCenter aws = session.aws().in(region);
        String where = account.map(a -> "account " + a + " in ").orElse("") + region;
        InstanceChoice.Outcome outcome = InstanceChoice.choose(aws.instances(), requested);
        if (outcome instanceof InstanceChoice.Chosen chosen) {
            return new Target(aws, chosen.instance());
        }
        if (outcome instanceof InstanceChoice.Several several) {
            throw new UsageException(several.instances().size() + " IAM Identity Center instances in " + where + ": "
                    + describe(several.instances()) + ". Pick one with --instance ARN.");
        }
        if (outcome instanceof InstanceChoice.NoSuchInstance none) {
            throw new UsageException("No IAM Identity Center instance " + none.instanceArn() + " in " + where
                    + (none.instances().isEmpty() ? "." : "; found: " + describe(none.instances()) + "."));
        }
        if (outcome instanceof InstanceChoice.NotActive inactive) {
            throw new CloudException(CloudException.Problem.NOT_YET_AVAILABLE, "The IAM Identity Center instance "
                    + inactive.instance().instanceArn() + " in " + where + " is " + inactive.instance().status()
                    + ", not ACTIVE.", "Wait until it is active, or pass --instance with another instance.");
        }
        throw new CloudException(CloudException.Problem.NOT_FOUND, "No IAM Identity Center instance in " + where
                + ".", "Pass --region with the region where IAM Identity Center is enabled (its console shows it), "
                + "or enable it there first.");
    }

    /**
     * The identity center a report reads: in the saved instance's region (else the configured one), with the
     * credentials checked, so that a missing sign-in becomes the report's finding and not a failed call per read.
     */
    static IdentityCenter reportTarget(CliSession session) {
        Optional<String> saved = session.store().load(SetupState.STORE_NAME, SetupState.class)
                .map(SetupState::instance).map(IdcInstance::region);
        String region = saved.or(() -> session.aws().region()).orElseThrow(() -> new CloudException(
                CloudException.Problem.INVALID_INPUT, "AWS: no region is configured.",
                "Pass --region REGION, or set AWS_REGION or a region in your AWS profile."));
        session.aws().account(region);
        return session.aws().in(region);
    }

    private static String describe(List<IdcInstance> instances) {
        return instances.stream().map(i -> i.instanceArn() + " (" + i.identityStoreId()
                        + (i.name() == null || i.name().isBlank() ? "" : ", " + i.name())
                        + (i.active() ? "" : ", " + i.status()) + ")")
                .collect(Collectors.joining(", "));
    }
}
