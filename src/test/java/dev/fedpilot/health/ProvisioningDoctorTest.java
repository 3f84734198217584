package dev.fedpilot.health;

import dev.fedpilot.domain.Finding;
import dev.fedpilot.domain.SetupState;
import dev.fedpilot.domain.SetupStep;
import dev.fedpilot.report.ReportFixture;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The doctor on the demo tenant's troublesome groups: each kind of finding, with the people it names. */
class ProvisioningDoctorTest {
    @TempDir
    Path exports;

    private List<ProvisioningDoctor.Progress> progress = new ArrayList<>();

    private Map<String, Finding> examine(String... groups) {
        ReportFixture f = new ReportFixture(exports).runThrough(SetupStep.ASSIGNMENTS, groups);
        SetupState setup = f.setup.store.load(SetupState.STORE_NAME, SetupState.class).orElseThrow();
        List<Finding> findings = new ProvisioningDoctor(f.setup.world.entraTenant(), f.setup.world.identityCenter(),
                Messages.english()).examine(setup.app(), setup.instance(), progress::add);
        return findings.stream().collect(Collectors.toMap(Finding::code, x -> x));
    }

    @Test
    void theTroublesomeGroupsShowEveryKindWithThePeople() {
        Map<String, Finding> found = examine("AWS-Pilot-Users", "AWS-Developers", "AWS-Administrators");
        assertTrue(found.get("user-missing-names").message().contains("Scanner 3rd Floor"),
                found.get("user-missing-names").message());
        assertTrue(found.get("user-multi-valued").message().contains("Lars Eriksson"));
        assertTrue(found.get("user-rejected-characters").message().contains("Nguyen; Linh (Contractor)"));
        Finding taken = found.get("user-name-taken-in-aws");
        assertTrue(taken.message().startsWith("1 person has a user name that an AWS user made outside provisioning"),
                taken.message());
        assertTrue(taken.message().contains("Megan Bowen"), taken.message());
        assertEquals(Finding.Severity.ERROR, taken.severity());
        assertTrue(found.get("nested-group").message().contains("AWS-Developers-Contractors (in AWS-Developers)"),
                found.get("nested-group").message());
        assertTrue(found.values().stream().noneMatch(x -> x.message().contains("!doctor")), "every key exists");
        assertFalse(progress.isEmpty());
        assertEquals("done", progress.get(progress.size() - 1).stage());
    }

    @Test
    void aCleanGroupHasNothingToSay() {
        assertEquals(Map.of(), examine("AWS-ReadOnly"));
    }
}
