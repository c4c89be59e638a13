package org.syncbook.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Chapter 6, the last step: {@link RwLock3} as a {@link ReadWriteLock}, with interruptible and
 * timed acquisition. Not reentrant: a thread that takes the read lock again while a writer waits
 * deadlocks with that writer, as with every step before. Neither lock has conditions
 * ({@link Lock#newCondition()} throws {@link UnsupportedOperationException}, as
 * {@code ReentrantReadWriteLock}'s read lock does).
 *
 * <table>
 *   <caption>The futex words (as in {@link RwLock3})</caption>
 *   <tr><th>word</th><th>value</th><th>meaning</th></tr>
 *   <tr><td>{@code state}</td><td>{@code 2 * readers}</td><td>held by that many readers (0: free); no writer waits</td></tr>
 *   <tr><td></td><td>{@code 2 * readers + 1}</td><td>the same, and a writer waits: new readers sleep here</td></tr>
 *   <tr><td></td><td>{@code WRITE_LOCKED} ({@code MAX_VALUE}, odd)</td><td>held by one writer; readers sleep here</td></tr>
 *   <tr><td>{@code writerWake}</td><td>any</td><td>bumped by every wake meant for a writer; writers sleep here</td></tr>
 * </table>
 *
 * <p>What is new is giving up. A reader that times out or is interrupted just leaves. A writer
 * that gives up may leave its "writer waits" mark behind, and may have taken the wake the last
 * reader meant for a writer: so it clears the mark, then wakes every reader and every writer, and
 * the writers still waiting mark the state again.
 */
public final class RwLockReadWrite implements ReadWriteLock {
    static final int WRITE_LOCKED = Integer.MAX_VALUE;

    private final Futex state;
    private final Futex writerWake;
    private final AtomicInteger sleepers = new AtomicInteger();
    private final Lock readLock = new ReadLock();
    private final Lock writeLock = new WriteLock();
    private Thread writer; // written only by the write lock's holder: reading yourself here means you hold it

    /** A lock on two distinct words; {@code state} must hold 0. */
    public RwLockReadWrite(Futex state, Futex writerWake) {
        if (state.get() != 0) {
            throw new IllegalArgumentException("a free rwlock's word holds 0, not " + state.get());
        }
        this.state = state;
        this.writerWake = writerWake;
    }

    /** A lock on two fresh futexes of {@code backend}. */
    public RwLockReadWrite(FutexBackend backend) {
        this(Futexes.create(0, backend), Futexes.create(0, backend));
    }

    /**
     * The shared view. Read holds are counted, not owned: {@code unlock()} by a thread that holds no
     * read lock throws only when no reader at all holds one, since the word keeps a count and no
     * names (the {@link Lock} contract allows this; {@code ReentrantReadWriteLock} keeps per-thread
     * counts and refuses every foreign unlock).
     */
    @Override
    public Lock readLock() {
        return readLock;
    }

    @Override
    public Lock writeLock() {
        return writeLock;
    }

    /** The word readers sleep on. */
    public Futex state() {
        return state;
    }

    /** The word writers sleep on. */
    public Futex writerWake() {
        return writerWake;
    }

    /** How a caller waits: for ever and deaf to interrupts, for ever but interruptible, or until a deadline. */
    private enum Mode { PLAIN, INTERRUPTIBLE, TIMED }

    /** One sleep on {@code word} while it holds {@code expected}; false if the deadline has passed. */
    private static boolean sleep(Futex word, int expected, Mode mode, long deadline) throws InterruptedException {
        switch (mode) {
            case PLAIN:
                word.await(expected);
                return true;
            case INTERRUPTIBLE:
                word.awaitInterruptibly(expected);
                return true;
            default:
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                word.awaitInterruptibly(expected, left, TimeUnit.NANOSECONDS);
                return true;
        }
    }

    private boolean tryRead() {
        int s = state.getOpaque();
        while ((s & 1) == 0) { // even: no writer holds it or waits
            if (s > WRITE_LOCKED - 3) {
                throw new IllegalStateException("too many readers");
            }
            int seen = state.compareAndExchangeAcquire(s, s + 2); // acquire: see what the last writer wrote
            if (seen == s) {
                return true;
            }
            s = seen;
        }
        return false;
    }

    private boolean read(Mode mode, long deadline) throws InterruptedException {
        while (!tryRead()) {
            int s = state.getOpaque();
            if ((s & 1) == 0) {
                continue;
            }
            sleepers.incrementAndGet(); // volatile: announced before the futex compares the word
            try {
                if (!sleep(state, s, mode, deadline)) {
                    return false; // a reader leaves nothing behind
                }
            } finally {
                sleepers.decrementAndGet();
            }
        }
        return true;
    }

    private void readUnlock() {
        int s = state.getOpaque();
        while (true) {
            if (s < 2 || s == WRITE_LOCKED) {
                throw new IllegalMonitorStateException("readLock().unlock() without a read lock held");
            }
            int seen = state.compareAndExchangeRelease(s, s - 2); // release: our reads happen before a writer's writes
            if (seen == s) {
                break;
            }
            s = seen;
        }
        if (s == 3) { // we were the last reader, and a writer waits
            bumpAndWake(1);
        }
    }

    private boolean tryWrite() {
        int s = state.getOpaque();
        while (s <= 1) { // free, maybe with a writer waiting: tryLock may barge, as Lock allows
            int seen = state.compareAndExchangeAcquire(s, WRITE_LOCKED); // acquire: see what holders did before
            if (seen == s) {
                writer = Thread.currentThread();
                return true;
            }
            s = seen;
        }
        return false;
    }

    // tag::give-up[]
    private boolean write(Mode mode, long deadline) throws InterruptedException {
        while (!tryWrite()) {
            int s = state.getOpaque();
            if (s <= 1) {
                continue;
            }
            if ((s & 1) == 0 && state.compareAndExchange(s, s + 1) != s) { // mark: no new readers <1>
                continue; // no data to order with the mark: any strength would do
            }
            boolean slept = false;
            sleepers.incrementAndGet(); // volatile: announced before we look at the state
            try {
                int w = writerWake.getAcquire(); // the counter first, the state second (as in RwLock2)
                int now = state.get();
                slept = (now & 1) == 0 || now < 2 || sleep(writerWake, w, mode, deadline); // only while marked, as in RwLock3
            } catch (InterruptedException e) {
                giveUp();
                throw e;
            } finally {
                sleepers.decrementAndGet();
            }
            if (!slept) {
                giveUp();
                return false;
            }
        }
        return true;
    }

    /** A writer that stops waiting: clear its mark and let everyone look again. */
    private void giveUp() {
        int s = state.getOpaque();
        while ((s & 1) == 1 && s != WRITE_LOCKED) {
            int seen = state.compareAndExchange(s, s - 1); // volatile: before the wakes below
            if (seen == s) {
                break;
            }
            s = seen;
        }
        bumpAndWake(Integer.MAX_VALUE); // other writers mark the state again
        state.wakeAll(); // readers held back by the mark
    }
    // end::give-up[]

    private void writeUnlock() {
        if (state.getOpaque() != WRITE_LOCKED || writer != Thread.currentThread()) {
            throw new IllegalMonitorStateException("writeLock().unlock() by a thread that does not hold the write lock");
        }
        writer = null;
        state.set(0); // volatile, not just release: it must come before our read of sleepers
        if (sleepers.get() != 0) {
            bumpAndWake(1);
            state.wakeAll();
        }
    }

    private void bumpAndWake(int writers) {
        writerWake.getAndAddRelease(1); // release: a writer that sees the bump also sees the state we left
        writerWake.wake(writers);
    }

    private static long deadline(long timeout, TimeUnit unit) {
        long nanos = unit.toNanos(timeout);
        return nanos >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : System.nanoTime() + nanos; // "for ever" does not overflow
    }

    private abstract static class View implements Lock {
        abstract boolean acquire(Mode mode, long deadline) throws InterruptedException;

        @Override
        public void lock() {
            try {
                acquire(Mode.PLAIN, 0);
            } catch (InterruptedException e) {
                throw new AssertionError("a plain wait was interrupted", e);
            }
        }

        @Override
        public void lockInterruptibly() throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            acquire(Mode.INTERRUPTIBLE, 0);
        }

        @Override
        public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return acquire(Mode.TIMED, deadline(timeout, unit));
        }

        @Override
        public Condition newCondition() {
            throw new UnsupportedOperationException("RwLockReadWrite has no conditions");
        }
    }

    private final class ReadLock extends View {
        @Override boolean acquire(Mode mode, long deadline) throws InterruptedException { return read(mode, deadline); }
        @Override public boolean tryLock() { return tryRead(); }
        @Override public void unlock() { readUnlock(); }
    }

    private final class WriteLock extends View {
        @Override boolean acquire(Mode mode, long deadline) throws InterruptedException { return write(mode, deadline); }
        @Override public boolean tryLock() { return tryWrite(); }
        @Override public void unlock() { writeUnlock(); }
    }
}
