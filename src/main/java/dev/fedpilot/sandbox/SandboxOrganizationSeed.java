package dev.fedpilot.sandbox;

import dev.fedpilot.domain.AccountAssignment;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.CustomerPolicyReference;
import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.OrganizationalUnit;
import dev.fedpilot.domain.PermissionSet;
import dev.fedpilot.domain.PermissionsBoundary;
import dev.fedpilot.domain.PrincipalType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The sandbox organization: DEMO has a dozen accounts in nested OUs and five permission sets with realistic policies
 * (DeveloperAccess edited since it was provisioned, so outdated); LARGE has 1,000 accounts, 300 permission sets,
 * about 5 provisioned per account and 30,000 assignments over the identity store's groups and users.
 */
final class SandboxOrganizationSeed {
    static final int LARGE_ACCOUNTS = 1_000;
    static final int LARGE_PERMISSION_SETS = 300;
    static final int LARGE_ASSIGNMENTS = 30_000;
    static final String MANAGEMENT_ACCOUNT = "123456789012";
    private static final String PS_PREFIX = "arn:aws:sso:::permissionSet/ssoins-72238e5c1b4d9a07/ps-";
    private static final String AWS_POLICY = "arn:aws:iam::aws:policy/";
    private static final String ROOT = "r-sb42";

    private SandboxOrganizationSeed() {
    }

    static void fill(SandboxOrganization org, IdentityStore store, SandboxScale scale, long seed) {
        if (scale == SandboxScale.LARGE) {
            large(org, store, seed);
        } else {
            demo(org, store);
        }
    }

    static void demo(SandboxOrganization org, IdentityStore store) {
        unit(org, ROOT, "Root", null);
        unit(org, "ou-sb42-security", "Security", ROOT);
        unit(org, "ou-sb42-infra", "Infrastructure", ROOT);
        unit(org, "ou-sb42-workloads", "Workloads", ROOT);
        unit(org, "ou-sb42-prod", "Production", "ou-sb42-workloads");
        unit(org, "ou-sb42-nonprod", "Non-Production", "ou-sb42-workloads");
        unit(org, "ou-sb42-staging", "Staging", "ou-sb42-nonprod");
        unit(org, "ou-sb42-dev", "Development", "ou-sb42-nonprod");
        unit(org, "ou-sb42-sandbox", "Sandbox", ROOT);
        org.addAccount(new AwsAccount(MANAGEMENT_ACCOUNT, "Contoso Management", ROOT), true);
        account(org, "111111111111", "Log Archive", "ou-sb42-security");
        account(org, "222222222222", "Audit", "ou-sb42-security");
        account(org, "333333333333", "Network", "ou-sb42-infra");
        account(org, "444444444444", "Shared Services", "ou-sb42-infra");
        account(org, "555555555555", "Payments Prod", "ou-sb42-prod");
        account(org, "666666666666", "Web Prod", "ou-sb42-prod");
        account(org, "777777777777", "Payments Staging", "ou-sb42-staging");
        account(org, "888888888888", "Payments Dev", "ou-sb42-dev");
        account(org, "999999999999", "Web Dev", "ou-sb42-dev");
        account(org, "101010101010", "Sandbox Alice", "ou-sb42-sandbox");
        account(org, "121212121212", "Sandbox Team", "ou-sb42-sandbox");
        PermissionSet admin = set(org, "0a1b2c3d4e5f6071", "AdministratorAccess", "Full access, for break-glass "
                + "administrators", "PT1H", "", List.of(AWS_POLICY + "AdministratorAccess"), List.of(), "", null);
        PermissionSet readOnly = set(org, "1b2c3d4e5f607182", "ReadOnlyAccess", "Look, do not touch", "PT8H", "",
                List.of(AWS_POLICY + "ReadOnlyAccess"), List.of(), "", null);
        PermissionSet billing = set(org, "2c3d4e5f60718293", "Billing", "Invoices, budgets and cost reports", "PT4H",
                "https://console.aws.amazon.com/billing/home", List.of(AWS_POLICY + "job-function/Billing"), List.of(),
                "", null);
        PermissionSet developer = set(org, "3d4e5f6071829304", "DeveloperAccess", "Build and run workloads; no IAM "
                + "users", "PT8H", "", List.of(AWS_POLICY + "PowerUserAccess"),
                List.of(new CustomerPolicyReference("DeveloperExtras", "/fedpilot/")),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"iam:CreateUser\","
                        + "\"iam:CreateAccessKey\"],\"Resource\":\"*\"}]}",
                PermissionsBoundary.customer(new CustomerPolicyReference("DeveloperBoundary", "/fedpilot/")));
        PermissionSet audit = set(org, "4e5f607182930415", "SecurityAudit", "Read security configuration and logs",
                "PT4H", "", List.of(AWS_POLICY + "SecurityAudit"), List.of(),
                "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"logs:Get*\","
                        + "\"logs:Describe*\",\"logs:FilterLogEvents\"],\"Resource\":\"*\"}]}", null);
        String admins = store.groupByName("AWSAdministrators").map(DirectoryGroup::id).orElseThrow();
        String billingGroup = store.groupByName("billing").map(DirectoryGroup::id).orElseThrow();
        String auditors = store.groupByName("auditors").map(DirectoryGroup::id).orElseThrow();
        String jana = store.userByName("jana.novak").map(DirectoryUser::id).orElseThrow();
        String sam = store.userByName("sam.okoro").map(DirectoryUser::id).orElseThrow();
        org.organization().accounts().forEach(a -> group(org, a.id(), admin, admins));
        group(org, MANAGEMENT_ACCOUNT, billing, billingGroup);
        group(org, "555555555555", readOnly, billingGroup);
        for (String account : List.of("111111111111", "222222222222")) {
            group(org, account, audit, auditors);
        }
        for (String account : List.of("555555555555", "666666666666")) {
            org.seedAssignment(new AccountAssignment(account, readOnly.arn(), PrincipalType.USER, jana));
        }
        for (String account : List.of("777777777777", "888888888888", "999999999999")) {
            org.seedAssignment(new AccountAssignment(account, developer.arn(), PrincipalType.USER, sam));
        }
        // changed in the console after it was provisioned: outdated in the three accounts above
        org.editPermissionSet(developer.arn(), p -> new PermissionSet(p.arn(), p.name(), p.description(),
                Duration.ofHours(4), p.relayState(), p.managedPolicyArns(), p.customerManagedPolicies(),
                p.inlinePolicy(), p.boundary()));
    }

    static void large(SandboxOrganization org, IdentityStore store, long seed) {
        Random random = new Random(seed ^ 0x0a11_ce55L);
        unit(org, ROOT, "Root", null);
        List<String> leaves = new ArrayList<>();
        for (String team : Names.TEAMS) {
            String top = "ou-sb42-" + team;
            unit(org, top, "Team " + team, ROOT);
            for (String environment : List.of("prod", "staging", "dev", "sandbox", "ops")) {
                unit(org, top + "-" + environment, environment, top);
                leaves.add(top + "-" + environment);
            }
        }
        org.addAccount(new AwsAccount(MANAGEMENT_ACCOUNT, "Management", ROOT), true);
        List<String> accounts = new ArrayList<>(List.of(MANAGEMENT_ACCOUNT));
        for (int i = 1; i < LARGE_ACCOUNTS; i++) {
            String id = String.format("%012d", 200_000_000_000L + i * 1_031L);
            String leaf = leaves.get(i % leaves.size());
            account(org, id, leaf.substring("ou-sb42-".length()) + "-" + i, leaf);
            accounts.add(id);
        }
        List<String> roles = List.of("ReadOnly", "Developer", "Operator", "Admin", "Auditor", "Billing");
        List<PermissionSet> sets = new ArrayList<>();
        for (int i = 0; i < LARGE_PERMISSION_SETS; i++) {
            String role = roles.get(i % roles.size());
            sets.add(set(org, String.format("%016x", 0x5eed_0000_0000L + i), role + "-" + i, role + " access, set " + i,
                    "PT" + (1 + i % 8) + "H", "", List.of(AWS_POLICY + (role.equals("Admin") ? "AdministratorAccess"
                            : role.equals("Billing") ? "job-function/Billing" : "ReadOnlyAccess")), List.of(),
                    i % 3 == 0 ? "{\"Version\":\"2012-10-17\",\"Statement\":[]}" : "", null));
        }
        List<DirectoryGroup> groups = store.groups(0, store.groupCount());
        List<DirectoryUser> users = store.users(0, store.userCount());
        Set<String> made = new HashSet<>();
        int perAccount = LARGE_ASSIGNMENTS / LARGE_ACCOUNTS;
        for (String account : accounts) {
            // 3 to 7 permission sets provisioned per account: 5 on average, fixed by the seed
            int count = 3 + random.nextInt(5);
            List<PermissionSet> here = new ArrayList<>();
            while (here.size() < count) {
                PermissionSet pick = sets.get(random.nextInt(sets.size()));
                if (!here.contains(pick)) {
                    here.add(pick);
                }
            }
            for (int n = 0; n < perAccount; ) {
                PermissionSet set = here.get(n < here.size() ? n : random.nextInt(here.size()));
                boolean user = random.nextInt(10) == 0;
                String principal = user ? users.get(random.nextInt(users.size())).id()
                        : groups.get(random.nextInt(groups.size())).id();
                AccountAssignment a = new AccountAssignment(account, set.arn(),
                        user ? PrincipalType.USER : PrincipalType.GROUP, principal);
                if (made.add(a.target() + "|" + principal)) {
                    org.seedAssignment(a);
                    n++;
                }
            }
        }
        for (int i = 0; i < 10; i++) {
            org.editPermissionSet(sets.get(i * 29).arn(), p -> new PermissionSet(p.arn(), p.name(),
                    p.description() + " (edited)", p.sessionDuration(), p.relayState(), p.managedPolicyArns(),
                    p.customerManagedPolicies(), p.inlinePolicy(), p.boundary()));
        }
    }

    private static void unit(SandboxOrganization org, String id, String name, String parent) {
        org.addUnit(new OrganizationalUnit(id, name, parent));
    }

    private static void account(SandboxOrganization org, String id, String name, String parent) {
        org.addAccount(new AwsAccount(id, name, parent), false);
    }

    private static void group(SandboxOrganization org, String account, PermissionSet set, String groupId) {
        org.seedAssignment(new AccountAssignment(account, set.arn(), PrincipalType.GROUP, groupId));
    }

    private static PermissionSet set(SandboxOrganization org, String id, String name, String description,
                                     String duration, String relayState, List<String> managed,
                                     List<CustomerPolicyReference> customer, String inline,
                                     PermissionsBoundary boundary) {
        PermissionSet set = new PermissionSet(PS_PREFIX + id, name, description, Duration.parse(duration), relayState,
                managed, customer, inline, boundary);
        org.addPermissionSet(set);
        return set;
    }
}
