package dev.fedpilot.cli;

import dev.fedpilot.access.AccessCalls;
import dev.fedpilot.access.AccessLoader;
import dev.fedpilot.access.AssignmentBatch;
import dev.fedpilot.access.PrincipalLookup;
import dev.fedpilot.app.Services;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.IdcInstance;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Supplier;

/**
 * What the access subcommands share: one session on the services (the sandbox or the clouds, as the other commands
 * choose them), the instance, the paced calls, and name lookups whose "not found" is bad input (exit 2).
 */
final class AccessCli implements AutoCloseable {
    final Services services;
    final IdcInstance instance;
    final AccessCalls calls = AccessCalls.real();
    final PrincipalLookup lookup;

    private AccessCli(Services services) {
        this.services = services;
        try {
            this.instance = CliServices.instance(services);
        } catch (RuntimeException e) {
            CliServices.close(services);
            throw e;
        }
        this.lookup = new PrincipalLookup(services.identityCenter(), services.access(), calls);
    }

    static AccessCli open(CommandSpec spec, boolean sandbox) {
        return new AccessCli(CliServices.open(spec, sandbox));
    }

    AccessMap loadAll() {
        return new AccessLoader(services.access(), services.identityCenter(), calls,
                AssignmentBatch.DEFAULT_MAX_IN_FLIGHT).load(instance, account -> { });
    }

    /** Runs a lookup; a name that matches nothing (or several) is the user's to fix: exit 2. */
    static <T> T named(Supplier<T> lookup) {
        try {
            return lookup.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    @Override
    public void close() {
        CliServices.close(services);
    }
}
