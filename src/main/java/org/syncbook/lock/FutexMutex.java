package org.syncbook.lock;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * Chapter 4, the last step: {@link Mutex3} as a {@link Lock}, with a configurable spin, an owner
 * (unlocking a lock the thread does not hold throws {@link IllegalMonitorStateException}),
 * interruptible and timed acquisition, and a {@link Guard} for try-with-resources:
 * {@code try (FutexMutex.Guard held = mutex.guard()) { ... }}. Not reentrant.
 *
 * <table>
 *   <caption>The futex word (as in {@link Mutex2})</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked</td></tr>
 *   <tr><td>1</td><td>locked, nobody waits</td></tr>
 *   <tr><td>2</td><td>locked, and other threads may be waiting</td></tr>
 * </table>
 *
 * <p>{@link #newCondition()} gives a {@link FutexCondition}, chapter 5's condition variable.
 */
public final class FutexMutex implements Lock {
    /** What {@link #guard()} returns: closing it unlocks. */
    @FunctionalInterface
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * The spin budget of {@link #FutexMutex(Futex)}: 10 looks at the word, with 1, 2, 4 ... 64
     * pauses ({@link Thread#onSpinWait()}) between them, about 320 pauses in all.
     */
    public static final int DEFAULT_SPINS = 10;
    private static final int MAX_PAUSES = 64;
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;
    private static final int CONTENDED = 2;

    private final Futex word;
    private final int spins;
    private final Guard guard = this::unlock; // one per mutex: guard() allocates nothing
    // Plain field. Only the holder writes it: its own thread after acquiring, null before releasing.
    // A thread can therefore read itself here only if it wrote that itself and has not cleared it
    // since (its own writes are in program order), i.e. only while it holds the lock; any other
    // value, stale or not, means "not you". References are never torn, so no volatile is needed.
    private Thread owner;

    /** A mutex on {@code word} (which must hold 0) that spins {@code spins} times before sleeping. */
    public FutexMutex(Futex word, int spins) {
        if (word.get() != UNLOCKED || spins < 0) {
            throw new IllegalArgumentException("need a word holding 0 and spins >= 0, got " + word.get() + ", " + spins);
        }
        this.word = word;
        this.spins = spins;
    }

    /** A mutex on {@code word} with the default spin; {@link #FutexMutex(FutexBackend)} on a fresh futex. */
    public FutexMutex(Futex word) {
        this(word, DEFAULT_SPINS);
    }

    public FutexMutex(FutexBackend backend) {
        this(Futexes.create(UNLOCKED, backend));
    }

    // tag::lock[]
    @Override
    public void lock() {
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED && !spin(LOCKED)) { // acquire, as in Mutex2
            while (word.getAndSet(CONTENDED) != UNLOCKED) { // volatile swap: 0 means ours (marked contended)
                word.await(CONTENDED);
                if (spin(CONTENDED)) { // woken: spin again before sleeping again
                    break;
                }
            }
        }
        owner = Thread.currentThread();
    }

    @Override
    public void unlock() {
        if (owner != Thread.currentThread()) {
            throw new IllegalMonitorStateException(Thread.currentThread().getName() + " does not hold this mutex");
        }
        owner = null; // before the release: the next holder's write cannot be overwritten by ours
        // volatile swap where release would do: HotSpot makes a release swap a load and a CAS loop
        // (Unsafe.getAndSetIntRelease), a volatile one a single xchg on x86, about 1 ns faster
        if (word.getAndSet(UNLOCKED) == CONTENDED) {
            word.wake(1);
        }
    }
    // end::lock[]

    /**
     * Spins while the word holds 1 (at 2 others sleep already), then tries once to take the lock
     * as {@code mark}: 1 before the first sleep, 2 after every wake-up (others may still sleep, and
     * only a 2 makes our unlock wake them). Spinning after a wake-up too keeps a woken thread from
     * going straight back to sleep behind a holder that is about to leave. True if it took the lock.
     *
     * <p>The pauses between looks double: every look pulls the word's cache line to this CPU, and
     * the holder's next atomic operation must then fetch it back, so a spinner that looks all the
     * time slows down the very holder it waits for (two threads on two CPUs: about 3x, measured).
     */
    private boolean spin(int mark) {
        for (int i = 0, pauses = 1; i < spins && word.getOpaque() == LOCKED; i++) { // opaque: watching only
            for (int p = 0; p < pauses; p++) {
                Thread.onSpinWait();
            }
            pauses = Math.min(2 * pauses, MAX_PAUSES);
        }
        return word.compareAndExchangeAcquire(UNLOCKED, mark) == UNLOCKED;
    }

    @Override
    public void lockInterruptibly() throws InterruptedException {
        if (!tryLock(Long.MAX_VALUE, TimeUnit.NANOSECONDS)) {
            throw new AssertionError("an untimed wait timed out");
        }
    }

    @Override
    public boolean tryLock() {
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED) {
            return false;
        }
        owner = Thread.currentThread();
        return true;
    }

    /** Waits at most {@code timeout}, on the monotonic clock ({@link System#nanoTime()}); {@code Long.MAX_VALUE} nanoseconds waits forever. */
    // tag::timed[]
    @Override
    public boolean tryLock(long timeout, TimeUnit unit) throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        long nanos = Math.max(0, unit.toNanos(timeout)); // below 0: only try (now + MIN_VALUE would overflow)
        long deadline = System.nanoTime() + nanos; // may overflow for "forever": only used when finite
        if (word.compareAndExchangeAcquire(UNLOCKED, LOCKED) != UNLOCKED && !spin(LOCKED)) {
            while (word.getAndSet(CONTENDED) != UNLOCKED) { // every wake-up tries before giving up
                long left = nanos == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
                if (left <= 0) {
                    return false; // the word says 2, so the holder's unlock still wakes a sleeper
                }
                try {
                    if (left == Long.MAX_VALUE) {
                        word.awaitInterruptibly(CONTENDED);
                    } else {
                        word.awaitInterruptibly(CONTENDED, left, TimeUnit.NANOSECONDS);
                    }
                } catch (InterruptedException e) {
                    word.wake(1); // we may have taken a wake meant for the lock: pass it on
                    throw e;
                }
                if (spin(CONTENDED)) {
                    break;
                }
            }
        }
        owner = Thread.currentThread();
        return true;
    }
    // end::timed[]

    /** Locks, and returns a guard whose {@code close()} unlocks. */
    public Guard guard() {
        lock();
        return guard;
    }

    /** A new {@link FutexCondition} of this mutex, on a fresh futex of the same back end. */
    @Override
    public Condition newCondition() {
        return new FutexCondition(this);
    }

    /** True if the calling thread holds this mutex. */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** The futex this mutex sleeps on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }

    /**
     * Relocks after a {@link FutexCondition} wait: contended from the start, so the word says 2 while
     * this thread holds it and its unlock wakes a waiter that a broadcast requeued onto this word.
     */
    void lockAfterWait() {
        while (word.getAndSet(CONTENDED) != UNLOCKED) { // volatile swap, as in lock()
            word.await(CONTENDED);
        }
        owner = Thread.currentThread();
    }
}
