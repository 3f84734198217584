package dev.fedpilot.setup;

import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.domain.StepStatus;
import dev.fedpilot.testing.SetupFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instance step when the region looked in has no instance (on the sandbox: moto gives every region an
 * ACTIVE instance, so "none here" cannot happen there): the user picks the region, and the setup remembers it.
 */
class InstanceRegionTest {
    @TempDir
    Path exports;

    @Test
    void noInstanceInTheRegionOffersTheRegionsAndThePickedOneIsRemembered() {
        SetupFixture fixture = new SetupFixture(exports);
        InstanceStepViewModel step = fixture.wizard().step(SetupStep.FIND_INSTANCE);
        String home = fixture.world.identityCenter().instances().get(0).region();
        String elsewhere = home.equals("ap-south-1") ? "ca-central-1" : "ap-south-1";

        step.searchRegion(elsewhere);
        assertTrue(step.regionPickProperty().get(), "regions are offered");
        assertTrue(step.regions().contains(home) && step.regions().contains("eu-central-1"));
        assertTrue(step.noteProperty().get().contains("Pick the region"), step.noteProperty().get());
        assertFalse(step.chosen());

        step.searchRegion(home);
        assertTrue(step.chosen());
        IdcInstance saved = fixture.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow().instance();
        assertEquals(home, saved.region());
    }

    @Test
    void aRestartLooksInTheSavedInstancesRegion() {
        SetupFixture fixture = new SetupFixture(exports);
        InstanceStepViewModel first = fixture.wizard().step(SetupStep.FIND_INSTANCE);
        first.run();
        assertTrue(first.chosen());

        InstanceStepViewModel again = fixture.wizard().step(SetupStep.FIND_INSTANCE);
        again.run();
        assertEquals(fixture.world.identityCenter().instances().get(0).region(), again.searchedRegionProperty().get());
        assertEquals(StepStatus.DONE, again.status());
        assertFalse(again.regionPickProperty().get());
    }
}
