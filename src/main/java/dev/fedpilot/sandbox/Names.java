package dev.fedpilot.sandbox;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

/** Name lists and id shapes for seeding: realistic, varied, and deterministic from the seed. */
final class Names {
    static final List<String> FIRST = List.of("Adele", "Alex", "Amara", "Ananya", "Ben", "Bianca", "Carlos", "Chen",
            "Chiara", "Daniel", "Diego", "Elena", "Emma", "Fatima", "Felix", "Grace", "Hana", "Hiroshi", "Isabel",
            "Ivan", "Jamal", "Jana", "Johanna", "Jonas", "Julia", "Kai", "Karin", "Kwame", "Lars", "Laura", "Leila",
            "Lucas", "Maja", "Marco", "Maria", "Mateo", "Mei", "Miguel", "Mila", "Nadia", "Noah", "Nora", "Oliver",
            "Olga", "Omar", "Paul", "Priya", "Rafael", "Rosa", "Samir", "Sara", "Sofia", "Tariq", "Thomas", "Łukasz",
            "Valentina", "Victor", "Wei", "Yusuf", "Zoë");
    static final List<String> LAST = List.of("Adeyemi", "Alvarez", "Andersen", "Bauer", "Becker", "Brown", "Campbell",
            "Chen", "Costa", "Dubois", "Eriksson", "Fischer", "Garcia", "Gonzalez", "Hansen", "Hoffmann", "Ivanova",
            "Jensen", "Johnson", "Kaur", "Kim", "Kowalski", "Kumar", "Larsen", "Lee", "Lopez", "Martin", "Meyer",
            "Moreau", "Mueller", "Nakamura", "Nguyen", "Novak", "Okafor", "O'Brien", "Patel", "Petrov", "Popescu",
            "Ramirez", "Rossi", "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Smith", "Suzuki", "Tanaka",
            "Taylor", "Thompson", "Wagner", "Walker", "Wang", "Weber", "Williams", "Wilson", "Yamamoto", "Zhang",
            "Żółć", "Zimmermann");
    /**
     * People whose names are in their own script: given name, surname, display name and the ASCII mail name the
     * tenant gave them. They take the place of the first regular users, so the demo stays the same size.
     */
    static final List<List<String>> OWN_SCRIPT = List.of(List.of("雷", "李", "李雷", "li.lei"),
            List.of("محمد", "حداد", "محمد حداد", "mohammed.haddad"));
    static final List<String> TEAMS = List.of("platform", "payments", "search", "identity", "data", "mobile", "web",
            "billing", "growth", "infra", "security", "analytics", "support", "finance", "legal", "hr", "ml", "edge",
            "storage", "network");
    static final List<String> ENVIRONMENTS = List.of("prod", "staging", "dev", "sandbox", "audit", "ops");

    private Names() {
    }

    /** A version-4 style GUID drawn from {@code random}. */
    static String guid(Random random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb).toString();
    }

    static String hex(Random random, int digits) {
        StringBuilder sb = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            sb.append(Character.forDigit(random.nextInt(16), 16));
        }
        return sb.toString();
    }

    /** The lower-case "first.last" local part of an address, in ASCII (Żółć becomes zolc, O'Brien obrien). */
    static String mailPart(String first, String last) {
        String folded = Normalizer.normalize((first + "." + last).replace('Ł', 'L').replace('ł', 'l'),
                Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("'", "");
        return folded.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
}
