package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.GroupMember;
import dev.fedpilot.domain.PrincipalType;
import dev.fedpilot.domain.TenantInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SandboxSeedTest {
    private final SandboxFixture sandbox = new SandboxFixture();

    @Test
    void tenantHasAboutTwoHundredFiftyUsersAndFortyGroups() {
        TenantInfo tenant = sandbox.entra.tenant();
        assertEquals("contoso-sandbox.onmicrosoft.com", tenant.primaryDomain());
        assertTrue(tenant.tenantId().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        List<DirectoryUser> users = sandbox.allEntraUsers();
        assertEquals(250, users.size());
        assertEquals(250, users.stream().map(DirectoryUser::userName).distinct().count(), "UPNs are unique");
        assertTrue(users.stream().allMatch(u -> u.userName().endsWith("@contoso-sandbox.onmicrosoft.com")));
        assertEquals(40, groups().size());
    }

    @Test
    void tenantHasPeopleWhoseNamesAreInOtherScriptsWithAsciiSignInNames() {
        List<DirectoryUser> users = sandbox.allEntraUsers();
        List<String> names = users.stream().map(DirectoryUser::displayName).toList();
        assertTrue(names.contains("李雷"), "a Chinese name");
        assertTrue(names.contains("محمد حداد"), "an Arabic name");
        assertTrue(names.stream().anyMatch(n -> n.contains("Łukasz") || n.contains("Żółć")), "Polish letters");
        assertTrue(names.stream().anyMatch(n -> n.contains("Zoë") || n.contains("O'Brien")), "a diaeresis or an apostrophe");
        assertTrue(users.stream().allMatch(u -> u.userName().matches("[a-z0-9.\\-]+@[a-z0-9.\\-]+")),
                "sign-in names stay ASCII: " + users.stream().map(DirectoryUser::userName).filter(n -> !n.matches("[ -~]+")).toList());
        assertTrue(users.stream().anyMatch(u -> u.userName().startsWith("li.lei@")));
    }

    @Test
    void tenantHasTheUsersProvisioningTripsOver() {
        List<DirectoryUser> users = sandbox.allEntraUsers();
        assertTrue(users.stream().filter(u -> u.givenName() == null || u.familyName() == null).count() >= 3,
                "several users without first or last name");
        assertTrue(users.stream().filter(u -> u.phones().size() == 2).count() >= 2, "users with two phones");
        assertTrue(users.stream().filter(u -> u.emails().size() == 2).count() >= 2, "users with two emails");
        assertTrue(users.stream().anyMatch(u -> u.displayName().contains(";")), "a display name with ';'");
    }

    @Test
    void oneGroupIsNestedInAnotherAndSizesVary() {
        List<DirectoryGroup> groups = groups();
        List<String> nesting = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (DirectoryGroup group : groups) {
            List<GroupMember> members = new ArrayList<>();
            sandbox.entra.listGroupMembers(group.id(), members::addAll);
            sizes.add(members.size());
            if (members.stream().anyMatch(m -> m.type() == PrincipalType.GROUP)) {
                nesting.add(group.displayName());
            }
        }
        assertEquals(List.of("AWS-Developers"), nesting);
        assertTrue(sizes.stream().anyMatch(s -> s >= 30), "one group with about 30 members");
        assertTrue(sizes.stream().filter(s -> s > 5).count() >= 5, "several groups above the on-demand limit");
        assertTrue(sizes.stream().anyMatch(s -> s > 0 && s <= 5), "groups small enough for provision on demand");
    }

    @Test
    void sameSeedGivesTheSameTenantAndAnotherSeedAnother() {
        List<DirectoryUser> again = new SandboxFixture().allEntraUsers();
        assertEquals(sandbox.allEntraUsers(), again);
        List<DirectoryUser> other = new SandboxFixture(SandboxOptions.defaults().withSeed(7)).allEntraUsers();
        assertNotEquals(sandbox.allEntraUsers(), other);
        assertEquals(250, other.size());
        assertTrue(other.stream().anyMatch(u -> u.displayName().contains(";")), "special cases exist for any seed");
    }

    @Test
    void identityStoreHasLocalUsersAndGroupsBeforeProvisioning() {
        List<DirectoryUser> users = sandbox.awsUsers();
        assertFalse(users.isEmpty());
        assertTrue(users.stream().allMatch(u -> u.externalId() == null), "made in AWS, not by SCIM");
        DirectoryGroup billing = sandbox.idc.findGroupByName(sandbox.instance, "billing").orElseThrow();
        assertFalse(billing.scimManaged());
        assertEquals(3, sandbox.awsMembers(billing.id()).size());
        assertTrue(sandbox.idc.findUserByName(sandbox.instance, "breakglass-admin").isPresent());
        assertNull(sandbox.idc.findUserByName(sandbox.instance, "breakglass-admin").orElseThrow().externalId());
        assertEquals("sandbox", sandbox.idc.callerIdentity());
        assertTrue(sandbox.instance.instanceArn().startsWith("arn:aws:sso:::instance/ssoins-"));
        assertTrue(sandbox.instance.identityStoreId().matches("d-9067[0-9a-f]{6}"));
        assertEquals("us-east-1", sandbox.instance.region());
    }

    private List<DirectoryGroup> groups() {
        List<DirectoryGroup> groups = new ArrayList<>();
        sandbox.entra.listGroups(groups::addAll);
        return groups;
    }
}
