package org.syncbook.lock;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import org.syncbook.futex.Futex;
import org.syncbook.futex.Futexes;

/**
 * Chapter 5, the last step: {@link Condvar3} as a {@link Condition} of a {@link FutexMutex}
 * ({@link FutexMutex#newCondition()}), with the {@code java.util.concurrent} contract: every method
 * needs the mutex held ({@link IllegalMonitorStateException} otherwise), every wait gives the mutex
 * back before it returns or throws, and waits may end spuriously, so callers loop on their condition.
 *
 * <table>
 *   <caption>State (as in {@link Condvar2})</caption>
 *   <tr><th>field</th><th>meaning</th></tr>
 *   <tr><td>counter (futex word)</td><td>signals so far, mod 2<sup>32</sup></td></tr>
 *   <tr><td>waiters</td><td>threads between "about to wait" and "woke up"</td></tr>
 * </table>
 *
 * <p>Interrupts: a waiter interrupted before it sleeps, or while it sleeps, relocks and throws
 * {@link InterruptedException}. If a signal came meanwhile, the interrupted waiter may have taken
 * it, so it passes one wake on to another waiter (the {@link Condition} Javadoc asks exactly this of
 * an implementation that prefers the interrupt). Timeouts are measured on {@link System#nanoTime()}.
 */
public final class FutexCondition implements Condition {
    private final FutexMutex mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    /** A condition of {@code mutex} on a fresh futex of the mutex's back end. */
    FutexCondition(FutexMutex mutex) {
        this(mutex, Futexes.create(0, mutex.word().backend()));
    }

    /** A condition of {@code mutex} counting on {@code counter} (any value: tests start it just below the wrap-around). */
    FutexCondition(FutexMutex mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    // tag::wait[]
    /** Sleeps for at most {@code nanos} (forever if {@code Long.MAX_VALUE}); returns the nanoseconds left. */
    private long sleep(long nanos, boolean interruptible) throws InterruptedException {
        checkHeld();
        if (interruptible && Thread.interrupted()) {
            throw new InterruptedException(); // still holding the mutex, as AbstractQueuedSynchronizer does
        }
        long start = System.nanoTime();
        waiters.incrementAndGet(); // under the mutex, as in Condvar2 (volatile: Java has no relaxed add)
        int seen = counter.getOpaque(); // before unlocking: a later signal changes it (Condvar1)
        mutex.unlock();
        InterruptedException interrupted = null;
        try {
            if (!interruptible) {
                counter.await(seen);
            } else if (nanos == Long.MAX_VALUE) {
                counter.awaitInterruptibly(seen);
            } else {
                counter.awaitInterruptibly(seen, nanos, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            interrupted = e;
        }
        waiters.decrementAndGet();
        mutex.lockAfterWait(); // swaps in 2: requeued waiters may sleep on the mutex word (Condvar3)
        if (interrupted != null) {
            if (counter.getOpaque() != seen) {
                counter.wake(1); // a signal came: it may have been ours, pass it on
            }
            throw interrupted;
        }
        return nanos - (System.nanoTime() - start); // no overflow: the time spent is small and positive
    }
    // end::wait[]

    @Override
    public void await() throws InterruptedException {
        sleep(Long.MAX_VALUE, true);
    }

    @Override
    public void awaitUninterruptibly() {
        try {
            sleep(Long.MAX_VALUE, false); // the futex ignores interrupts and leaves the flag set
        } catch (InterruptedException impossible) {
            throw new AssertionError("an uninterruptible wait threw InterruptedException", impossible);
        }
    }

    /** Waits at most {@code nanosTimeout}; a value of 0 or less returns at once, after the checks, without unlocking. */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        if (nanosTimeout <= 0) {
            checkHeld();
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            return nanosTimeout;
        }
        return sleep(nanosTimeout, true);
    }

    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitNanos(unit.toNanos(time)) > 0;
    }

    /** Waits until {@code deadline} on the wall clock, converted once to a wait on the monotonic clock. */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        awaitNanos(TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis()));
        return System.currentTimeMillis() < deadline.getTime();
    }

    // tag::signal[]
    @Override
    public void signal() {
        checkHeld();
        if (waiters.getOpaque() > 0) { // opaque: a waiter's increment reached us through the mutex
            counter.getAndAddRelease(1); // atomic add; release is IntWord's weakest
            counter.wake(1);
        }
    }

    @Override
    public void signalAll() {
        checkHeld();
        if (waiters.getOpaque() > 0) {
            int now = counter.getAndAddRelease(1) + 1;
            // wake one, move the rest onto the mutex word (Condvar3); signallers hold the mutex, so the
            // counter still holds `now` and the compare succeeds; if it ever did not, waking all is correct
            if (counter.cmpRequeue(now, 1, mutex.word(), Integer.MAX_VALUE) == Futex.VALUE_CHANGED) {
                counter.wakeAll();
            }
        }
    }
    // end::signal[]

    private void checkHeld() {
        if (!mutex.isHeldByCurrentThread()) {
            throw new IllegalMonitorStateException(Thread.currentThread().getName() + " does not hold this condition's mutex");
        }
    }

    /** The counter's futex, so a test or notebook can read its calls. */
    public Futex word() {
        return counter;
    }
}
