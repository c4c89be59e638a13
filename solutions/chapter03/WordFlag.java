package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.sys.Flag;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 3.1 — A flag on a futex word.
 *
 * <p>Goal: chapter 1's sleeping flag again, this time with nothing between you and the kernel but
 * a 32-bit word. Chapter 3, "A word to sleep on", shows the loop; "Lost wake-ups" and "Spurious
 * wake-ups" show the two ways to get it wrong.
 *
 * <p>Contract:
 * <ul>
 *   <li>The whole state lives in the futex word you are given, which holds 0 (down) at first:
 *       {@link #raise()} stores 1 in it and wakes every thread asleep on it.</li>
 *   <li>{@link #awaitRaised()} returns once the flag is up, at once if it already is. While the flag
 *       is down it sleeps on the word ({@link Futex#awaitInterruptibly(int)}), burning no CPU.</li>
 *   <li>No wake-up is lost: a raise that comes between your waiter's last look at the word and its
 *       sleep must still let it through. (Why does the futex make that easy, if the condition is
 *       the word itself?)</li>
 *   <li>A futex wait may return although nobody raised the flag (a spurious wake-up): your waiter
 *       must then go back to sleep, not return.</li>
 *   <li>An interrupted waiter stops waiting and throws {@link InterruptedException}.</li>
 * </ul>
 *
 * <p>The grader gives you futexes of both back ends (the Linux system call on an off-heap word, and
 * the portable one on a heap word) and reads their counters, so use the one you are given.
 */
public final class WordFlag implements Flag {
    private final Futex word;

    /** A flag on {@code word}, which holds 0. */
    public WordFlag(Futex word) {
        this.word = word;
    }

    @Override
    public void raise() {
        // TODO 3.1: store 1 in the word (which memory order?), then wake every sleeper
        throw new NotDoneYet("3.1");
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        // TODO 3.1: while the word holds 0, sleep on it, expecting 0
        throw new NotDoneYet("3.1");
    }

    @Override
    public boolean isRaised() {
        // TODO 3.1
        throw new NotDoneYet("3.1");
    }
}
