package dev.fedpilot.directory;

import javafx.collections.ObservableListBase;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows a list shows, as one read-only observable list that is changed in bulk: a whole new result is one
 * replace event, a page is one add event. No wrapper lists are rebuilt per keystroke, and selections survive
 * pages that arrive while the user works.
 */
final class VisibleRows<R> extends ObservableListBase<R> {
    private Object[] rows = new Object[0];
    private int size;

    @Override
    @SuppressWarnings("unchecked")
    public R get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (R) rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** What is shown now; the array is never changed below this size, so other threads may read it. */
    Rows<R> snapshot() {
        return new Rows<>(rows, size);
    }

    /** Shows {@code next} instead of everything shown now. */
    void replace(Rows<R> next) {
        Rows<R> old = snapshot();
        rows = Arrays.copyOf(next.array(), Math.max(next.size(), 16));
        size = next.size();
        if (old.size() == 0 && size == 0) {
            return;
        }
        beginChange();
        if (old.size() == 0) {
            nextAdd(0, size);
        } else if (size == 0) {
            nextRemove(0, old.asList());
        } else {
            nextReplace(0, size, old.asList());
        }
        endChange();
    }

    /** Adds rows at the end. */
    void append(List<R> more) {
        if (more.isEmpty()) {
            return;
        }
        if (size + more.size() > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(rows.length * 2, size + more.size()));
        }
        int from = size;
        for (R row : more) {
            rows[size++] = row;
        }
        beginChange();
        nextAdd(from, size);
        endChange();
    }

    /** Inserts rows (sorted by {@code order}) where {@code order} puts them, as one change. */
    @SuppressWarnings("unchecked")
    void insertSorted(List<R> sortedMore, Comparator<? super R> order) {
        if (sortedMore.isEmpty()) {
            return;
        }
        Object[] out = new Object[Math.max(16, size + sortedMore.size())];
        int[] added = new int[sortedMore.size()];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size || j < sortedMore.size()) {
            if (j < sortedMore.size() && (i >= size || order.compare(sortedMore.get(j), (R) rows[i]) < 0)) {
                added[j] = k;
                out[k++] = sortedMore.get(j++);
            } else {
                out[k++] = rows[i++];
            }
        }
        rows = out;
        size = k;
        beginChange();
        for (int index : added) {
            nextAdd(index, index + 1);
        }
        endChange();
    }
}
