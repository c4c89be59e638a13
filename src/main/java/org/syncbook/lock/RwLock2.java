package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Reader–writer lock, step 2: {@link RwLock1} plus a second futex word, {@code writerWake}, that
 * only writers sleep on. A waiting writer no longer wakes each time a reader comes or goes: only
 * the last reader out, and a writer's unlock, bump the counter and wake one writer.
 *
 * <table>
 *   <caption>The futex words</caption>
 *   <tr><th>word</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>{@code state}</td><td>0</td><td>free</td></tr>
 *   <tr><td></td><td>1 .. {@code MAX_VALUE - 1}</td><td>held by that many readers</td></tr>
 *   <tr><td></td><td>{@code WRITE_LOCKED} ({@code MAX_VALUE})</td><td>held by one writer; readers sleep here</td></tr>
 *   <tr><td>{@code writerWake}</td><td>any</td><td>bumped by every wake meant for a writer; writers sleep here</td></tr>
 * </table>
 *
 * <p>Still starves writers while readers overlap; {@link RwLock3} fixes that.
 */
public final class RwLock2 {
    static final int WRITE_LOCKED = Integer.MAX_VALUE;

    private final Futex state;
    private final Futex writerWake;
    private Thread writer; // written only by the thread holding the write lock; for unlock checks

    /** A lock on two distinct words; {@code state} must hold 0. */
    public RwLock2(Futex state, Futex writerWake) {
        if (state.get() != 0) {
            throw new IllegalArgumentException("a free rwlock's word holds 0, not " + state.get());
        }
        this.state = state;
        this.writerWake = writerWake;
    }

    /** A lock on two fresh futexes of {@code backend}. */
    public RwLock2(FutexBackend backend) {
        this(Futexes.create(0, backend), Futexes.create(0, backend));
    }

    // tag::rwlock2[]
    /** Takes a read lock: waits while a writer holds the lock. (As in step 1.) */
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
                state.await(WRITE_LOCKED);
                s = state.getOpaque();
            } else {
                throw new IllegalStateException("too many readers");
            }
        }
    }

    /** Releases a read lock; the last reader out wakes one writer. */
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
            writerWake.getAndAddRelease(1); // release: a writer that sees the bump also sees state 0 <1>
            writerWake.wake(1);
        }
    }

    /** Takes the write lock: sleeps on {@code writerWake} while the lock is held. */
    public void writeLock() {
        while (state.compareAndExchangeAcquire(0, WRITE_LOCKED) != 0) { // acquire: see what holders did before
            int w = writerWake.getAcquire(); // read the counter first, the state second <2>
            if (state.getOpaque() != 0) {
                writerWake.await(w); // any unlock after our state read bumps the counter: no sleep, or a wake
            }
        }
        writer = Thread.currentThread();
    }

    /** Releases the write lock: wakes one writer, and every reader. */
    public void writeUnlock() {
        if (state.getOpaque() != WRITE_LOCKED || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("writeUnlock() by a thread that does not hold the write lock");
        }
        writer = null;
        state.setRelease(0); // release: our writes happen before the next holder's reads
        writerWake.getAndAddRelease(1); // release: pairs with the writer's getAcquire <2>
        writerWake.wake(1);
        state.wakeAll(); // step 2 still wakes on every unlock, even when nobody sleeps
    }
    // end::rwlock2[]

    /** The word readers sleep on. */
    public Futex state() {
        return state;
    }

    /** The word writers sleep on. */
    public Futex writerWake() {
        return writerWake;
    }
}
