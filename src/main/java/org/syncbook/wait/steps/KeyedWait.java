package org.syncbook.wait.steps;

import java.util.concurrent.TimeUnit;
import org.syncbook.futex.Futex;

/**
 * Step 1: keys hashed onto a table of futex words. Each word is a wake sequence: a wake adds one
 * to it, so a waiter that read the sequence before it looked at its state and sleeps expecting
 * that reading cannot miss a wake that came in between (the sleep returns at once). Two keys on
 * one word share a sequence: a wake of one may end the other's wait, which its caller tolerates.
 */
public final class KeyedWait {
    private final Futex[] words;

    /** Keys hashed onto {@code words}, a power-of-two number of them. */
    public KeyedWait(Futex[] words) {
        if (Integer.bitCount(words.length) != 1) {
            throw new IllegalArgumentException("need a power-of-two number of words, got " + words.length);
        }
        this.words = words.clone();
    }

    /** Which word {@code key} uses: a multiplicative hash, so keys 0, 1, 2... spread over the table. */
    public int wordOf(long key) {
        long h = key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: the high bits depend on every bit of the key
        return (int) (h >>> 40) & (words.length - 1);
    }

    // tag::keyed[]
    /** The key's wake sequence now: read it before you look at the state you wait for. */
    public int sequence(long key) {
        return words[wordOf(key)].getAcquire(); // acquire: what the waker stored before its wake is visible
    }

    /** Sleeps while the key's sequence is still {@code seen}; {@code true} once it moved, {@code false} on timeout. */
    public boolean await(long key, int seen, long timeoutMillis) throws InterruptedException {
        Futex word = words[wordOf(key)];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (word.getAcquire() == seen) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            word.awaitInterruptibly(seen, left, TimeUnit.NANOSECONDS); // sleeps only if it still holds seen
        }
        return true;
    }

    /** Advances the key's sequence, then wakes every sleeper on its word (a shared word's others look and sleep again). */
    public void wakeAll(long key) {
        Futex word = words[wordOf(key)];
        word.getAndAdd(1); // a full read-modify-write: the caller's change is visible to whoever sees the new sequence
        word.wakeAll();
    }
    // end::keyed[]
}
