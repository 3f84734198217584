package dev.fedpilot.directory;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * An immutable run of rows: the first {@code size} entries of an array that is never changed below {@code size}
 * once published, so another thread may read it without copying (the filter does, off the FX thread).
 */
public record Rows<R>(Object[] array, int size) {
    private static final int CANCEL_CHECK_EVERY = 8192;

    public static <R> Rows<R> empty() {
        return new Rows<>(new Object[0], 0);
    }

    public static <R> Rows<R> of(List<? extends R> list) {
        return new Rows<>(list.toArray(), list.size());
    }

    @SuppressWarnings("unchecked")
    public R get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return (R) array[index];
    }

    public List<R> asList() {
        return new AbstractList<>() {
            @Override
            public R get(int index) {
                return Rows.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** The query as the filter uses it: lowercase, trimmed, runs of blanks as one space. */
    public static String normalize(String query) {
        return query == null ? "" : query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** The rows whose search key contains every word of the normalized {@code needle}, in order. */
    public static <R extends Row> Rows<R> filter(Rows<R> base, String needle, BooleanSupplier cancelled) {
        String[] words = needle.isEmpty() ? new String[0] : needle.split(" ");
        Object[] out = new Object[Math.min(base.size, 1024)];
        int n = 0;
        for (int i = 0; i < base.size; i++) {
            if (i % CANCEL_CHECK_EVERY == CANCEL_CHECK_EVERY - 1 && cancelled.getAsBoolean()) {
                throw new CancellationException("filter superseded");
            }
            Object row = base.array[i];
            if (matches(((Row) row).searchKey(), words)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, Math.max(16, n * 2));
                }
                out[n++] = row;
            }
        }
        return new Rows<>(out, n);
    }

    static boolean matches(String key, String[] words) {
        for (String word : words) {
            if (!key.contains(word)) {
                return false;
            }
        }
        return true;
    }

    static String[] words(String needle) {
        return needle.isEmpty() ? new String[0] : needle.split(" ");
    }

    /** A sorted copy (stable, so equal rows keep their load order). */
    @SuppressWarnings("unchecked")
    public Rows<R> sorted(Comparator<? super R> order) {
        Object[] copy = Arrays.copyOf(array, size);
        Arrays.sort(copy, (a, b) -> order.compare((R) a, (R) b));
        return new Rows<>(copy, size);
    }

    /** Both runs merged by {@code order}; each must already be sorted by it. Rows of this run come first on ties. */
    @SuppressWarnings("unchecked")
    public Rows<R> merge(Rows<R> other, Comparator<? super R> order) {
        Object[] out = new Object[size + other.size];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < size && j < other.size) {
            out[k++] = order.compare((R) other.array[j], (R) array[i]) < 0 ? other.array[j++] : array[i++];
        }
        System.arraycopy(array, i, out, k, size - i);
        System.arraycopy(other.array, j, out, k + size - i, other.size - j);
        return new Rows<>(out, out.length);
    }
}
