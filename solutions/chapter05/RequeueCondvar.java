package chapter05;

import org.syncbook.futex.Futex;
import org.syncbook.lock.Mutex2;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 5.3 — A broadcast without a herd.
 *
 * <p>Goal: exercise 5.2's condition variable whose {@link #signalAll()} wakes one waiter and moves
 * the others onto the mutex's futex word with one {@link Futex#cmpRequeue} call, so that they wake
 * one at a time as the mutex is handed on, instead of all at once to find it taken. Chapter 5,
 * "The thundering herd" and "Requeue", explains it, and why a woken waiter must then relock the
 * mutex the way a contended locker does ({@link Mutex2}'s word: 0 free, 1 locked, 2 locked and
 * others may sleep).
 *
 * <p>Contract: that of {@link QuietCondvar}, plus
 * <ul>
 *   <li>{@link #signalAll()} with waiters makes one requeue call and no wake call (unless another
 *       signal changed the counter in between).</li>
 *   <li>Every requeued waiter eventually gets the mutex; of the threads a broadcast lets go, at
 *       most one has to sleep again on the mutex word.</li>
 *   <li>{@code signalAll()} may be called with or without the mutex held.</li>
 * </ul>
 */
public final class RequeueCondvar {
    private final Mutex2 mutex;
    private final Futex counter;

    /** A condition of {@code mutex} counting signals on {@code counter}; both futexes have the same back end. */
    public RequeueCondvar(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** Releases the mutex, sleeps until a signal, takes the mutex again. */
    public void await() {
        // TODO 5.3: as in 5.2, but relock so that the mutex word says 2 while you hold it (see mutex.word())
        throw new NotDoneYet("5.3");
    }

    /** Wakes one waiter; no futex call if nobody waits. */
    public void signal() {
        // TODO 5.3
        throw new NotDoneYet("5.3");
    }

    /** Wakes one waiter and requeues the rest onto the mutex word; no futex call if nobody waits. */
    public void signalAll() {
        // TODO 5.3: change the counter, then cmpRequeue(new value, 1, mutex.word(), Integer.MAX_VALUE)
        throw new NotDoneYet("5.3");
    }
}
