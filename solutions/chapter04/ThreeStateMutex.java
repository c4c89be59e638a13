package chapter04;

import org.syncbook.futex.Futex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 4.2 — A mutex in three states.
 *
 * <p>Goal: exercise 4.1's mutex, but an {@link #unlock()} that nobody waits for makes no system call.
 * A third state says "locked, and someone may be asleep". Chapter 4, "Three states", builds it,
 * draws its state diagram and shows the two places where a plausible version loses a wake-up.
 *
 * <p>Contract:
 * <ul>
 *   <li>The whole state is the futex word you are given, which holds 0 at first:
 *       0 unlocked, 1 locked and nobody waits, 2 locked and someone may be waiting.</li>
 *   <li>Mutual exclusion, sleeping waiters and no lost wake-ups, as in exercise 4.1.</li>
 *   <li>An uncontended {@link #lock()} and {@link #unlock()} make no futex call at all: the grader
 *       reads {@link Futex#counters()}.</li>
 *   <li>The grader also model-checks your mutex: Lincheck runs three threads through lock and
 *       unlock in many different interleavings, and if one of them leaves a thread asleep for good
 *       it shows you that interleaving, step by step.</li>
 * </ul>
 */
public final class ThreeStateMutex {
    private final Futex word;

    /** A mutex on {@code word}, which holds 0 (unlocked). */
    public ThreeStateMutex(Futex word) {
        this.word = word;
    }

    /** Takes the lock; marks it contended before sleeping. */
    public void lock() {
        // TODO 4.2: try 0 -> 1 first. If that fails, make the word say 2 before every sleep, and
        //  remember that the thread that finally takes the lock cannot know whether others still sleep
        throw new NotDoneYet("4.2");
    }

    /** Releases the lock; wakes one sleeper only if the word said someone may sleep. */
    public void unlock() {
        // TODO 4.2: release and learn the old state in one atomic step; wake only if it was 2
        throw new NotDoneYet("4.2");
    }
}
