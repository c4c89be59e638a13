package chapter05;

import java.util.concurrent.TimeUnit;
import org.syncbook.futex.Futex;
import org.syncbook.lock.FutexMutex;
import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 5.4 — A condition's timed wait.
 *
 * <p>Goal: the timed and interruptible wait of {@link java.util.concurrent.locks.Condition}, on a
 * {@link FutexMutex} (which knows its owner: {@link FutexMutex#isHeldByCurrentThread()}).
 * Chapter 5, "The Condition contract", explains what each rule is for.
 *
 * <p>Contract (as {@code Condition.awaitNanos}, {@code signal}, {@code signalAll}):
 * <ul>
 *   <li>Every method throws {@link IllegalMonitorStateException} if the calling thread does not
 *       hold the mutex.</li>
 *   <li>{@link #awaitNanos(long)} releases the mutex, sleeps until a signal, an interrupt or the
 *       timeout, takes the mutex again, and returns the nanoseconds left: a positive estimate if
 *       it woke early, 0 or less if the time ran out (never before it did). A timeout of 0 or less
 *       returns at once.</li>
 *   <li>An interrupt (before or during the wait) throws {@link InterruptedException}, with the
 *       mutex held again, and a signal the thread may have taken is passed on to another waiter.</li>
 *   <li>{@link #signal()} and {@link #signalAll()} make no futex call when no thread waits.</li>
 * </ul>
 */
public final class TimedCondvar {
    private final FutexMutex mutex;
    private final Futex counter;

    /** A condition of {@code mutex} counting signals on {@code counter}. */
    public TimedCondvar(FutexMutex mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** Waits at most {@code nanosTimeout}; returns the time left (0 or less: timed out). */
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        // TODO 5.4: check the owner and the interrupt flag; wait as in 5.2, with
        // counter.awaitInterruptibly(seen, nanos, TimeUnit.NANOSECONDS); relock even when interrupted
        throw new NotDoneYet("5.4");
    }

    /** {@link #awaitNanos} in any unit; {@code false} if the time ran out. */
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitNanos(unit.toNanos(time)) > 0;
    }

    /** Wakes one waiter; no futex call if nobody waits. */
    public void signal() {
        // TODO 5.4
        throw new NotDoneYet("5.4");
    }

    /** Wakes every waiter; no futex call if nobody waits. */
    public void signalAll() {
        // TODO 5.4
        throw new NotDoneYet("5.4");
    }
}
