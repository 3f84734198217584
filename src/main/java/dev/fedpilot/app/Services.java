package dev.fedpilot.app;

import dev.fedpilot.port.EntraTenant;
import dev.fedpilot.port.IdentityCenter;
import dev.fedpilot.port.ScimProbe;
import dev.fedpilot.port.StateStore;

import java.time.Clock;

/** Everything the features need, wired once by {@link ServicesFactory}. */
public record Services(Mode mode, EntraTenant entra, IdentityCenter identityCenter, ScimProbe scimProbe,
                       StateStore store, Clock clock) {

    public enum Mode { SANDBOX, CLOUD }
}
