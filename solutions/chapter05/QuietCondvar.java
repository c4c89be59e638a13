package chapter05;

import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 5.2 — Skip the wake when nobody waits.
 *
 * <p>Goal: exercise 5.1's condition variable, but a signal with nobody waiting costs nothing: no
 * futex call at all. Most signals in real programs find no waiter (a producer signals "not empty"
 * on every put, though consumers rarely sleep). Chapter 5, "Counting the waiters", explains how a
 * waiter can announce itself safely: while it still holds the mutex.
 *
 * <p>Contract: that of {@link CounterCondvar}, plus
 * <ul>
 *   <li>{@link #signal()} and {@link #signalAll()} make no futex call when no thread is waiting
 *       (the grader reads {@link Futex#counters()}).</li>
 * </ul>
 */
public final class QuietCondvar {
    private final Mutex2 mutex;
    private final Futex counter;

    /** A condition of {@code mutex} counting signals on {@code counter}. */
    public QuietCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** Releases the mutex, sleeps until a signal, takes the mutex again. */
    public void await() {
        // TODO 5.2: count yourself in (before unlocking), wait as in 5.1, count yourself out
        throw new NotDoneYet("5.2");
    }

    /** Wakes one waiter; no futex call if nobody waits. */
    public void signal() {
        // TODO 5.2
        throw new NotDoneYet("5.2");
    }

    /** Wakes every waiter; no futex call if nobody waits. */
    public void signalAll() {
        // TODO 5.2
        throw new NotDoneYet("5.2");
    }
}
