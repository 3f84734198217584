package dev.fedpilot.directory;

import dev.fedpilot.domain.DirectoryUser;
import dev.fedpilot.ui.SameThreadTaskRunner;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The searchable, sortable list the user and group columns show, while pages still arrive. */
class RowListTest {
    private static final String[] FIRST = {"Alice", "Bob", "Carol", "Dmitri", "Eve", "Fatima", "Gus", "Hana"};
    private static final String[] LAST = {"Smith", "Novak", "Okoro", "Tanaka", "Weber", "Kaur"};

    private static UserRow user(int i) {
        String first = FIRST[i % FIRST.length];
        String last = LAST[(i / FIRST.length) % LAST.length];
        String userName = (first + "." + last + i).toLowerCase(Locale.ROOT) + "@corp.example.com";
        return UserRow.of(new DirectoryUser("id-" + i, userName, first + " " + last, first, last,
                List.of(i % 5 == 0 ? "shared-" + i + "@mail.example.org" : userName), List.of(), null));
    }

    private static List<UserRow> page(int from, int to) {
        return IntStream.range(from, to).mapToObj(RowListTest::user).toList();
    }

    private static List<String> names(List<UserRow> rows) {
        return rows.stream().map(UserRow::userName).toList();
    }

    private static List<UserRow> expected(List<UserRow> all, Predicate<UserRow> match, Comparator<UserRow> order) {
        List<UserRow> out = new ArrayList<>(all.stream().filter(match).toList());
        if (order != null) {
            out.sort(order);
        }
        return out;
    }

    @Test
    void rowsShowAsPagesArriveAndOnePageIsOneChange() {
        RowList<UserRow> list = new RowList<>(new SameThreadTaskRunner(), "filter", "sort");
        int[] changes = {0};
        list.items().addListener((ListChangeListener<UserRow>) c -> changes[0]++);
        list.add(page(0, 100));
        assertEquals(100, list.items().size());
        list.add(page(100, 200));
        assertEquals(200, list.items().size());
        assertEquals(2, changes[0]);
        assertEquals(200, list.loadedProperty().get());
    }

    @Test
    void searchMatchesUserNameDisplayNameAndEmailCaseInsensitivelyWithEveryWord() {
        RowList<UserRow> list = new RowList<>(new SameThreadTaskRunner(), "filter", "sort");
        List<UserRow> all = page(0, 500);
        list.add(all);
        list.queryProperty().set("TANAKA");
        assertEquals(names(expected(all, u -> u.displayName().contains("Tanaka"), null)), names(list.items()));
        list.queryProperty().set("shared-");
        assertEquals(100, list.items().size(), "email matches");
        list.queryProperty().set("  eve   weber ");
        assertEquals(names(expected(all, u -> u.displayName().equals("Eve Weber"), null)), names(list.items()));
        assertEquals(list.items().size(), list.shownProperty().get());
        list.queryProperty().set("");
        assertEquals(500, list.items().size());
    }

    @Test
    void typingMoreNarrowsTheShownRowsToTheSameResultAsAFreshSearch() {
        RowList<UserRow> list = new RowList<>(new SameThreadTaskRunner(), "filter", "sort");
        List<UserRow> all = page(0, 2000);
        list.add(all);
        for (String q : List.of("a", "al", "ali", "alic", "alice.n", "alice.no")) {
            list.queryProperty().set(q);
            assertEquals(names(expected(all, u -> u.searchKey().contains(q), null)), names(list.items()), q);
        }
    }

    @Test
    void sortingByAColumnKeepsNewPagesInOrderAndTheSearchApplied() {
        RowList<UserRow> list = new RowList<>(new SameThreadTaskRunner(), "filter", "sort");
        List<UserRow> all = new ArrayList<>(page(0, 300));
        list.add(all);
        list.queryProperty().set("o");
        Comparator<UserRow> byName = UserRow.BY_DISPLAY_NAME.reversed();
        list.sortBy("displayName desc", byName);
        assertEquals(names(expected(all, u -> u.searchKey().contains("o"), byName)), names(list.items()));
        List<UserRow> more = page(300, 400);
        list.add(more);
        all.addAll(more);
        assertEquals(names(expected(all, u -> u.searchKey().contains("o"), byName)), names(list.items()));
        list.sortBy(null, null);
        assertEquals(names(expected(all, u -> u.searchKey().contains("o"), null)), names(list.items()),
                "back to the directory's order");
    }

    @Test
    void pagesThatArriveWhileASearchRunsAreIncludedWhenItFinishes() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        RowList<UserRow> list = new RowList<>(tasks, "filter", "sort");
        List<UserRow> all = new ArrayList<>(page(0, 400));
        list.add(all);
        list.queryProperty().set("novak");
        assertEquals(1, tasks.queued(), "the search runs in the background");
        List<UserRow> late = page(400, 800);
        list.add(late);
        all.addAll(late);
        tasks.runAll();
        assertEquals(names(expected(all, u -> u.searchKey().contains("novak"), null)), names(list.items()));
    }

    @Test
    void aNewerKeystrokeWinsOverAnOlderSearchStillRunning() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        RowList<UserRow> list = new RowList<>(tasks, "filter", "sort");
        List<UserRow> all = page(0, 400);
        list.add(all);
        list.queryProperty().set("bob");
        list.queryProperty().set("carol");
        tasks.runAll();
        assertEquals(names(expected(all, u -> u.searchKey().contains("carol"), null)), names(list.items()));
    }

    @Test
    void aSortThatFinishesAfterPagesAndKeystrokesStillEndsConsistent() {
        QueuedTaskRunner tasks = new QueuedTaskRunner();
        RowList<UserRow> list = new RowList<>(tasks, "filter", "sort");
        List<UserRow> all = new ArrayList<>(page(0, 500));
        list.add(all);
        list.sortBy("userName asc", UserRow.BY_USER_NAME);
        List<UserRow> more = page(500, 700);
        list.add(more);
        all.addAll(more);
        list.queryProperty().set("a");
        tasks.runAll();
        assertEquals(names(expected(all, u -> u.searchKey().contains("a"), UserRow.BY_USER_NAME)), names(list.items()));
        assertTrue(list.loadedProperty().get() == 700);
    }
}
