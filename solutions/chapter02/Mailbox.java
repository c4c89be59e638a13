package chapter02;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.syncbook.pthread.PthreadCond;
import org.syncbook.pthread.PthreadMutex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 2.4 — A wait loop that survives spurious wake-ups.
 *
 * <p>Goal: a mailbox for one {@code long}: {@link #put} waits while it is full, {@link #take} while it
 * is empty. The mutex and condition variable are given (the workbook's {@link PthreadMutex} and
 * {@link PthreadCond}); what you write is how threads wait on them. Chapter 2, "Condition variables"
 * and "The wait loop", explains the two rules this exercise checks.
 *
 * <p>Contract:
 * <ul>
 *   <li>All state (the value, whether the box is full) is read and written with {@code mutex} held:
 *       {@code try (Held held = mutex.lock()) { ... }}.</li>
 *   <li>Waiters wait on {@code changed}, and every change is signalled on it. Takers and putters share
 *       that one condition variable.</li>
 *   <li>A wait may end although nothing changed (a spurious wake-up, or a wake-up meant for another
 *       thread): {@code put} never overwrites a value nobody took, {@code take} never returns from an
 *       empty box. The grader sends such wake-ups on purpose.</li>
 *   <li>{@link #take(long, TimeUnit)} returns empty once its timeout has passed, however many wake-ups
 *       arrive in between, and the value if one comes in time. A negative timeout throws
 *       {@link IllegalArgumentException}.</li>
 *   <li>A waiting thread sleeps: it burns (almost) no CPU.</li>
 * </ul>
 */
public final class Mailbox {
    private final PthreadMutex mutex;
    private final PthreadCond changed;

    /** A mailbox guarded by {@code mutex}; {@code changed} was made by {@code mutex.newCondition()}. */
    public Mailbox(PthreadMutex mutex, PthreadCond changed) {
        this.mutex = mutex;
        this.changed = changed;
    }

    /** Waits while the box is full, then leaves {@code value} in it. */
    public void put(long value) throws InterruptedException {
        // TODO 2.4: with the mutex held, wait on `changed` while the box is full; then fill it and tell everyone
        throw new NotDoneYet("2.4");
    }

    /** Waits while the box is empty, then empties it and returns the value. */
    public long take() throws InterruptedException {
        // TODO 2.4
        throw new NotDoneYet("2.4");
    }

    /** Waits at most {@code timeout} for a value; empty if none came in time. */
    public OptionalLong take(long timeout, TimeUnit unit) throws InterruptedException {
        // TODO 2.4: one deadline for the whole wait, however many times the thread wakes up
        throw new NotDoneYet("2.4");
    }
}
