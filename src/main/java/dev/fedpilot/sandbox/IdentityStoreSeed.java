package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Fills the identity store: a few users and groups made in AWS (DEMO), or the benchmark directory (LARGE). */
final class IdentityStoreSeed {
    static final int LARGE_USERS = 100_000;
    static final int LARGE_GROUPS = 20_000;
    static final int LARGE_MEMBERSHIPS = 500_000;
    private static final String LOCAL_MAIL = "@contoso-sandbox.example";
    private static final String LARGE_DOMAIN = "@corp.example.com";

    private IdentityStoreSeed() {
    }

    static void fill(IdentityStore store, SandboxScale scale, long seed) {
        if (scale == SandboxScale.LARGE) {
            large(store, seed);
        } else {
            demo(store);
        }
    }

    /** Users and groups created by hand in AWS before federation; one shares its userName with an Entra user. */
    static void demo(IdentityStore store) {
        DirectoryUser breakGlass = local(store, "breakglass-admin", "Break Glass", "Admin", "aws-breakglass");
        DirectoryUser jana = local(store, "jana.novak", "Jana", "Novak", "jana.novak");
        DirectoryUser sam = local(store, "sam.okoro", "Sam", "Okoro", "sam.okoro");
        DirectoryUser megan = store.createUser(EntraSeed.ADMIN_UPN, "Megan Bowen", "Megan", "Bowen",
                List.of(EntraSeed.ADMIN_UPN), List.of(), null);
        DirectoryGroup billing = store.createGroup("billing", "Invoices and cost reports (made in AWS)", null);
        for (DirectoryUser user : List.of(jana, sam, megan)) {
            store.addMember(billing.id(), user.id());
        }
        DirectoryGroup admins = store.createGroup("AWSAdministrators", "Break-glass administrators (made in AWS)",
                null);
        store.addMember(admins.id(), breakGlass.id());
        store.createGroup("auditors", "External auditors (made in AWS, no members yet)", null);
    }

    private static DirectoryUser local(IdentityStore store, String userName, String given, String family, String mail) {
        return store.createUser(userName, given + " " + family, given, family, List.of(mail + LOCAL_MAIL), List.of(),
                null);
    }

    /** 100,000 users, 20,000 groups and 500,000 memberships; a third of the users and half the groups via SCIM. */
    static void large(IdentityStore store, long seed) {
        Random random = new Random(seed);
        List<String> first = shuffled(Names.FIRST, random);
        List<String> last = shuffled(Names.LAST, random);
        int combos = first.size() * last.size();
        for (int i = 0; i < LARGE_USERS; i++) {
            // a bijection of 0..n-1 (7919 is prime to 100,000) so neighbours do not share a name pattern
            int j = (int) ((i * 7919L + 13) % LARGE_USERS);
            String given = first.get(j % first.size());
            String family = last.get((j / first.size()) % last.size());
            int round = j / combos;
            String userName = Names.mailPart(given, family) + (round == 0 ? "" : Integer.toString(round)) + LARGE_DOMAIN;
            String externalId = i % 3 == 0 ? Names.guid(random) : null;
            store.createUser(userName, given + " " + family, given, family, List.of(userName), List.of(), externalId);
        }
        int teams = Names.TEAMS.size();
        int environments = Names.ENVIRONMENTS.size();
        for (int g = 0; g < LARGE_GROUPS; g++) {
            String team = Names.TEAMS.get(g % teams);
            String environment = Names.ENVIRONMENTS.get((g / teams) % environments);
            String name = "aws-" + team + "-" + environment + "-" + (g / (teams * environments));
            store.createGroup(name, "Access to the " + team + " " + environment + " accounts",
                    g % 2 == 0 ? Names.guid(random) : null);
        }
        int[] sizes = groupSizes(random);
        int[][] members = new int[LARGE_GROUPS][];
        for (int g = 0; g < LARGE_GROUPS; g++) {
            members[g] = sample(random, sizes[g], LARGE_USERS);
        }
        store.loadMemberships(members);
    }

    /** Group sizes with a long tail (most groups small, a few with hundreds) that add up exactly. */
    private static int[] groupSizes(Random random) {
        double[] weights = new double[LARGE_GROUPS];
        double total = 0;
        for (int g = 0; g < LARGE_GROUPS; g++) {
            weights[g] = 0.2 + Math.pow(random.nextDouble(), 8) * 60;
            total += weights[g];
        }
        int[] sizes = new int[LARGE_GROUPS];
        int sum = 0;
        for (int g = 0; g < LARGE_GROUPS; g++) {
            sizes[g] = (int) (weights[g] / total * LARGE_MEMBERSHIPS);
            sum += sizes[g];
        }
        for (int g = 0; sum < LARGE_MEMBERSHIPS; g = (g + 7) % LARGE_GROUPS) {
            sizes[g]++;
            sum++;
        }
        return sizes;
    }

    /** {@code count} distinct ints below {@code bound}, ascending. */
    private static int[] sample(Random random, int count, int bound) {
        int[] out = new int[count];
        int distinct = 0;
        while (distinct < count) {
            for (int i = distinct; i < count; i++) {
                out[i] = random.nextInt(bound);
            }
            Arrays.sort(out);
            distinct = 0;
            for (int i = 0; i < count; i++) {
                if (i == 0 || out[i] != out[i - 1]) {
                    out[distinct++] = out[i];
                }
            }
            for (int i = distinct; i < count; i++) {
                out[i] = Integer.MAX_VALUE;
            }
        }
        return out;
    }

    private static List<String> shuffled(List<String> names, Random random) {
        List<String> copy = new ArrayList<>(names);
        Collections.shuffle(copy, random);
        return copy;
    }
}
