package dev.fedpilot.cli;

import dev.fedpilot.access.AccessCalls;
import dev.fedpilot.access.AccessLoader;
import dev.fedpilot.access.AssignmentBatch;
import dev.fedpilot.access.PrincipalLookup;
import dev.fedpilot.app.CliSession;
import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.IdcInstance;
import picocli.CommandLine.Model.CommandSpec;

import java.util.function.Supplier;

/**
 * What the access subcommands share: one session on the services (the sandbox or the clouds, as the other commands
 * choose them), the instance, the paced calls, and name lookups whose "not found" is bad input (exit 2).
 */
final class AccessCli implements AutoCloseable {
    final CliSession session;
    final IdcInstance instance;
    final IdentityCenter identityCenter;
    final AccessCenter access;
    final AccessCalls calls = AccessCalls.real();
    final PrincipalLookup lookup;

    private AccessCli(CliSession session, CloudOptions options) {
        this.session = session;
        try {
            CliServices.Target target = CliServices.target(session, options);
            this.instance = target.instance();
            this.identityCenter = target.aws();
            this.access = session.aws().access(instance.region() == null
                    ? session.aws().region().orElseThrow() : instance.region());
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
        this.lookup = new PrincipalLookup(identityCenter, access, calls);
    }

    static AccessCli open(CommandSpec spec, CloudOptions options) {
        return new AccessCli(CliServices.open(spec, options), options);
    }

    AccessMap loadAll() {
        return new AccessLoader(access, identityCenter, calls,
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
        session.close();
    }
}
