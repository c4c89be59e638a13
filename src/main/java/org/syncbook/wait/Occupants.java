package org.syncbook.wait;

import java.util.Arrays;

/**
 * Who is registered on one futex word of a {@link FutexWaitQueue}: the keys hashed there and how
 * many waiters each has. Immutable; a slot swaps in a new one with compare-and-set, so a waker
 * reads a consistent picture with one load. Usually one key and a short array: two keys share a
 * word only when their hashes collide.
 */
final class Occupants {
    static final Occupants NONE = new Occupants(new Object[0], new int[0]);

    private final Object[] keys;
    private final int[] counts;

    private Occupants(Object[] keys, int[] counts) {
        this.keys = keys;
        this.counts = counts;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** How many waiters {@code key} has here. */
    int count(Object key) {
        int i = indexOf(key);
        return i < 0 ? 0 : counts[i];
    }

    /** Nobody waits on this word. */
    boolean isEmpty() {
        return keys.length == 0;
    }

    /** Only waiters of {@code key} are here: waking one of them wakes a waiter of {@code key}. */
    boolean onlyKey(Object key) {
        return keys.length == 1 && keys[0].equals(key);
    }

    /** These occupants with one more waiter of {@code key}. */
    Occupants plus(Object key) {
        int i = indexOf(key);
        if (i >= 0) {
            int[] more = counts.clone();
            more[i]++;
            return new Occupants(keys, more);
        }
        Object[] k = Arrays.copyOf(keys, keys.length + 1);
        int[] c = Arrays.copyOf(counts, counts.length + 1);
        k[keys.length] = key;
        c[keys.length] = 1;
        return new Occupants(k, c);
    }

    /** These occupants with one waiter of {@code key} less; a key whose last waiter leaves is dropped. */
    Occupants minus(Object key) {
        int i = indexOf(key);
        if (i < 0) {
            throw new IllegalStateException("no waiter of " + key + " is registered");
        }
        if (counts[i] > 1) {
            int[] fewer = counts.clone();
            fewer[i]--;
            return new Occupants(keys, fewer);
        }
        if (keys.length == 1) {
            return NONE;
        }
        Object[] k = new Object[keys.length - 1];
        int[] c = new int[keys.length - 1];
        for (int from = 0, to = 0; from < keys.length; from++) {
            if (from != i) {
                k[to] = keys[from];
                c[to++] = counts[from];
            }
        }
        return new Occupants(k, c);
    }
}
