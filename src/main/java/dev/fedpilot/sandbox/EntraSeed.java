package dev.fedpilot.sandbox;

import dev.fedpilot.domain.DirectoryGroup;
import dev.fedpilot.domain.DirectoryUser;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Seeds the demo Entra tenant: about 250 users and 40 groups, with the cases that trip provisioning up
 * (missing names, two phones or emails, a ';' in a display name, a nested group).
 */
final class EntraSeed {
    static final String TENANT_ID = "3c5e8a71-9d24-4f6b-a1e0-5b7c2d9f8e46";
    static final String DOMAIN = "contoso-sandbox.onmicrosoft.com";
    static final String ADMIN_UPN = "megan.bowen@" + DOMAIN;
    static final int USER_COUNT = 250;
    /** The group that holds the users AWS refuses, so a demo shows the failures. */
    static final String PILOT_GROUP = "AWS-Pilot-Users";
    static final String NESTING_GROUP = "AWS-Developers";
    static final String NESTED_GROUP = "AWS-Developers-Contractors";
    static final String LARGEST_GROUP = "Engineering";

    private static final List<String> OTHER_GROUPS = List.of("Finance", "Human Resources", "Sales EMEA",
            "Sales Americas", "Marketing", "Legal", "Customer Success", "IT Operations", "Helpdesk",
            "Product Management", "Design", "Data Science", "Quality Assurance", "Platform Team", "SRE On-Call",
            "Mobile Team", "Web Team", "Executives", "Interns 2026", "Contractors", "Facilities", "Procurement",
            "Compliance", "Security Champions", "Architecture Board", "Release Managers", "Project Phoenix",
            "Project Atlas", "All Staff Berlin", "All Staff Seattle", "Works Council");

    private final Random random;
    private final EntraDirectory directory = new EntraDirectory();
    private final Set<String> localParts = new HashSet<>();
    private final List<String> regular = new ArrayList<>();
    private int phoneSerial = 100;

    private EntraSeed(long seed) {
        this.random = new Random(seed);
    }

    static EntraDirectory demo(long seed) {
        return new EntraSeed(seed).build();
    }

    private EntraDirectory build() {
        String admin = person("Megan", "Bowen", "Megan Bowen", List.of(), true, false);
        List<String> refused = new ArrayList<>();
        refused.add(user("room.harbor", "Conference Room Harbor", null, null, List.of(), List.of()));
        refused.add(user("scanner-3f", "Scanner 3rd Floor", null, null, List.of(), List.of()));
        refused.add(user("priya", "Priya", "Priya", null, List.of(), List.of(phone())));
        refused.add(user("c.okafor", "Dr. Okafor", null, "Okafor", List.of(), List.of()));
        for (String[] name : new String[][]{{"Lars", "Eriksson"}, {"Mei", "Tanaka"}, {"Diego", "Alvarez"}}) {
            refused.add(person(name[0], name[1], name[0] + " " + name[1], List.of(), true, true));
        }
        refused.add(person("Fatima", "Kaur", "Fatima Kaur", List.of("fatima.kaur@contoso-partner.example"), false, false));
        refused.add(person("Jonas", "Weber", "Jonas Weber", List.of("jonas.weber@fabrikam.example"), true, false));
        String semicolon = user("linh.nguyen.ext", "Nguyen; Linh (Contractor)", "Linh", "Nguyen", List.of(),
                List.of(phone()));
        while (directory.userCount() < USER_COUNT) {
            String first = Names.FIRST.get(random.nextInt(Names.FIRST.size()));
            String last = Names.LAST.get(random.nextInt(Names.LAST.size()));
            boolean businessPhone = random.nextInt(3) > 0;
            if (regular.size() < Names.OWN_SCRIPT.size()) {
                // same draws from the seed as any regular user, so everyone after them stays who they were
                List<String> own = Names.OWN_SCRIPT.get(regular.size());
                regular.add(user(own.get(3), own.get(2), own.get(0), own.get(1), List.of(),
                        businessPhone ? List.of(phone()) : List.of()));
                continue;
            }
            regular.add(person(first, last, first + " " + last, List.of(), businessPhone, false));
        }
        Collections.shuffle(regular, random);

        List<String> admins = new ArrayList<>(List.of(admin));
        admins.addAll(take(3));
        group("AWS-Administrators", "Full administrator access to all AWS accounts", admins);
        String contractors = group(NESTED_GROUP, "External developers; nested in AWS-Developers",
                concat(take(3), List.of(semicolon)));
        group(NESTING_GROUP, "Developer access to the workload accounts", concat(take(12), List.of(contractors)));
        group("AWS-ReadOnly", "Read-only access to production accounts", take(8));
        group("AWS-Billing", "Billing console and Cost Explorer", take(3));
        group("AWS-Security-Audit", "SecurityAudit role in every account", take(5));
        group("AWS-DataPlatform", "Data platform accounts", take(9));
        refused.add(semicolon);
        group(PILOT_GROUP, "First users of AWS IAM Identity Center", concat(refused, take(6)));
        group(LARGEST_GROUP, "All engineers", take(30));
        for (String name : OTHER_GROUPS) {
            group(name, name + " (all members)", take(2 + random.nextInt(17)));
        }
        return directory.markSeeded();
    }

    private String person(String first, String last, String displayName, List<String> otherMails,
                          boolean businessPhone, boolean mobilePhone) {
        String local = Names.mailPart(first, last);
        List<String> phones = new ArrayList<>();
        if (businessPhone) {
            phones.add(phone());
        }
        if (mobilePhone) {
            phones.add("+1 206 555 " + (1000 + random.nextInt(9000)));
        }
        return user(local, displayName, first, last, otherMails, phones);
    }

    private String user(String local, String displayName, String given, String surname, List<String> otherMails,
                        List<String> phones) {
        String upn = unique(local) + "@" + DOMAIN;
        List<String> emails = concat(List.of(upn), otherMails);
        String id = Names.guid(random);
        directory.addUser(new DirectoryUser(id, upn, displayName, given, surname, emails, phones, null));
        return id;
    }

    private String unique(String local) {
        String candidate = local;
        for (int n = 2; !localParts.add(candidate); n++) {
            candidate = local + n;
        }
        return candidate;
    }

    private String phone() {
        return random.nextBoolean() ? "+1 425 555 0" + phoneSerial++ : "+49 30 5550 " + (1000 + phoneSerial++);
    }

    private String group(String name, String description, List<String> memberIds) {
        String id = Names.guid(random);
        directory.addGroup(new DirectoryGroup(id, name, description, null));
        memberIds.forEach(m -> directory.addMember(id, m));
        return id;
    }

    /** Distinct regular users for one group (groups overlap, as they do in real tenants). */
    private List<String> take(int count) {
        List<String> pool = new ArrayList<>(regular);
        Collections.shuffle(pool, random);
        return pool.subList(0, count);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
