package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 3.3 — A countdown on one futex word.
 *
 * <p>Goal: {@link java.util.concurrent.CountDownLatch} in 32 bits. Threads wait until
 * {@link #countDown()} has been called {@code count} times. The count and the fact that someone
 * waits must share the one word a futex can sleep on; chapter 3, "A countdown", shows one
 * encoding (a bit for "someone waits", the rest for the count), and why a {@code countDown} that
 * changes the word under a sleeping thread does no harm.
 *
 * <p>Contract:
 * <ul>
 *   <li>The constructor stores the count in the futex word you are given (it is done for you).</li>
 *   <li>{@link #countDown()} counts one down; once the count is zero, further calls do nothing.
 *       Only the call that reaches zero may wake anyone, with one wake call for all waiters; and
 *       not even that one if nobody waits. (The grader counts: "your countdown sent 1000 wakes with
 *       nobody waiting; it should send none".)</li>
 *   <li>{@link #await()} returns once the count is zero, at once if it is; otherwise it sleeps on
 *       the word, burning no CPU, and does not return early. No wake-up may be lost.</li>
 *   <li>{@link #count()} is the count still missing (0 when open).</li>
 *   <li>Any number of threads may count down and wait at the same time.</li>
 * </ul>
 */
public final class FutexCountdown {
    private final Futex word;

    /** A countdown from {@code count} (0 or more) on {@code word}. */
    public FutexCountdown(Futex word, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("a countdown starts at 0 or more, not " + count);
        }
        this.word = word;
        word.set(count); // you may change how the count is stored, as long as all state is in the word
    }

    /** Counts one down; the call that reaches zero wakes every waiter. */
    public void countDown() {
        // TODO 3.3: a compare-and-set loop that stops at zero; wake only on reaching zero, only if someone waits
        throw new NotDoneYet("3.3");
    }

    /** Returns once the count is zero. */
    public void await() {
        // TODO 3.3: announce yourself in the word, then sleep on exactly the value you announced
        throw new NotDoneYet("3.3");
    }

    /** The count still missing. */
    public int count() {
        // TODO 3.3
        throw new NotDoneYet("3.3");
    }
}
