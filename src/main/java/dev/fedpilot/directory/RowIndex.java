package dev.fedpilot.directory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every loaded row of one list, in load order and in the chosen order. Only the FX thread changes it; it hands
 * out {@link Rows} snapshots that other threads filter and sort without locks, because the arrays behind a
 * snapshot never change below its size.
 */
final class RowIndex<R extends Row> {
    private Object[] loaded = new Object[256];
    private int count;
    private Comparator<? super R> order;
    private Rows<R> ordered = Rows.empty();

    int size() {
        return count;
    }

    Comparator<? super R> order() {
        return order;
    }

    void clear() {
        loaded = new Object[256];
        count = 0;
        ordered = Rows.empty();
    }

    /** Adds a page; with an order set, merges it into the ordered rows (a linear merge, not a re-sort). */
    void append(List<R> page) {
        if (count + page.size() > loaded.length) {
            loaded = Arrays.copyOf(loaded, Math.max(loaded.length * 2, count + page.size()));
        }
        for (R row : page) {
            loaded[count++] = row;
        }
        if (order != null) {
            ordered = ordered.merge(Rows.<R>of(page).sorted(order), order);
        }
    }

    /** The rows in load order as they are now. */
    Rows<R> inLoadOrder() {
        return new Rows<>(loaded, count);
    }

    /** The rows in the chosen order as they are now. */
    Rows<R> inOrder() {
        return order == null ? inLoadOrder() : ordered;
    }

    /** Rows loaded since the first {@code from}, in load order. */
    Rows<R> loadedSince(int from) {
        return new Rows<>(Arrays.copyOfRange(loaded, from, count), count - from);
    }

    /**
     * Switches to {@code newOrder}, given the first {@code sortedCount} loaded rows already sorted by it
     * (sorted off the FX thread); rows loaded meanwhile are merged in.
     */
    void reorder(Comparator<? super R> newOrder, Rows<R> sortedPrefix, int sortedCount) {
        order = newOrder;
        if (newOrder == null) {
            ordered = Rows.empty();
            return;
        }
        ordered = sortedPrefix.merge(loadedSince(sortedCount).sorted(newOrder), newOrder);
    }

    /** Puts rows loaded since {@code from} that match {@code needle} into {@code result} (which is in order). */
    Rows<R> catchUp(Rows<R> result, int from, String needle) {
        if (from >= count) {
            return result;
        }
        Rows<R> late = Rows.filter(loadedSince(from), needle, () -> false);
        if (order == null) {
            Object[] out = Arrays.copyOf(result.array(), result.size() + late.size());
            System.arraycopy(late.array(), 0, out, result.size(), late.size());
            return new Rows<>(out, out.length);
        }
        return result.merge(late.sorted(order), order);
    }
}
