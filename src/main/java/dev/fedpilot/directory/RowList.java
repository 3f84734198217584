package dev.fedpilot.directory;

import dev.fedpilot.ui.TaskRunner;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One searchable, sortable list that fills while pages arrive (users or groups). Filtering and sorting run
 * through the TaskRunner off the FX thread over snapshots; a query that extends the previous one filters only
 * the rows shown now. The shown list is always "the loaded rows that match the applied query, in order".
 *
 * @param <R> the row type
 */
public final class RowList<R extends Row> {
    private final TaskRunner tasks;
    private final String filterTitle;
    private final String sortTitle;
    private final RowIndex<R> index = new RowIndex<>();
    private final VisibleRows<R> visible = new VisibleRows<>();
    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper loaded = new ReadOnlyIntegerWrapper();
    private final ReadOnlyIntegerWrapper shown = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<String> sortKey = new ReadOnlyObjectWrapper<>();
    /** The normalized query the shown rows reflect (the typed one may be newer, its filter still running). */
    private String applied = "";
    private long filterGeneration;
    private long sortGeneration;
    private TaskRunner.Cancellable filtering;
    private TaskRunner.Cancellable sorting;

    public RowList(TaskRunner tasks, String filterTitle, String sortTitle) {
        this.tasks = tasks;
        this.filterTitle = filterTitle;
        this.sortTitle = sortTitle;
        query.addListener((o, a, b) -> refilter());
        visible.addListener((javafx.collections.ListChangeListener<R>) c -> shown.set(visible.size()));
    }

    // --- properties -----------------------------------------------------------------------------------------

    /** The rows to show: loaded, matching the query, in the chosen order. Read-only. */
    public ObservableList<R> items() {
        return visible;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public ReadOnlyIntegerProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The name of the current order, or null for the directory's own order. */
    public ReadOnlyObjectProperty<String> sortKeyProperty() {
        return sortKey.getReadOnlyProperty();
    }

    /** Every loaded row in the current order, ignoring the query. */
    public List<R> all() {
        return index.inOrder().asList();
    }

    // --- commands -------------------------------------------------------------------------------------------

    /** Forgets every row (before a reload). */
    public void clear() {
        cancel(filtering);
        cancel(sorting);
        filterGeneration++;
        sortGeneration++;
        index.clear();
        visible.replace(Rows.empty());
        loaded.set(0);
    }

    /** Adds a page of rows as it arrives; call on the UI thread. */
    public void add(List<R> page) {
        index.append(page);
        loaded.set(index.size());
        String[] words = Rows.words(applied);
        List<R> matching = new ArrayList<>(page.size());
        for (R row : page) {
            if (Rows.matches(row.searchKey(), words)) {
                matching.add(row);
            }
        }
        Comparator<? super R> order = index.order();
        if (order == null) {
            visible.append(matching);
        } else {
            matching.sort(order);
            visible.insertSorted(matching, order);
        }
    }

    /** Orders the rows by {@code order} (null: the directory's order), sorting off the UI thread. */
    public void sortBy(String key, Comparator<? super R> order) {
        cancel(sorting);
        cancel(filtering);
        long gen = ++sortGeneration;
        filterGeneration++;
        sortKey.set(key);
        int count = index.size();
        Rows<R> rows = index.inLoadOrder();
        String needle = applied;
        sorting = tasks.task(sortTitle, c -> {
            Rows<R> sorted = order == null ? rows : rows.sorted(order);
            return new Sorted<>(sorted, needle.isEmpty() ? sorted : Rows.filter(sorted, needle, c::cancelled));
        }).onSuccess(result -> {
            if (gen != sortGeneration) {
                return;
            }
            index.reorder(order, result.all, count);
            applied = needle;
            visible.replace(index.catchUp(result.matching, count, needle));
            refilter();
        }).start();
    }

    private record Sorted<R>(Rows<R> all, Rows<R> matching) {
    }

    private void refilter() {
        String needle = Rows.normalize(query.get());
        cancel(filtering);
        long gen = ++filterGeneration;
        if (needle.equals(applied)) {
            return;
        }
        if (needle.isEmpty()) {
            applied = needle;
            visible.replace(index.inOrder());
            return;
        }
        // a longer query matches a subset of what the shorter one matched: narrow the shown rows only
        Rows<R> base = !applied.isEmpty() && needle.contains(applied) ? visible.snapshot() : index.inOrder();
        int count = index.size();
        filtering = tasks.task(filterTitle, c -> Rows.filter(base, needle, c::cancelled))
                .onSuccess(result -> {
                    if (gen == filterGeneration) {
                        applied = needle;
                        visible.replace(index.catchUp(result, count, needle));
                    }
                }).start();
    }

    private static void cancel(TaskRunner.Cancellable task) {
        if (task != null) {
            task.cancel();
        }
    }
}
