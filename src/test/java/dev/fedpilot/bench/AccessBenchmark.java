package dev.fedpilot.bench;

import dev.fedpilot.access.AccessCalls;
import dev.fedpilot.access.AccessLoader;
import dev.fedpilot.domain.AccessMap;
import dev.fedpilot.domain.AwsAccount;
import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.domain.IdcInstance;
import dev.fedpilot.port.AccessCenter;
import dev.fedpilot.sandbox.SandboxAccess;
import dev.fedpilot.sandbox.SandboxOptions;
import dev.fedpilot.sandbox.SandboxScale;
import dev.fedpilot.sandbox.SandboxWorld;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Speed of the granted-access map on the LARGE sandbox (1,000 accounts, 300 permission sets, 30,000 assignments,
 * about 5 permission sets provisioned per account) at the sandbox's sso-admin rate of 20 requests per second:
 * the whole map against the floor (accounts + Σ provisioned sets + extra pages, ÷ the rate), the first account's
 * grants, "who can reach what" for one user, refreshing one account, and the heap. Writes
 * target/benchmarks/access.md. A program, not a test: run it as BENCHMARKS.md says.
 */
public final class AccessBenchmark {
    private static final int RATE = SandboxAccess.DEFAULT_SSO_ADMIN_RATE;
    private static final int PAGE = 100;

    private AccessBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long built = System.nanoTime();
        SandboxWorld world = new SandboxWorld(SandboxOptions.defaults().withScale(SandboxScale.LARGE),
                Clock.systemUTC());
        SandboxAccess sandbox = world.access();
        AccessCenter access = sandbox.accessCenter();
        IdcInstance instance = world.identityCenter().instances().get(0);
        double buildSeconds = (System.nanoTime() - built) / 1e9;

        // the floor, counted from the sandbox's own state before the clock starts (not through the rate limit)
        List<String> arns = new ArrayList<>();
        sandbox.setSsoAdminRate(1_000_000);
        access.listPermissionSets(instance, arns::addAll);
        List<AwsAccount> accounts = access.organization().accounts();
        long provisioned = 0;
        long extraPages = (arns.size() - 1) / PAGE;
        for (AwsAccount account : accounts) {
            List<String> sets = access.permissionSetsProvisionedTo(instance, account.id());
            provisioned += sets.size();
            for (String arn : sets) {
                int[] count = {0};
                access.listAssignments(instance, account.id(), arn, page -> count[0] += page.size());
                extraPages += Math.max(0, (count[0] - 1) / PAGE);
            }
        }
        long floorCalls = accounts.size() + provisioned + extraPages;
        double floor = (double) floorCalls / RATE;
        double everyPair = (double) accounts.size() * arns.size() / RATE;
        // a new rate starts a full bucket: the walk above is not charged to the measured load
        sandbox.setSsoAdminRate(RATE);
        sandbox.setOrganizationsRate(SandboxAccess.DEFAULT_ORGANIZATIONS_RATE);
        long ssoBefore = sandbox.ssoAdminRequests();
        long orgBefore = sandbox.organizationsRequests();
        long throttledBefore = sandbox.ssoAdminThrottled();

        AccessCalls calls = AccessCalls.real();
        AccessLoader loader = new AccessLoader(access, world.identityCenter(), calls, 10);
        AtomicLong firstAccount = new AtomicLong();
        long start = System.nanoTime();
        AccessMap map = loader.load(instance, a -> firstAccount.compareAndSet(0, System.nanoTime() - start));
        double full = (System.nanoTime() - start) / 1e9;
        long ssoCalls = sandbox.ssoAdminRequests() - ssoBefore;
        long orgCalls = sandbox.organizationsRequests() - orgBefore;
        long throttled = sandbox.ssoAdminThrottled() - throttledBefore;

        List<String> userIds = new ArrayList<>();
        world.identityCenter().listUsers(instance, page -> page.stream().limit(2).map(DirectoryUser::id)
                .forEach(userIds::add));
        double worstWho = 0;
        int grants = 0;
        for (String userId : userIds.subList(0, Math.min(200, userIds.size()))) {
            long t = System.nanoTime();
            grants += map.whoCanReachWhat(userId).size();
            worstWho = Math.max(worstWho, (System.nanoTime() - t) / 1e6);
        }
        long r = System.nanoTime();
        int refreshed = loader.assignmentsOf(instance, accounts.get(accounts.size() / 2).id()).size();
        double refresh = (System.nanoTime() - r) / 1e9;
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);

        String report = String.format(Locale.ROOT, """
                Run on %s, Java %s, %d CPUs, max heap %d MB; building the LARGE sandbox (identity store and \
                organization) took %.1f s.

                Sandbox LARGE: %d accounts, %d permission sets, %d assignments, %d permission sets provisioned \
                (%.2f per account), %d extra pages; sso-admin rate %d requests/s.
                Floor = (%d accounts + %d provisioned + %d extra pages) / %d per s = %.1f s. Listing every account × \
                permission set pair instead would take %d × %d / %d = %.0f s (%.1f h) at the same rate.

                | Measure | Target | Measured | |
                |---|---|---|---|
                | Complete granted-access map | ≤ 1.2 × floor = %.1f s | %.1f s = %.3f × floor | %s |
                | First account's grants (loader callback, no screen) | ≤ 1 s | %.3f s | %s |
                | "Who can reach what" for one user, map loaded (worst of %d users) | ≤ 50 ms | %.3f ms | %s |
                | Refreshing one account (%d assignments) | ≤ 2 s | %.3f s | %s |
                | Heap after GC, sandbox world + map (CLI process, no window) | ≤ 768 MB | %d MB | %s |

                sso-admin requests during the load: %d (%.3f × the floor's count; beyond it: one DescribePermissionSet \
                and one outdated query per permission set), of which %d answered ThrottlingException and were retried. \
                Organizations requests: %d (the sandbox charges them to its own bucket of %d/s but answers the tree \
                in one go; at that rate AWS would need about %.0f s more before the first account). Identity store: users, groups and the \
                members of every assigned group, read beside sso-admin at no simulated rate. %d grants found for the \
                sampled users.
                """, System.getProperty("os.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024),
                buildSeconds, accounts.size(), arns.size(), map.assignments().size(), provisioned,
                (double) provisioned / accounts.size(), extraPages, RATE, accounts.size(), provisioned, extraPages, RATE,
                floor, accounts.size(), arns.size(), RATE, everyPair, everyPair / 3600, 1.2 * floor, full, full / floor,
                full <= 1.2 * floor ? "met" : "NOT met", firstAccount.get() / 1e9,
                firstAccount.get() / 1e9 <= 1 ? "met" : "NOT met", Math.min(200, userIds.size()), worstWho,
                worstWho <= 50 ? "met" : "NOT met", refreshed, refresh, refresh <= 2 ? "met" : "NOT met", heap,
                heap <= 768 ? "met" : "NOT met", ssoCalls, (double) ssoCalls / floorCalls, throttled, orgCalls,
                SandboxAccess.DEFAULT_ORGANIZATIONS_RATE,
                (double) orgCalls / SandboxAccess.DEFAULT_ORGANIZATIONS_RATE, grants);
        System.out.println(report);
        Path out = Path.of(args.length > 0 ? args[0] : "target/benchmarks/access.md");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
    }
}
