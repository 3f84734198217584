package dev.fedpilot.app;

import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.port.AuditLog;
import dev.fedpilot.port.AwsConsole;
import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.StateStore;

import java.time.Clock;

/**
 * Everything the features need, wired once by {@link ServicesFactory}.
 *
 * @param store    setup progress and pending changes for this mode (the sandbox keeps its own)
 * @param settings window placement and preferences, shared by all modes
 * @param audit    the local record of what FedPilot changed, for the report
 * @param shutdown stops background work the services started (the sandbox's provisioning scheduler)
 * @param access   permission sets, account assignments and the organization; {@link NoAccessCenter} where not wired
 */
public record Services(Mode mode, EntraTenant entra, IdentityCenter identityCenter, ScimProbe scimProbe,
                       AwsConsole console,
                       StateStore store, StateStore settings, AuditLog audit, Clock clock, AutoCloseable shutdown,
                       AccessCenter access) {

    /** Services without the access side (it refuses every call with a message saying so). */
    public Services(Mode mode, EntraTenant entra, IdentityCenter identityCenter, ScimProbe scimProbe, AwsConsole console,
                    StateStore store, StateStore settings, AuditLog audit, Clock clock, AutoCloseable shutdown) {
        this(mode, entra, identityCenter, scimProbe, console, store, settings, audit, clock, shutdown,
                new NoAccessCenter());
    }

    public enum Mode { SANDBOX, CLOUD }

    public boolean sandbox() {
        return mode == Mode.SANDBOX;
    }
}
