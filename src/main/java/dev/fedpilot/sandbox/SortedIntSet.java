package dev.fedpilot.sandbox;

import java.util.Arrays;

/** A compact sorted set of ints (member indexes), so 500,000 memberships cost a few megabytes. */
final class SortedIntSet {
    private static final int[] EMPTY = new int[0];

    private int[] values;
    private int size;

    SortedIntSet() {
        this.values = EMPTY;
    }

    /** Takes ownership of {@code sortedDistinct}, which must be ascending without duplicates. */
    static SortedIntSet ofSorted(int[] sortedDistinct, int size) {
        SortedIntSet set = new SortedIntSet();
        set.values = sortedDistinct;
        set.size = size;
        return set;
    }

    boolean add(int value) {
        int at = Arrays.binarySearch(values, 0, size, value);
        if (at >= 0) {
            return false;
        }
        int insert = -at - 1;
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
        System.arraycopy(values, insert, values, insert + 1, size - insert);
        values[insert] = value;
        size++;
        return true;
    }

    boolean remove(int value) {
        int at = Arrays.binarySearch(values, 0, size, value);
        if (at < 0) {
            return false;
        }
        System.arraycopy(values, at + 1, values, at, size - at - 1);
        size--;
        return true;
    }

    boolean contains(int value) {
        return Arrays.binarySearch(values, 0, size, value) >= 0;
    }

    int size() {
        return size;
    }

    int get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return values[index];
    }
}
