package org.syncbook.lock;

import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.IntWord;

/**
 * Chapter 4: a lock that never sleeps. A thread that finds it taken spins until it is free,
 * backing off as {@link Backoff} says. No futex: the word can be any {@link IntWord}, and no
 * call ever reaches the kernel, however contended the lock is. Good for critical sections of a
 * few instructions on a machine with a CPU per thread; wasteful (and slow) otherwise.
 *
 * <table>
 *   <caption>The word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>unlocked</td></tr>
 *   <tr><td>1</td><td>locked</td></tr>
 * </table>
 *
 * <p>Test-and-test-and-set: a waiter watches the word with plain-enough reads and tries the
 * compare-and-set only when it looks free, so waiters do not keep stealing the cache line from
 * the holder.
 */
public final class SpinLock {
    /** What a thread does between two looks at a taken lock. */
    public enum Backoff {
        /** {@link Thread#onSpinWait()} once, then look again. */
        NONE,
        /** Spin 1, 2, 4 ... up to {@value SpinLock#MAX_PAUSES} pauses between looks: fewer threads fight over the line. */
        EXPONENTIAL,
        /** Spin {@value SpinLock#YIELD_AFTER} times, then {@link Thread#yield()} between looks: lets the holder run on a busy CPU. */
        YIELD_AFTER_N
    }

    static final int MAX_PAUSES = 1024;
    static final int YIELD_AFTER = 64;
    private static final int UNLOCKED = 0;
    private static final int LOCKED = 1;

    private final IntWord word;
    private final Backoff backoff;

    /** A spin lock on {@code word}, which must hold 0 (unlocked). */
    public SpinLock(IntWord word, Backoff backoff) {
        if (word.get() != UNLOCKED) {
            throw new IllegalArgumentException("a new lock's word must hold 0 (unlocked), not " + word.get());
        }
        this.word = word;
        this.backoff = backoff;
    }

    /** A spin lock on a fresh heap word. */
    public SpinLock(Backoff backoff) {
        this(new HeapIntWord(UNLOCKED), backoff);
    }

    // tag::spin[]
    public void lock() {
        int round = 0;
        // acquire on success: the critical section cannot move above taking the lock
        while (!word.weakCompareAndSetAcquire(UNLOCKED, LOCKED)) { // weak: we retry anyway
            do {
                pause(round);
                round = Math.min(round + 1, YIELD_AFTER); // capped: no overflow, however long we wait
            } while (word.getOpaque() != UNLOCKED); // opaque: only watching, the CAS orders
        }
    }

    public boolean tryLock() {
        return word.compareAndExchangeAcquire(UNLOCKED, LOCKED) == UNLOCKED; // strong: one try
    }

    public void unlock() {
        // release: the critical section stays above this swap. Checks that the lock was held, not by whom.
        if (word.getAndSetRelease(UNLOCKED) != LOCKED) {
            throw new IllegalMonitorStateException("unlock of a spin lock that is not locked");
        }
    }
    // end::spin[]

    private void pause(int round) {
        switch (backoff) {
            case NONE -> Thread.onSpinWait();
            case EXPONENTIAL -> {
                for (int i = 1 << Math.min(round, 10); i > 0; i--) {
                    Thread.onSpinWait();
                }
            }
            case YIELD_AFTER_N -> {
                if (round < YIELD_AFTER) {
                    Thread.onSpinWait();
                } else {
                    Thread.yield();
                }
            }
        }
    }

    /** The backoff this lock uses. */
    public Backoff backoff() {
        return backoff;
    }

    /** True while some thread holds the lock (a snapshot, for tests and notebooks). */
    public boolean isLocked() {
        return word.get() == LOCKED;
    }
}
