package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Reader–writer lock, step 1: one futex word counts the readers, and a marker value says a
 * writer holds it. The last reader out wakes one sleeper; a writer's unlock wakes everyone.
 *
 * <table>
 *   <caption>The futex word {@code state}</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>free</td></tr>
 *   <tr><td>1 .. {@code MAX_VALUE - 1}</td><td>held by that many readers</td></tr>
 *   <tr><td>{@code WRITE_LOCKED} ({@code Integer.MAX_VALUE})</td><td>held by one writer</td></tr>
 * </table>
 *
 * <p>Readers and writers sleep on the same word. Broken on purpose in one way, fixed by
 * {@link RwLock2}: a writer that waits for readers to leave sleeps on the word the readers keep
 * changing, so while readers come and go its attempts to go back to sleep keep failing (the word
 * no longer holds what it saw) and it loops instead of sleeping. And, fixed by
 * {@link RwLock3}: as long as one reader is inside, new readers still get in, so a steady stream
 * of overlapping readers keeps a writer out for ever (writer starvation).
 */
public final class RwLock1 {
    static final int WRITE_LOCKED = Integer.MAX_VALUE;

    private final Futex state;
    private Thread writer; // written only by the thread holding the write lock; for unlock checks

    /** A lock on {@code state}, which must hold 0. */
    public RwLock1(Futex state) {
        if (state.get() != 0) {
            throw new IllegalArgumentException("a free rwlock's word holds 0, not " + state.get());
        }
        this.state = state;
    }

    /** A lock on a fresh futex of {@code backend}. */
    public RwLock1(FutexBackend backend) {
        this(Futexes.create(0, backend));
    }

    // tag::rwlock1[]
    /** Takes a read lock: waits while a writer holds the lock. */
    public void readLock() {
        int s = state.getOpaque(); // a first guess only: the compare-and-exchange below checks it
        while (true) {
            if (s < WRITE_LOCKED - 1) {
                int seen = state.compareAndExchangeAcquire(s, s + 1); // acquire: see what the last writer wrote
                if (seen == s) {
                    return;
                }
                s = seen;
            } else if (s == WRITE_LOCKED) {
                state.await(WRITE_LOCKED); // sleeps only if a writer still holds it
                s = state.getOpaque();
            } else {
                throw new IllegalStateException("too many readers");
            }
        }
    }

    /** Releases a read lock; the last reader out wakes one sleeper (a waiting writer). */
    public void readUnlock() {
        int s = state.getOpaque();
        while (true) {
            if (s <= 0 || s == WRITE_LOCKED) {
                throw new IllegalMonitorStateException("readUnlock() without a read lock held");
            }
            int seen = state.compareAndExchangeRelease(s, s - 1); // release: our reads happen before a writer's writes
            if (seen == s) {
                break;
            }
            s = seen;
        }
        if (s == 1) {
            state.wake(1); // only writers can be asleep now: readers never wait for readers
        }
    }

    /** Takes the write lock: waits until nobody holds the lock. */
    public void writeLock() {
        while (true) {
            int s = state.compareAndExchangeAcquire(0, WRITE_LOCKED); // acquire: see what readers and writers did before
            if (s == 0) {
                writer = Thread.currentThread();
                return;
            }
            state.await(s); // sleeps until the word changes from what we saw
        }
    }

    /** Releases the write lock and wakes every sleeper: readers and writers alike. */
    public void writeUnlock() {
        if (state.getOpaque() != WRITE_LOCKED || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("writeUnlock() by a thread that does not hold the write lock");
        }
        writer = null;
        state.setRelease(0); // release: our writes happen before the next holder's reads
        state.wakeAll(); // step 1 wakes on every unlock, even when nobody sleeps
    }
    // end::rwlock1[]

    /** The futex word, so a test or notebook can read its counters. */
    public Futex state() {
        return state;
    }
}
