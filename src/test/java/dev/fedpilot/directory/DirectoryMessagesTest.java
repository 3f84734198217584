package dev.fedpilot.directory;

import dev.fedpilot.domain.Drift;
import dev.fedpilot.domain.MembershipChange;
import dev.fedpilot.text.Messages;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys the directory builds from codes and enums exist, so no row ever shows !key!. */
class DirectoryMessagesTest {

    @Test
    void everyBuiltKeyExists() {
        Messages messages = Messages.english();
        List<String> keys = new ArrayList<>();
        for (String code : List.of(ChangeApplier.ADDED, ChangeApplier.ALREADY_MEMBER, ChangeApplier.REMOVED,
                ChangeApplier.ALREADY_ABSENT, ChangeApplier.PROVISIONED, ChangeApplier.ASSIGNED,
                ChangeApplier.ALREADY_ASSIGNED)) {
            keys.add("directory.outcome." + code);
        }
        for (Drift.Kind kind : Drift.Kind.values()) {
            keys.add("directory.drift.kind." + kind.name().toLowerCase(Locale.ROOT));
        }
        for (MembersViewModel.Mark mark : MembersViewModel.Mark.values()) {
            keys.add("directory.members.mark." + mark.name().toLowerCase(Locale.ROOT));
        }
        for (Drift.Kind kind : Drift.Kind.values()) {
            Drift.Item item = new Drift.Item(kind, new dev.fedpilot.domain.DirectoryGroup("e", "g", null, null),
                    new dev.fedpilot.domain.DirectoryGroup("a", "g", null, "e"), "m",
                    new dev.fedpilot.domain.DirectoryUser("u", "u", "U", null, null, null, null, null), "U", "u", null);
            for (MembershipChange fix : item.fixes()) {
                keys.add("directory.fix." + fix.action().name().toLowerCase(Locale.ROOT) + "."
                        + fix.where().name().toLowerCase(Locale.ROOT));
            }
        }
        assertEquals(List.of(), keys.stream().filter(k -> !messages.has(k)).toList());
    }

    @Test
    void countsReadAsEnglish() {
        Messages messages = Messages.english();
        assertEquals("1 member", messages.get("directory.members.count", 1));
        assertEquals("no members", messages.get("directory.members.count", 0));
        assertEquals("12,345 members", messages.get("directory.members.count", 12345));
        assertEquals("1,234 of 100,000 users", messages.get("directory.users.count", 1234, 100000));
    }
}
