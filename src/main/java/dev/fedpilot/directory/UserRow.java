package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryUser;

import java.util.Comparator;
import java.util.Locale;

/** An identity store user in the browser, with its search key over user name, display name and email. */
public record UserRow(DirectoryUser user, String searchKey) implements Row {

    public static final Comparator<UserRow> BY_USER_NAME =
            Comparator.comparing(r -> nullToEmpty(r.user.userName()), String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<UserRow> BY_DISPLAY_NAME =
            Comparator.comparing(r -> nullToEmpty(r.user.displayName()), String.CASE_INSENSITIVE_ORDER);
    public static final Comparator<UserRow> BY_EMAIL =
            Comparator.comparing(r -> nullToEmpty(r.user.primaryEmail()), String.CASE_INSENSITIVE_ORDER);

    public static UserRow of(DirectoryUser user) {
        return new UserRow(user, (nullToEmpty(user.userName()) + '\n' + nullToEmpty(user.displayName()) + '\n'
                + nullToEmpty(user.primaryEmail())).toLowerCase(Locale.ROOT));
    }

    @Override
    public String id() {
        return user.id();
    }

    public String userName() {
        return user.userName();
    }

    public String displayName() {
        return user.displayName();
    }

    public String email() {
        return user.primaryEmail();
    }

    /** Provisioned from Entra (SCIM sets the externalId), as opposed to made in AWS. */
    public boolean fromEntra() {
        return user.externalId() != null && !user.externalId().isBlank();
    }

    static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
