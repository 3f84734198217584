package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryGroup;

import java.util.Comparator;
import java.util.Locale;

/** An identity store group in the browser, with its search key over name and description. */
public record GroupRow(DirectoryGroup group, String searchKey) implements Row {

    public static final Comparator<GroupRow> BY_NAME =
            Comparator.comparing(r -> UserRow.nullToEmpty(r.group.displayName()), String.CASE_INSENSITIVE_ORDER);
    /** SCIM-managed groups first, then by name. */
    public static final Comparator<GroupRow> BY_SOURCE =
            Comparator.comparing((GroupRow r) -> !r.scimManaged()).thenComparing(BY_NAME);

    public static GroupRow of(DirectoryGroup group) {
        return new GroupRow(group, (UserRow.nullToEmpty(group.displayName()) + '\n'
                + UserRow.nullToEmpty(group.description())).toLowerCase(Locale.ROOT));
    }

    @Override
    public String id() {
        return group.id();
    }

    public String displayName() {
        return group.displayName();
    }

    public boolean scimManaged() {
        return group.scimManaged();
    }
}
