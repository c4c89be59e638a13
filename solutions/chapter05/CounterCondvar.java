package chapter05;

import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 5.1 — A condition variable on a counter.
 *
 * <p>Goal: the smallest correct condition variable: one futex word counting signals. A signal
 * changes the word and wakes; a waiter sleeps only while the word still holds what it read.
 * Chapter 5, "A counter to sleep on" and "The window between unlock and sleep", explains why the
 * waiter must read the counter <em>before</em> it unlocks the mutex.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #await()} is called with {@code mutex} held. It releases the mutex, sleeps until a
 *       signal (it may also return without one: callers loop on their condition), and returns
 *       with the mutex held again.</li>
 *   <li>{@link #signal()} wakes at least one waiter if there is one; {@link #signalAll()} wakes
 *       every thread waiting at the time.</li>
 *   <li>No signal may be lost, including one that comes after the waiter's unlock and before its
 *       sleep. Waiters sleep on the futex; they do not spin.</li>
 *   <li>The counter may start at any value, and wraps around at 2<sup>32</sup>.</li>
 * </ul>
 */
public final class CounterCondvar {
    private final Mutex2 mutex;
    private final Futex counter;

    /** A condition of {@code mutex} counting signals on {@code counter}. */
    public CounterCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** Releases the mutex, sleeps until a signal, takes the mutex again. */
    public void await() {
        // TODO 5.1: read the counter (while you still hold the mutex!), unlock, sleep while it holds that value, relock
        throw new NotDoneYet("5.1");
    }

    /** Wakes one waiter. */
    public void signal() {
        // TODO 5.1: change the counter, then wake one
        throw new NotDoneYet("5.1");
    }

    /** Wakes every waiter. */
    public void signalAll() {
        // TODO 5.1
        throw new NotDoneYet("5.1");
    }
}
