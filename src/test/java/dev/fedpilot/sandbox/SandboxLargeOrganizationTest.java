package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.domain.Organization;
import dev.fedpilot.port.AccessCenter;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The LARGE organization has the shape the access benchmark's floor is computed from, and the same every time. */
class SandboxLargeOrganizationTest {

    @Test
    void aThousandAccountsThreeHundredSetsThirtyThousandAssignmentsAboutFiveSetsPerAccount() {
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withScale(SandboxScale.LARGE),
                Clock.systemUTC());
        SandboxAccess sandbox = world.access();
        sandbox.setSsoAdminRate(1_000_000);
        AccessCenter access = sandbox.accessCenter();
        IdcInstance instance = world.identityCenter().instances().get(0);
        Organization org = access.organization();
        List<String> arns = new ArrayList<>();
        access.listPermissionSets(instance, arns::addAll);
        long provisioned = 0;
        for (AwsAccount account : org.accounts()) {
            provisioned += access.permissionSetsProvisionedTo(instance, account.id()).size();
        }

        assertEquals(1_000, org.accounts().size());
        assertEquals(300, arns.size());
        assertEquals(30_000, sandbox.organization().assignmentCount());
        double perAccount = provisioned / 1_000.0;
        assertTrue(perAccount > 4.8 && perAccount < 5.2, "about 5 provisioned per account: " + perAccount);
        assertTrue(org.accounts().stream().allMatch(a -> org.path(a.id()).startsWith("Root")));
        assertEquals(provisioned, provisionedAgain(), "the seed fixes the shape");
    }

    private static long provisionedAgain() {
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withScale(SandboxScale.LARGE),
                Clock.systemUTC());
        world.access().setSsoAdminRate(1_000_000);
        AccessCenter access = world.access().accessCenter();
        IdcInstance instance = world.identityCenter().instances().get(0);
        return access.organization().accounts().stream()
                .mapToLong(a -> access.permissionSetsProvisionedTo(instance, a.id()).size()).sum();
    }
}
