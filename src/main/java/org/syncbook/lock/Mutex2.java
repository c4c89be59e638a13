package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Chapter 4, step 2: {@link Mutex1} plus a third state, so that an unlock wakes only when
 * someone may be asleep. An uncontended lock and unlock makes no futex call at all.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked</td></tr>
 *   <tr><td>1</td><td>locked, nobody waits</td></tr>
 *   <tr><td>2</td><td>locked, and other threads may be waiting</td></tr>
 * </table>
 *
 * <p>A thread that finds the lock taken swaps in 2 before it sleeps, so the holder's unlock sees
 * 2 and wakes one sleeper. The woken thread also swaps in 2 (it cannot know whether others still
 * sleep), so the next unlock may make one wake call too many: harmless, and only under contention.
 */
public final class Mutex2 {
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;

    private final Futex word;

    /** A mutex on {@code word}, which must hold 0 (unlocked). */
    public Mutex2(Futex word) {
        if (word.get() != UNLOCKED) {
            throw new IllegalArgumentException("a new mutex's word must hold 0 (unlocked), not " + word.get());
        }
        this.word = word;
    }

    /** A mutex on a fresh futex of {@code backend}. */
    public Mutex2(FutexBackend backend) {
        this(Futexes.create(UNLOCKED, backend));
    }

    // tag::mutex2[]
    public void lock() {
        // acquire on success: the critical section cannot move above taking the lock
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED) {
            // volatile swap (at least acquire): 0 means we took it, marked as contended
            while (word.getAndSet(CONTENDED) != UNLOCKED) {
                word.await(CONTENDED); // sleeps only while the word still holds 2
            }
        }
    }

    public void unlock() {
        // release: the critical section stays above this swap
        if (word.getAndSetRelease(UNLOCKED) == CONTENDED) {
            word.wake(1); // only when someone may sleep
        }
    }
    // end::mutex2[]

    /** The futex this mutex sleeps on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }
}
