package chapter03;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 3.2 — An event that keeps quiet.
 *
 * <p>Goal: a one-shot event (a latch of one) whose {@link #set()} makes no system call at all when
 * nobody waits, which is the common case for a latch that is set before anyone looks. The flag of
 * exercise 3.1 pays for a wake on every raise; here the waiters must say in the word that they are
 * about to sleep, and {@code set()} wakes only if someone said so. Chapter 3, "Waking only when
 * someone sleeps", explains the idea; choose your own encoding of the word and write it down at the
 * top of the class, as the chapter does.
 *
 * <p>Contract:
 * <ul>
 *   <li>The futex word you are given holds 0 at first; all the event's state lives in it.</li>
 *   <li>{@link #set()} sets the event for good and lets every waiter go. With nobody waiting, it
 *       makes no futex call (the grader reads {@link Futex#counters()}).</li>
 *   <li>{@link #await()} returns once the event is set, at once (and without a futex call) if it
 *       already is; otherwise it sleeps on the word. No wake-up may be lost, including a
 *       {@code set()} that lands between a waiter's announcement and its sleep.</li>
 *   <li>{@link #isSet()} says whether the event was set.</li>
 * </ul>
 */
public final class QuietEvent {
    private final Futex word;

    /** An event on {@code word}, which holds 0. */
    public QuietEvent(Futex word) {
        this.word = word;
    }

    /** Sets the event and lets every waiter go; no futex call if nobody waits. */
    public void set() {
        // TODO 3.2: mark the event set; wake only if a waiter announced itself
        throw new NotDoneYet("3.2");
    }

    /** Returns once the event is set. */
    public void await() {
        // TODO 3.2: announce that you are going to sleep (atomically!), then sleep on what you announced
        throw new NotDoneYet("3.2");
    }

    /** Whether the event has been set. */
    public boolean isSet() {
        // TODO 3.2
        throw new NotDoneYet("3.2");
    }
}
