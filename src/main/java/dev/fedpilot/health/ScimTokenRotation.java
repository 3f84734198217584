package dev.fedpilot.health;

import dev.fedpilot.domain.AuditEntry;
import dev.fedpilot.domain.CloudException;
import dev.fedpilot.domain.EnterpriseApp;
import dev.fedpilot.domain.ProvisioningJob;
import dev.fedpilot.domain.ScimCheck;
import dev.fedpilot.domain.ScimEndpoint;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The yearly SCIM token rotation, one stage at a time and saved after each, so it resumes after a restart:
 * the user generates a new token in the AWS console (AWS keeps that step to its console and at most two tokens);
 * FedPilot checks it against the endpoint, has Entra validate and store it, restarts a quarantined job (else makes
 * sure the job runs), waits for a cycle that ends after the new token was stored, and then asks the user to delete
 * the old token in the console. The token itself is never saved: a restart before it was stored asks for it again.
 * Calls the ports; run each command off the FX thread.
 */
public final class ScimTokenRotation {
    public static final String STORE_NAME = "rotation-scim-token";

    /** Where the rotation stands. */
    public enum Stage {
        /** Started: waiting for the user to generate a new token in the AWS console and give it to FedPilot. */
        AWAITING_TOKEN,
        /** Entra holds the new token; waiting for a provisioning cycle that uses it. */
        TOKEN_STORED,
        /** A cycle ended after the new token was stored, without quarantine: the user may delete the old token. */
        CYCLE_CONFIRMED,
        /** The user deleted the old token in the AWS console: the rotation is over. */
        DONE
    }

    /** The saved progress; never the token. */
    public record State(int version, Stage stage, Instant started, Instant tokenStored, Instant cycleConfirmed) {
        public static final int VERSION = 1;
    }

    private final EntraTenant entra;
    private final ScimProbe probe;
    private final StateStore store;
    private final AuditLog audit;
    private final Clock clock;

    public ScimTokenRotation(EntraTenant entra, ScimProbe probe, StateStore store, AuditLog audit, Clock clock) {
        this.entra = entra;
        this.probe = probe;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** The rotation under way, if one was started and not finished (also after a restart). */
    public Optional<State> inProgress() {
        return store.load(STORE_NAME, State.class).filter(s -> s.stage() != Stage.DONE);
    }

    /** Starts a rotation, or returns the one under way. */
    public State start() {
        return inProgress().orElseGet(() -> {
            State state = new State(State.VERSION, Stage.AWAITING_TOKEN, clock.instant(), null, null);
            store.save(STORE_NAME, state);
            record("started", AuditEntry.Outcome.INFO, "waiting for a new token from the AWS console");
            return state;
        });
    }

    /**
     * Checks the new token against the endpoint, has Entra validate and store it, restarts a quarantined job, and
     * records today as the token's date. The caller keeps ownership of {@code token}.
     */
    public State storeNewToken(ScimEndpoint endpoint, Secret token) {
        State state = require(Stage.AWAITING_TOKEN);
        SetupState setup = setup();
        EnterpriseApp app = setup.app();
        if (app == null || setup.jobId() == null) {
            throw new CloudException(CloudException.Problem.NOT_FOUND, "FedPilot has no provisioning job to rotate "
                    + "the token of.", "Finish the setup's SCIM step first.");
        }
        ScimCheck check = probe.check(endpoint, token);
        if (!check.ok()) {
            record("token checked", AuditEntry.Outcome.FAILED, check.message());
            throw new CloudException(CloudException.Problem.INVALID_INPUT, check.message(), check.fix());
        }
        entra.validateCredentials(app, setup.jobId(), endpoint, token);
        entra.saveCredentials(app, endpoint, token);
        ProvisioningJob job = entra.job(app, setup.jobId());
        if (job.status() == ProvisioningJob.Status.QUARANTINE) {
            entra.restartJob(app, setup.jobId());
            record("job restarted", AuditEntry.Outcome.OK, "the job was in quarantine");
        } else if (job.status() != ProvisioningJob.Status.ACTIVE) {
            entra.startJob(app, setup.jobId());
        }
        Instant now = clock.instant();
        store.save(SetupState.STORE_NAME, setup.withScim(endpoint.toString(), now, setup.jobId()));
        record("new token stored", AuditEntry.Outcome.OK, "endpoint " + endpoint + ", token date " + now);
        return save(new State(State.VERSION, Stage.TOKEN_STORED, state.started(), now, null));
    }

    /**
     * Looks at the job: once a cycle has ended after the new token was stored and the job is not in quarantine,
     * the new token works. Unchanged while no such cycle has run.
     */
    public State checkCycle() {
        State state = require(Stage.TOKEN_STORED);
        SetupState setup = setup();
        ProvisioningJob job = entra.job(setup.app(), setup.jobId());
        ProvisioningJob.LastExecution last = job.lastExecution();
        if (job.status() == ProvisioningJob.Status.QUARANTINE) {
            throw new CloudException(CloudException.Problem.UNAUTHENTICATED, "Provisioning is in quarantine again: "
                    + "AWS did not accept the new token.", "Generate another token in the AWS console and store it.");
        }
        if (last == null || last.ended() == null || !last.ended().isAfter(state.tokenStored())) {
            return state;
        }
        record("cycle confirmed", AuditEntry.Outcome.OK, "a cycle ended at " + last.ended() + " with the new token");
        return save(new State(State.VERSION, Stage.CYCLE_CONFIRMED, state.started(), state.tokenStored(),
                last.ended()));
    }

    /** The user says the old token is deleted in the AWS console: the rotation is over. */
    public State oldTokenDeleted() {
        State state = require(Stage.CYCLE_CONFIRMED);
        record("old token deleted", AuditEntry.Outcome.OK, "confirmed by the user");
        return save(new State(State.VERSION, Stage.DONE, state.started(), state.tokenStored(),
                state.cycleConfirmed()));
    }

    /** Gives up a rotation that was started by mistake; a stored token stays stored. */
    public void abandon() {
        inProgress().ifPresent(s -> {
            store.delete(STORE_NAME);
            record("abandoned", AuditEntry.Outcome.INFO, "at stage " + s.stage());
        });
    }

    private State require(Stage expected) {
        State state = inProgress().orElseThrow(() -> new IllegalStateException("No SCIM token rotation is under way."));
        if (state.stage() != expected) {
            throw new IllegalStateException("The rotation is at " + state.stage() + ", not " + expected + ".");
        }
        return state;
    }

    private SetupState setup() {
        return store.load(SetupState.STORE_NAME, SetupState.class).orElse(SetupState.empty());
    }

    private State save(State state) {
        store.save(STORE_NAME, state);
        return state;
    }

    private void record(String action, AuditEntry.Outcome outcome, String detail) {
        audit.record(new AuditEntry(clock.instant(), "health.rotation.scim-token", action, outcome, detail));
    }
}
