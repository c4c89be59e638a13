package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 3.4 — A wait with a deadline.
 *
 * <p>Goal: wait until a word holds the value you want, but no longer than a deadline, and say which
 * of the two happened. Chapter 3, "Timeouts and deadlines", explains why a loop around a timed
 * futex wait needs an absolute deadline rather than a timeout, and which value each sleep must
 * expect.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #set(int)} stores a value in the futex word you are given and wakes every waiter.</li>
 *   <li>{@link #awaitValue(int, long)} returns {@code true} as soon as the word holds {@code wanted}
 *       (at once, with no futex call, if it already does, even when the deadline has passed), and
 *       {@code false} once the deadline has passed without it. The deadline is a
 *       {@link System#nanoTime()} reading, which on Linux is the clock
 *       ({@code CLOCK_MONOTONIC}) that {@link Futex#awaitUntil} takes.</li>
 *   <li>It never returns {@code false} before the deadline, and returns soon after it, however
 *       many wake-ups (real or spurious) arrive in between.</li>
 *   <li>While the word holds some other value, the waiter sleeps: no spinning, even when the word
 *       changes to values it does not want.</li>
 * </ul>
 */
public final class ValueWait {
    private final Futex word;

    /** Waits on {@code word}, whatever it holds now. */
    public ValueWait(Futex word) {
        this.word = word;
    }

    /** Stores {@code value} and wakes every waiter. */
    public void set(int value) {
        // TODO 3.4
        throw new NotDoneYet("3.4");
    }

    /** Waits until the word holds {@code wanted} ({@code true}) or {@code deadline} passes ({@code false}). */
    public boolean awaitValue(int wanted, long deadline) {
        // TODO 3.4: check the value, then the clock, then sleep until the deadline expecting what you just read
        throw new NotDoneYet("3.4");
    }
}
