package dev.fedpilot.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The known ways an Entra → IAM Identity Center setup goes wrong (DOMAIN.md "What users trip over"), as
 * checks that turn users, groups and dates into findings before they bite. Pure: no I/O, no clock of its own.
 */
public final class Pitfalls {
    /** AWS SCIM tokens are valid for one year. */
    public static final Duration SCIM_TOKEN_LIFETIME = Duration.ofDays(365);
    public static final Duration WARN_AHEAD = Duration.ofDays(30);
    public static final Duration URGENT_AHEAD = Duration.ofDays(7);
    private static final Pattern REJECTED = Pattern.compile("[\\t\\n\\r\"<>|;:%]");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private Pitfalls() {
    }

    /** What would make provisioning or sign-in fail for this Entra user. */
    public static List<Finding> forUser(DirectoryUser user) {
        List<Finding> findings = new ArrayList<>();
        String who = user.displayName() == null || user.displayName().isBlank() ? user.userName() : user.displayName();
        if (!user.hasRequiredNames()) {
            findings.add(Finding.error("user-missing-names",
                    who + " has no " + missingNames(user) + ": provisioning to AWS fails for this user.",
                    "Fill in first name, last name and display name in Entra, then provision again."));
        }
        if (user.emails().size() > 1 || user.phones().size() > 1) {
            findings.add(Finding.error("user-multi-valued",
                    who + " has several " + (user.emails().size() > 1 ? "email addresses" : "phone numbers")
                            + ": AWS accepts one, and provisioning fails with \"Request is unparsable\".",
                    "Keep one value in Entra, or map a single attribute in the app's provisioning mappings."));
        }
        String rejected = firstRejected(user);
        if (rejected != null) {
            findings.add(Finding.error("user-rejected-characters",
                    who + " has a character AWS rejects (tab, line break, \" < > | ; : %) in " + rejected + ".",
                    "Remove the character in Entra, then provision again."));
        }
        if (user.userName() == null || !EMAIL.matcher(user.userName()).matches()) {
            findings.add(Finding.warning("user-name-not-email",
                    who + "'s user name is not an email address: SAML sign-in needs the NameID to be an email equal "
                            + "to the AWS user name.",
                    "Use the user principal name in email form as NameID (the gallery app's default)."));
        }
        return findings;
    }

    /** Nested groups in an assigned group are not provisioned: only direct user members are. */
    public static List<Finding> forGroupMembers(DirectoryGroup group, List<GroupMember> members) {
        List<Finding> findings = new ArrayList<>();
        for (GroupMember member : members) {
            if (member.type() == PrincipalType.GROUP) {
                findings.add(Finding.warning("group-nested",
                        "\"" + member.displayName() + "\" is nested in \"" + group.displayName()
                                + "\": Entra does not provision nested groups or their members.",
                        "Assign \"" + member.displayName() + "\" to the app itself, or add its users to \""
                                + group.displayName() + "\" directly."));
            }
        }
        return findings;
    }

    /** A warning 30 days ahead, an error 7 days ahead and once expired. */
    public static List<Finding> expiry(String code, String what, Instant expires, Instant now, String fix) {
        return expiry(code, what, expires, now, WARN_AHEAD, fix);
    }

    /** A warning {@code warnAhead} ahead, an error 7 days ahead and once expired. */
    public static List<Finding> expiry(String code, String what, Instant expires, Instant now, Duration warnAhead,
                                       String fix) {
        if (expires == null) {
            return List.of();
        }
        Duration left = Duration.between(now, expires);
        if (left.isNegative() || left.isZero()) {
            return List.of(Finding.error(code + "-expired", what + " expired on " + day(expires) + ".", fix));
        }
        if (left.compareTo(URGENT_AHEAD) <= 0) {
            return List.of(Finding.error(code + "-expiring", what + " expires in " + daysText(left) + " ("
                    + day(expires) + ").", fix));
        }
        if (left.compareTo(warnAhead) <= 0) {
            return List.of(Finding.warning(code + "-expiring", what + " expires in " + daysText(left) + " ("
                    + day(expires) + ").", fix));
        }
        return List.of();
    }

    public static List<Finding> scimToken(Instant created, Instant now) {
        return scimToken(created, now, WARN_AHEAD);
    }

    public static List<Finding> scimToken(Instant created, Instant now, Duration warnAhead) {
        if (created == null) {
            return List.of();
        }
        return expiry("scim-token", "The SCIM token", created.plus(SCIM_TOKEN_LIFETIME), now, warnAhead,
                "Generate a new token in the AWS console (Settings → Automatic provisioning), paste it in FedPilot's "
                        + "SCIM step, then delete the old token.");
    }

    public static List<Finding> signingCertificate(CertificateInfo certificate, Instant now) {
        return signingCertificate(certificate, now, WARN_AHEAD);
    }

    public static List<Finding> signingCertificate(CertificateInfo certificate, Instant now, Duration warnAhead) {
        if (certificate == null) {
            return List.of();
        }
        return expiry("signing-certificate", "The Entra SAML signing certificate", certificate.notAfter(), now,
                warnAhead, "Add a new signing certificate in FedPilot's \"AWS metadata → Entra\" step, then upload the new "
                        + "Entra metadata to AWS.");
    }

    private static String missingNames(DirectoryUser user) {
        List<String> missing = new ArrayList<>();
        if (blank(user.givenName())) {
            missing.add("first name");
        }
        if (blank(user.familyName())) {
            missing.add("last name");
        }
        if (blank(user.displayName())) {
            missing.add("display name");
        }
        return String.join(" or ", missing);
    }

    private static String firstRejected(DirectoryUser user) {
        if (hasRejected(user.displayName())) {
            return "the display name";
        }
        if (hasRejected(user.givenName()) || hasRejected(user.familyName())) {
            return "the name";
        }
        if (hasRejected(user.userName())) {
            return "the user name";
        }
        return null;
    }

    private static boolean hasRejected(String value) {
        return value != null && REJECTED.matcher(value).find();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String day(Instant instant) {
        return instant.toString().substring(0, 10);
    }

    private static String daysText(Duration left) {
        long days = left.toDays();
        return days == 0 ? "less than a day" : days == 1 ? "1 day" : days + " days";
    }
}
