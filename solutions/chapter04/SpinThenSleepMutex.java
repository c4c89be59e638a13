package chapter04;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 4.3 — Spin a little, then sleep.
 *
 * <p>Goal: exercise 4.2's mutex, but a thread that finds the lock taken first spins for a bounded
 * number of rounds, hoping the holder lets go soon, and only then sleeps. Chapter 4, "Spin, then
 * sleep", explains when that pays, and why the spin should watch for state 1 only.
 *
 * <p>Contract:
 * <ul>
 *   <li>The word's states are those of exercise 4.2 (0, 1, 2), and everything exercise 4.2
 *       promises still holds: exclusion, no lost wake-up, no futex call when uncontended.</li>
 *   <li>{@code spins} is the budget: at most that many looks at the word (with
 *       {@link Thread#onSpinWait()} between them) before the thread sleeps. With a budget of 0 it
 *       sleeps at once, like exercise 4.2. A negative budget is refused with
 *       {@link IllegalArgumentException}.</li>
 *   <li>Once the budget is spent, the waiter sleeps: the grader holds the lock for a while and
 *       reads the waiting thread's CPU time.</li>
 * </ul>
 */
public final class SpinThenSleepMutex {
    private final Futex word;
    private final int spins;

    /** A mutex on {@code word} (which holds 0) that spins at most {@code spins} times before sleeping. */
    public SpinThenSleepMutex(Futex word, int spins) {
        // TODO 4.3: refuse a negative budget
        this.word = word;
        this.spins = spins;
    }

    /** Takes the lock: the fast path, then a bounded spin, then sleep as in exercise 4.2. */
    public void lock() {
        // TODO 4.3: after a failed 0 -> 1, spin while the word holds 1 (not 2!) and the budget lasts,
        //  try 0 -> 1 once more, then fall back to exercise 4.2's loop
        throw new NotDoneYet("4.3");
    }

    /** Releases the lock, as in exercise 4.2. */
    public void unlock() {
        // TODO 4.3
        throw new NotDoneYet("4.3");
    }
}
