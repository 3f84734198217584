package dev.fedpilot.testing;

import dev.fedpilot.health.HealthCheck;
import dev.fedpilot.health.HealthView;
import dev.fedpilot.health.HealthViewModel;
import dev.fedpilot.health.ProvisioningDoctor;
import dev.fedpilot.health.ScimTokenRotation;

/** The Health page over a fixture's sandbox world, as the window builds it. */
public final class HealthPage {
    private HealthPage() {
    }

    public static HealthViewModel model(SetupFixture f) {
        var w = f.world;
        return new HealthViewModel(new HealthViewModel.Services(
                new HealthCheck(HealthCheck.Side.of(w.entraTenant()), HealthCheck.Side.of(w.identityCenter()),
                        f.clock, f.messages),
                new ProvisioningDoctor(w.entraTenant(), w.identityCenter(), f.messages),
                new ScimTokenRotation(w.entraTenant(), w.scimProbe(), f.store, f.audit, f.clock),
                f.store), f.tasks, f.messages);
    }

    public static HealthView view(SetupFixture f) {
        return new HealthView(model(f), f.messages);
    }
}
