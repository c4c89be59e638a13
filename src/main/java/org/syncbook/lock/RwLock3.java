package org.syncbook.lock;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Reader–writer lock, step 3: {@link RwLock2}, but a waiting writer makes the state odd, and new
 * readers do not come in while it is odd. So readers that keep overlapping can no longer keep a
 * writer out: once a writer waits, the readers inside drain, and the last one wakes the writer.
 * Also, unlike steps 1 and 2, a writer's unlock makes no futex call when nobody sleeps.
 *
 * <table>
 *   <caption>The futex words</caption>
 *   <tr><th>word</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>{@code state}</td><td>{@code 2 * readers}</td><td>held by that many readers (0: free); no writer waits</td></tr>
 *   <tr><td></td><td>{@code 2 * readers + 1}</td><td>the same, and a writer waits: new readers sleep here</td></tr>
 *   <tr><td></td><td>{@code WRITE_LOCKED} ({@code MAX_VALUE}, odd)</td><td>held by one writer; readers sleep here</td></tr>
 *   <tr><td>{@code writerWake}</td><td>any</td><td>bumped by every wake meant for a writer; writers sleep here</td></tr>
 * </table>
 *
 * <p>A writer sleeps only while the state is marked (odd) or write-locked. Between its mark and
 * its sleep, a writer may take the lock, let go, and readers come in: a state of 2 readers
 * without the mark, whose last reader would wake nobody. So a writer that finds its mark gone
 * marks again before it sleeps.
 *
 * <p>{@code sleepers} counts the threads between announcing a sleep and coming back from it, on
 * either word; a writer's unlock wakes only when it is not 0 (as the condition variable of
 * chapter 5 skips its wake when nobody waits). It is not a futex word: nobody sleeps on it.
 */
public final class RwLock3 {
    static final int WRITE_LOCKED = Integer.MAX_VALUE;

    private final Futex state;
    private final Futex writerWake;
    private final AtomicInteger sleepers = new AtomicInteger();
    private Thread writer; // written only by the thread holding the write lock; for unlock checks

    /** A lock on two distinct words; {@code state} must hold 0. */
    public RwLock3(Futex state, Futex writerWake) {
        if (state.get() != 0) {
            throw new IllegalArgumentException("a free rwlock's word holds 0, not " + state.get());
        }
        this.state = state;
        this.writerWake = writerWake;
    }

    /** A lock on two fresh futexes of {@code backend}. */
    public RwLock3(FutexBackend backend) {
        this(Futexes.create(0, backend), Futexes.create(0, backend));
    }

    // tag::rwlock3[]
    /** Takes a read lock: waits while a writer holds the lock or waits for it. */
    public void readLock() {
        int s = state.getOpaque(); // a first guess only: the compare-and-exchange below checks it
        while (true) {
            if ((s & 1) == 0) { // even: no writer holds it or waits <1>
                if (s > WRITE_LOCKED - 3) {
                    throw new IllegalStateException("too many readers");
                }
                int seen = state.compareAndExchangeAcquire(s, s + 2); // acquire: see what the last writer wrote
                if (seen == s) {
                    return;
                }
                s = seen;
            } else {
                sleepers.incrementAndGet(); // volatile: announced before the futex compares the word <2>
                state.await(s);
                sleepers.decrementAndGet();
                s = state.getOpaque();
            }
        }
    }

    /** Releases a read lock; the last reader out wakes a writer if one waits. */
    public void readUnlock() {
        int s = state.getOpaque();
        while (true) {
            if (s < 2 || s == WRITE_LOCKED) {
                throw new IllegalMonitorStateException("readUnlock() without a read lock held");
            }
            int seen = state.compareAndExchangeRelease(s, s - 2); // release: our reads happen before a writer's writes
            if (seen == s) {
                break;
            }
            s = seen;
        }
        if (s == 3) { // we were the last reader, and a writer waits
            writerWake.getAndAddRelease(1); // release: a writer that sees the bump also sees the state we left
            writerWake.wake(1);
        }
    }

    /** Takes the write lock: marks the state odd so no new reader comes in, then sleeps on {@code writerWake}. */
    public void writeLock() {
        int s = state.getOpaque();
        while (true) {
            if (s <= 1) { // free, maybe with a writer waiting (us, or one we may overtake)
                int seen = state.compareAndExchangeAcquire(s, WRITE_LOCKED); // acquire: see what holders did before
                if (seen == s) {
                    writer = Thread.currentThread();
                    return;
                }
                s = seen;
                continue;
            }
            if ((s & 1) == 0) { // readers inside, nobody marked as waiting yet: mark it <3>
                int seen = state.compareAndExchange(s, s + 1); // no data to order: only the mark matters
                if (seen != s) {
                    s = seen;
                    continue;
                }
            }
            sleepers.incrementAndGet(); // volatile: announced before we look at the state <2>
            int w = writerWake.getAcquire(); // read the counter first, the state second (as in step 2)
            int now = state.get();
            if ((now & 1) == 1 && now > 1) { // sleep only while marked or write-locked <4>
                writerWake.await(w);
            }
            sleepers.decrementAndGet();
            s = state.getOpaque();
        }
    }

    /** Releases the write lock; wakes one writer and every reader, but only if someone sleeps. */
    public void writeUnlock() {
        if (state.getOpaque() != WRITE_LOCKED || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("writeUnlock() by a thread that does not hold the write lock");
        }
        writer = null;
        state.set(0); // volatile, not just release: it must come before our read of sleepers <2>
        if (sleepers.get() != 0) {
            writerWake.getAndAddRelease(1); // release: pairs with the writer's getAcquire
            writerWake.wake(1);
            state.wakeAll();
        }
    }
    // end::rwlock3[]

    /** The word readers sleep on. */
    public Futex state() {
        return state;
    }

    /** The word writers sleep on. */
    public Futex writerWake() {
        return writerWake;
    }
}
