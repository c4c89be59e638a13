package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Chapter 4, step 1: the simplest correct mutex on a futex. Two states, and a wake on every unlock.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked</td></tr>
 *   <tr><td>1</td><td>locked (perhaps with sleepers: this step cannot tell)</td></tr>
 * </table>
 *
 * <p>Correct, but {@link #unlock()} cannot know whether anyone sleeps, so it makes a wake call
 * every time, even when no other thread ever touched the lock: one system call per unlock.
 * {@link Mutex2} adds a third state to skip it.
 */
public final class Mutex1 {
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;

    private final Futex word;

    /** A mutex on {@code word}, which must hold 0 (unlocked). */
    public Mutex1(Futex word) {
        if (word.get() != UNLOCKED) {
            throw new IllegalArgumentException("a new mutex's word must hold 0 (unlocked), not " + word.get());
        }
        this.word = word;
    }

    /** A mutex on a fresh futex of {@code backend}. */
    public Mutex1(FutexBackend backend) {
        this(Futexes.create(UNLOCKED, backend));
    }

    // tag::mutex1[]
    public void lock() {
        // acquire on success: the critical section cannot move above taking the lock
        while (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED) {
            word.await(LOCKED); // sleeps only while still locked; a wake or a change ends it
        }
    }

    public void unlock() {
        word.setRelease(UNLOCKED); // release: the critical section stays above this store
        word.wake(1);              // always: we cannot tell whether anyone sleeps
    }
    // end::mutex1[]

    /** The futex this mutex sleeps on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }
}
