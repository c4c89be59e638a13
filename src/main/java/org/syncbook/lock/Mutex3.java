package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Chapter 4, step 3: {@link Mutex2}, but a thread that finds the lock taken spins briefly before
 * it sleeps. Critical sections are often shorter than a system call, so the lock is usually free
 * again within a few hundred nanoseconds, and the waiter avoids both its own sleep and the
 * holder's wake.
 *
 * <table>
 *   <caption>The futex word (as in {@link Mutex2})</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked</td></tr>
 *   <tr><td>1</td><td>locked, nobody waits</td></tr>
 *   <tr><td>2</td><td>locked, and other threads may be waiting</td></tr>
 * </table>
 *
 * <p>The spin waits only while the word holds 1: at 2 others already sleep, and spinning would
 * only delay joining them.
 */
public final class Mutex3 {
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;
    private static final int SPINS = 100;

    private final Futex word;

    /** A mutex on {@code word}, which must hold 0 (unlocked). */
    public Mutex3(Futex word) {
        if (word.get() != UNLOCKED) {
            throw new IllegalArgumentException("a new mutex's word must hold 0 (unlocked), not " + word.get());
        }
        this.word = word;
    }

    /** A mutex on a fresh futex of {@code backend}. */
    public Mutex3(FutexBackend backend) {
        this(Futexes.create(UNLOCKED, backend));
    }

    // tag::mutex3[]
    public void lock() {
        // acquire on success: the critical section cannot move above taking the lock
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED) {
            lockContended();
        }
    }

    private void lockContended() {
        // opaque: only watching for a change, the CAS below does the ordering
        for (int i = 0; i < SPINS && word.getOpaque() == LOCKED; i++) {
            Thread.onSpinWait();
        }
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) == UNLOCKED) {
            return; // freed while we spun: taken without marking it contended
        }
        while (word.getAndSet(CONTENDED) != UNLOCKED) { // volatile swap, as in Mutex2
            word.await(CONTENDED);
        }
    }

    public void unlock() {
        if (word.getAndSetRelease(UNLOCKED) == CONTENDED) { // release, as in Mutex2
            word.wake(1);
        }
    }
    // end::mutex3[]

    /** The futex this mutex sleeps on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }
}
