package org.syncbook.lock;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * {@link RwLock3} plus an upgradeable read lock: a read lock that at most one thread holds at a
 * time, alongside plain readers, and that {@link #upgrade()} turns into the write lock without
 * letting go in between. So what the upgrader read is still true when it writes. Two upgraders
 * cannot deadlock (each waiting for the other's read lock to go): there is only ever one.
 *
 * <table>
 *   <caption>The futex words</caption>
 *   <tr><th>word</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>{@code state}</td><td>bits 2–30: {@code readers}</td><td>plain readers inside</td></tr>
 *   <tr><td></td><td>bit 1: {@code UPGRADEABLE}</td><td>the upgradeable read lock is held</td></tr>
 *   <tr><td></td><td>bit 0: {@code WAITING}</td><td>a writer, or the upgrader, waits for readers to leave: new readers sleep here</td></tr>
 *   <tr><td></td><td>{@code WRITE_LOCKED} ({@code MAX_VALUE})</td><td>held by one writer; readers sleep here</td></tr>
 *   <tr><td>{@code writerWake}</td><td>any</td><td>bumped by every wake meant for a writer; writers sleep here</td></tr>
 *   <tr><td>{@code upgradeWake}</td><td>any</td><td>bumped when the last reader leaves an upgrader waiting; the upgrader sleeps here</td></tr>
 * </table>
 *
 * <p>A thread waiting for the upgradeable lock sleeps on {@code state}, as readers do. As in
 * {@link RwLock3}, {@code sleepers} lets an unlock skip its wake calls when nobody sleeps.
 */
public final class RwLockUpgradeable {
    static final int WAITING = 1;
    static final int UPGRADEABLE = 2;
    static final int READER = 4;
    static final int WRITE_LOCKED = Integer.MAX_VALUE;

    private final Futex state;
    private final Futex writerWake;
    private final Futex upgradeWake;
    private final AtomicInteger sleepers = new AtomicInteger();
    private Thread writer; // written only by the write lock's holder; for unlock checks
    private Thread upgrader; // written only by the upgradeable lock's holder; for unlock checks

    /** A lock on three distinct words; {@code state} must hold 0. */
    public RwLockUpgradeable(Futex state, Futex writerWake, Futex upgradeWake) {
        if (state.get() != 0) {
            throw new IllegalArgumentException("a free rwlock's word holds 0, not " + state.get());
        }
        this.state = state;
        this.writerWake = writerWake;
        this.upgradeWake = upgradeWake;
    }

    /** A lock on three fresh futexes of {@code backend}. */
    public RwLockUpgradeable(FutexBackend backend) {
        this(Futexes.create(0, backend), Futexes.create(0, backend), Futexes.create(0, backend));
    }

    /** Takes a plain read lock: waits while a writer holds the lock or waits for it. */
    public void readLock() {
        int s = state.getOpaque(); // a first guess only: the compare-and-exchange below checks it
        while (true) {
            if ((s & WAITING) == 0) { // nobody writes or waits to (WRITE_LOCKED has this bit too)
                if (s > WRITE_LOCKED - 2 * READER) {
                    throw new IllegalStateException("too many readers");
                }
                int seen = state.compareAndExchangeAcquire(s, s + READER); // acquire: see what the last writer wrote
                if (seen == s) {
                    return;
                }
                s = seen;
            } else {
                sleepOnState(s);
                s = state.getOpaque();
            }
        }
    }

    // tag::read-unlock[]
    /** Releases a plain read lock; the last reader out wakes whoever waits for readers to leave. */
    public void readUnlock() {
        int s = state.getOpaque();
        while (true) {
            if (s < READER || s == WRITE_LOCKED) {
                throw new IllegalMonitorStateException("readUnlock() without a read lock held");
            }
            int seen = state.compareAndExchangeRelease(s, s - READER); // release: our reads happen before a writer's writes
            if (seen == s) {
                break;
            }
            s = seen;
        }
        int left = s - READER;
        if (left == (UPGRADEABLE | WAITING)) { // the upgrader may be upgrading: it is the one to wake
            bumpAndWake(upgradeWake);
        } else if (left == WAITING) { // a writer waits, and now nobody is inside
            bumpAndWake(writerWake);
        }
    }
    // end::read-unlock[]

    /** Takes the upgradeable read lock: waits while a writer holds it or waits, or another thread has it upgradeable. */
    public void upgradeableLock() {
        int s = state.getOpaque();
        while (true) {
            if ((s & (WAITING | UPGRADEABLE)) == 0) {
                int seen = state.compareAndExchangeAcquire(s, s | UPGRADEABLE); // acquire: see what the last writer wrote
                if (seen == s) {
                    upgrader = Thread.currentThread();
                    return;
                }
                s = seen;
            } else {
                sleepOnState(s);
                s = state.getOpaque();
            }
        }
    }

    /** Releases the upgradeable read lock (not upgraded). */
    public void upgradeableUnlock() {
        checkUpgrader();
        upgrader = null;
        int s = state.getAndAdd(-UPGRADEABLE); // volatile: a release for the next writer, and before our read of sleepers
        if (s - UPGRADEABLE == WAITING) { // a writer waits, and now nobody is inside
            bumpAndWake(writerWake);
        }
        if (sleepers.get() != 0) { // another would-be upgrader may sleep on state
            state.wakeAll();
        }
    }

    // tag::upgrade[]
    /**
     * Turns the upgradeable read lock the caller holds into the write lock, without letting go:
     * stops new readers, waits for the readers inside to leave. Release with {@link #writeUnlock()}.
     */
    public void upgrade() {
        checkUpgrader();
        int s = state.getOpaque();
        while (true) {
            if (s == UPGRADEABLE || s == (UPGRADEABLE | WAITING)) { // no readers left
                int seen = state.compareAndExchangeAcquire(s, WRITE_LOCKED); // acquire: see what the readers did
                if (seen == s) {
                    upgrader = null;
                    writer = Thread.currentThread();
                    return;
                }
                s = seen;
                continue;
            }
            if ((s & WAITING) == 0) { // stop new readers
                int seen = state.compareAndExchange(s, s | WAITING); // no data to order: only the mark matters
                if (seen != s) {
                    s = seen;
                    continue;
                }
            }
            sleepers.incrementAndGet(); // volatile: announced before we look at the state
            int w = upgradeWake.getAcquire(); // the counter first, the state second (as writers do)
            if (state.get() >= READER) {
                upgradeWake.await(w);
            }
            sleepers.decrementAndGet();
            s = state.getOpaque();
        }
    }
    // end::upgrade[]

    /** Takes the write lock, as in {@link RwLock3}; an upgradeable holder keeps it out too. */
    public void writeLock() {
        int s = state.getOpaque();
        while (true) {
            if (s <= WAITING) { // free, maybe with a writer waiting
                int seen = state.compareAndExchangeAcquire(s, WRITE_LOCKED); // acquire: see what holders did before
                if (seen == s) {
                    writer = Thread.currentThread();
                    return;
                }
                s = seen;
                continue;
            }
            if ((s & WAITING) == 0) { // mark that a writer waits
                int seen = state.compareAndExchange(s, s | WAITING); // no data to order: only the mark matters
                if (seen != s) {
                    s = seen;
                    continue;
                }
            }
            sleepers.incrementAndGet(); // volatile: announced before we look at the state
            int w = writerWake.getAcquire(); // the counter first, the state second
            int now = state.get();
            if ((now & WAITING) != 0 && now > WAITING) { // only while marked or write-locked, as in RwLock3
                writerWake.await(w);
            }
            sleepers.decrementAndGet();
            s = state.getOpaque();
        }
    }

    /** Releases the write lock (taken by {@link #writeLock()} or {@link #upgrade()}); wakes only if someone sleeps. */
    public void writeUnlock() {
        if (state.getOpaque() != WRITE_LOCKED || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("writeUnlock() by a thread that does not hold the write lock");
        }
        writer = null;
        state.set(0); // volatile, not just release: it must come before our read of sleepers
        if (sleepers.get() != 0) {
            bumpAndWake(writerWake);
            state.wakeAll();
        }
    }

    private void sleepOnState(int s) {
        sleepers.incrementAndGet(); // volatile: announced before the futex compares the word
        state.await(s);
        sleepers.decrementAndGet();
    }

    private static void bumpAndWake(Futex counter) {
        counter.getAndAddRelease(1); // release: a sleeper that sees the bump also sees the state we left
        counter.wake(1);
    }

    private void checkUpgrader() {
        int s = state.getOpaque();
        if (s == WRITE_LOCKED || (s & UPGRADEABLE) == 0 || upgrader != Thread.currentThread()) {
            throw new IllegalMonitorStateException("the calling thread does not hold the upgradeable read lock");
        }
    }

    /** The word readers (and would-be upgraders) sleep on. */
    public Futex state() {
        return state;
    }

    /** The word writers sleep on. */
    public Futex writerWake() {
        return writerWake;
    }

    /** The word an upgrading thread sleeps on. */
    public Futex upgradeWake() {
        return upgradeWake;
    }
}
