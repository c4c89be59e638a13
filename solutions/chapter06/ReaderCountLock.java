package chapter06;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 6.1 — A reader count and a writer marker in one word.
 *
 * <p>Goal: the simplest reader–writer lock that sleeps instead of spinning. One futex word counts
 * the readers inside; one value that no count reaches says "a writer holds it". Chapter 6,
 * "Readers count, a writer marks", shows the state table and why readers never have to wait for
 * each other.
 *
 * <p>Contract:
 * <ul>
 *   <li>All of the lock's state lives in the futex word you are given, which holds 0 (free).</li>
 *   <li>{@link #readLock()} lets any number of readers in together, but none while a writer holds
 *       the lock; {@link #writeLock()} lets one writer in, and only when nobody (reader or writer)
 *       is inside. Waiting threads sleep on the word: no spinning.</li>
 *   <li>No wake-up is lost: the last reader out must wake a sleeping writer, and a writer's unlock
 *       must wake the readers and writers asleep behind it.</li>
 *   <li>{@link #readUnlock()} without a read lock held, and {@link #writeUnlock()} by a thread
 *       that does not hold the write lock, throw {@link IllegalMonitorStateException} and change
 *       nothing.</li>
 *   <li>Memory: what a writer wrote before {@code writeUnlock()} is seen by the next reader or
 *       writer to come in, and what readers read happens before the next writer writes (choose
 *       acquire and release orderings, and say why in a comment).</li>
 * </ul>
 */
public final class ReaderCountLock {
    private final Futex state;

    /** A lock on {@code state}, which holds 0. */
    public ReaderCountLock(Futex state) {
        this.state = state;
    }

    /** Takes a read lock: waits while a writer holds the lock. */
    public void readLock() {
        // TODO 6.1: compare-and-exchange the count up by one; sleep on the word while it holds the writer's marker
        throw new NotDoneYet("6.1");
    }

    /** Releases a read lock; the last reader out wakes a sleeping writer. */
    public void readUnlock() {
        // TODO 6.1: count down (refuse if no reader is inside); wake one sleeper if you were the last reader
        throw new NotDoneYet("6.1");
    }

    /** Takes the write lock: waits until nobody holds the lock. */
    public void writeLock() {
        // TODO 6.1: compare-and-exchange 0 to the marker; otherwise sleep on the value you saw
        throw new NotDoneYet("6.1");
    }

    /** Releases the write lock and wakes every sleeper. */
    public void writeUnlock() {
        // TODO 6.1: check that the caller holds it, store 0, wake everyone
        throw new NotDoneYet("6.1");
    }
}
