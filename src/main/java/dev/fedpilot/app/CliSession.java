package dev.fedpilot.app;

import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.StateStore;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one command-line command works with: AWS as the AWS CLI would reach it, Entra when it is signed in, and
 * the saved setup progress and audit log of the mode (sandbox or real clouds).
 *
 * @param entra        empty when the command line has no Entra sign-in
 * @param entraMissing why Entra is missing, in one sentence, and what to do (empty when present)
 * @param settings     the settings folder shared by every mode (access snapshots are kept there)
 */
public record CliSession(Services.Mode mode, CliAws aws, Optional<EntraTenant> entra, String entraMissing,
                         StateStore store, StateStore settings, AuditLog audit, Clock clock,
                         AutoCloseable shutdown)
        implements AutoCloseable {

    public CliSession {
        Objects.requireNonNull(mode);
        Objects.requireNonNull(aws);
        Objects.requireNonNull(entra);
        Objects.requireNonNull(entraMissing);
        Objects.requireNonNull(store);
        Objects.requireNonNull(settings);
        Objects.requireNonNull(audit);
        Objects.requireNonNull(clock);
        Objects.requireNonNull(shutdown);
    }

    /** The sandbox's services for the command line: one world, no accounts, no regions to choose. */
    public static CliSession of(Services services) {
        return new CliSession(services.mode(), new WorldAws(services.identityCenter(), services.access()),
                Optional.of(services.entra()),
                "", services.store(), services.settings(), services.audit(), services.clock(), services.shutdown());
    }

    /** This session with Entra signed in. */
    public CliSession withEntra(EntraTenant tenant) {
        return new CliSession(mode, aws, Optional.of(tenant), "", store, settings, audit, clock, shutdown);
    }

    /** This session without Entra, and why. */
    public CliSession withoutEntra(String why) {
        return new CliSession(mode, aws, Optional.empty(), why, store, settings, audit, clock, shutdown);
    }

    @Override
    public void close() {
        aws.close();
        try {
            shutdown.close();
        } catch (Exception e) {
            LoggerFactory.getLogger(CliSession.class).warn("shutdown failed", e);
        }
    }

    /** An identity center that is the same everywhere (the sandbox): its own region, no account. */
    private record WorldAws(IdentityCenter center, dev.fedpilot.port.AccessCenter accessCenter) implements CliAws {
        @Override
        public Optional<String> region() {
            List<dev.fedpilot.domain.IdcInstance> instances = center.instances();
            return instances.isEmpty() ? Optional.empty() : Optional.of(instances.get(0).region());
        }

        @Override
        public Optional<String> account(String region) {
            return Optional.empty();
        }

        @Override
        public IdentityCenter in(String region) {
            return center;
        }

        @Override
        public dev.fedpilot.port.AccessCenter access(String region) {
            return accessCenter;
        }

        @Override
        public void close() {
        }
    }
}
