package dev.fedpilot.health;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.Secret;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.text.Messages;
import dev.fedpilot.ui.SameThreadTaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Health screen's model: the check, the doctor and the rotation as a user drives them. */
class HealthViewModelTest {
    @TempDir
    Path exports;

    private static HealthViewModel model(ReportFixture f) {
        var w = f.setup.world;
        Messages m = Messages.english();
        return new HealthViewModel(new HealthViewModel.Services(
                new HealthCheck(HealthCheck.Side.of(w.entraTenant()), HealthCheck.Side.of(w.identityCenter()),
                        f.setup.clock, m),
                new ProvisioningDoctor(w.entraTenant(), w.identityCenter(), m),
                new ScimTokenRotation(w.entraTenant(), w.scimProbe(), f.setup.store, f.setup.audit, f.setup.clock),
                f.setup.store), new SameThreadTaskRunner(), m);
    }

    @Test
    void quarantineShowsAsAnErrorAndTheRotationBringsItBack() {
        ReportFixture f = new ReportFixture(exports).complete();
        f.setup.clock.advance(Duration.ofDays(370));
        f.setup.world.runProvisioningCycle();
        HealthViewModel model = model(f);
        model.refresh();
        assertTrue(model.summaryProperty().get().contains("broken now"), model.summaryProperty().get());
        assertEquals(Finding.Severity.ERROR, model.items().get(0).severity());
        assertNull(model.rotationStageProperty().get());

        model.startRotation();
        assertEquals(ScimTokenRotation.Stage.AWAITING_TOKEN, model.rotationStageProperty().get());
        char[] typed;
        try (Secret token = f.setup.world.console().generateScimToken()) {
            typed = token.reveal().clone();
        }
        model.storeNewToken(typed);
        assertTrue(new String(typed).chars().allMatch(c -> c == 0), "the typed token is wiped");
        assertEquals(ScimTokenRotation.Stage.TOKEN_STORED, model.rotationStageProperty().get(),
                model.statusProperty().get());
        f.setup.clock.advance(Duration.ofMinutes(40));
        f.setup.world.runProvisioningCycle();
        model.checkCycle();
        assertEquals(ScimTokenRotation.Stage.CYCLE_CONFIRMED, model.rotationStageProperty().get());
        model.oldTokenDeleted();
        assertNull(model.rotationStageProperty().get());
        assertEquals("Healthy: nothing needs attention.", model.summaryProperty().get(), model.items().toString());
    }

    @Test
    void theDoctorListsWhatWillFail() {
        ReportFixture f = new ReportFixture(exports).withFindings();
        HealthViewModel model = model(f);
        model.examine();
        assertTrue(model.doctorFindings().stream().anyMatch(x -> x.code().equals("user-missing-names")),
                model.doctorFindings().toString());
        assertTrue(model.statusProperty().get().contains("found"), model.statusProperty().get());
    }
}
