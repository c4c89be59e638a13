package chapter04;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 4.1 — A mutex in two states.
 *
 * <p>Goal: the simplest correct mutex on a futex word. Chapter 4, "Two states", builds it and
 * explains why {@link #unlock()} must wake someone every time.
 *
 * <p>Contract:
 * <ul>
 *   <li>The whole state is the futex word you are given: 0 unlocked, 1 locked. It holds 0 at first.</li>
 *   <li>{@link #lock()} returns once the calling thread holds the lock; no two threads ever hold it
 *       at once (the grader counts with a plain, unprotected counter under your lock).</li>
 *   <li>While the lock is taken, {@code lock()} sleeps on the word: no spinning (the grader reads
 *       the waiting thread's CPU time).</li>
 *   <li>No wake-up is lost, including an unlock that lands between a waiter's look at the word and
 *       its sleep. (Which value must the sleep expect, so that the futex sees that unlock?)</li>
 *   <li>{@link #unlock()} is only called by the thread that holds the lock; it need not check.</li>
 * </ul>
 *
 * <p>The grader gives you futexes of both back ends (the Linux system call on an off-heap word, and
 * the portable one on a heap word): use the one you are given.
 */
public final class TwoStateMutex {
    private final Futex word;

    /** A mutex on {@code word}, which holds 0 (unlocked). */
    public TwoStateMutex(Futex word) {
        this.word = word;
    }

    /** Takes the lock, sleeping while another thread holds it. */
    public void lock() {
        // TODO 4.1: take the lock in one atomic step (0 -> 1, acquire); while that fails, sleep expecting 1
        throw new NotDoneYet("4.1");
    }

    /** Releases the lock and wakes a sleeper. */
    public void unlock() {
        // TODO 4.1: store 0 (which memory order?), then wake one sleeper
        throw new NotDoneYet("4.1");
    }
}
