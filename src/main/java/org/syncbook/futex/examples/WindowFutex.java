package org.syncbook.futex.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.FutexClock;
import org.syncbook.futex.FutexCounters;
import org.syncbook.futex.WaitResult;

/**
 * A {@link Futex} that opens the window every lost wake-up hides in: the moment between a waiter's
 * last look at its condition and its sleep. Wraps another futex and adds two things:
 *
 * <ul>
 *   <li>{@link #beforeNextSleep(Runnable)}: an action that runs once, on the waiting thread, inside
 *       its next wait call and before the wait reaches the wrapped futex. An action that sets the
 *       condition and wakes puts that wake exactly into the window, every time, instead of once in
 *       a million runs.</li>
 *   <li>a bound on every sleep: a wait that would sleep longer than {@code maxSleep} is cut short
 *       and returns {@link WaitResult#WOKEN}, which the futex contract allows (a spurious wake-up).
 *       {@link #cutShort()} counts them. A wait loop that lost its wake-up then wakes after
 *       {@code maxSleep}, sees its condition, and returns: a test or a notebook can report the lost
 *       wake-up instead of hanging.</li>
 * </ul>
 *
 * <p>And {@link #beforeEachWake(Runnable)}: an action that runs on the waking thread before every
 * wake, so a test can look at the word at that moment (a wake sent before the condition changes
 * is one a waiter can sleep through).
 *
 * <p>Everything else (the word's atomic operations, requeues, PI calls, counters) goes straight to
 * the wrapped futex. Not meant for production code: it exists for tests, graders and
 * notebooks.
 */
public final class WindowFutex implements Futex {
    private final Futex inner;
    private final long maxSleepNanos;
    private final AtomicReference<Runnable> beforeSleep = new AtomicReference<>();
    private volatile Runnable beforeWake;
    private final AtomicLong cutShort = new AtomicLong();

    /** Wraps {@code inner}; no sleep lasts longer than {@code maxSleep}. */
    public WindowFutex(Futex inner, long maxSleep, TimeUnit unit) {
        if (maxSleep <= 0) {
            throw new IllegalArgumentException("maxSleep must be positive, got " + maxSleep + " " + unit);
        }
        this.inner = inner;
        this.maxSleepNanos = unit.toNanos(maxSleep);
    }

    /** Runs {@code action} once, on the next thread that waits, just before its wait reaches the futex. */
    public void beforeNextSleep(Runnable action) {
        beforeSleep.set(action);
    }

    /** Runs {@code action} on the waking thread before each wake reaches the futex; {@code null} for none. */
    public void beforeEachWake(Runnable action) {
        beforeWake = action;
    }

    /** Whether an action set by {@link #beforeNextSleep} is still waiting for a thread to wait. */
    public boolean actionPending() {
        return beforeSleep.get() != null;
    }

    /** How many waits ran into {@code maxSleep} and were cut short: each one a sleeper nobody woke in time. */
    public long cutShort() {
        return cutShort.get();
    }

    /** The futex this one wraps. */
    public Futex inner() {
        return inner;
    }

    private void window() {
        Runnable action = beforeSleep.getAndSet(null);
        if (action != null) {
            action.run();
        }
    }

    /** Maps a wait that ran into the bound (not into the caller's own deadline) to a spurious wake-up. */
    private WaitResult bounded(WaitResult r, boolean boundWasShorter) {
        if (r == WaitResult.TIMED_OUT && boundWasShorter) {
            cutShort.incrementAndGet();
            return WaitResult.WOKEN;
        }
        return r;
    }

    @Override
    public WaitResult await(int expected) {
        window();
        return bounded(inner.await(expected, maxSleepNanos, TimeUnit.NANOSECONDS), true);
    }

    @Override
    public WaitResult await(int expected, long timeout, TimeUnit unit) {
        window();
        long nanos = unit.toNanos(timeout);
        if (nanos < 0) {
            return inner.await(expected, timeout, unit); // let the wrapped futex reject it
        }
        return bounded(inner.await(expected, Math.min(nanos, maxSleepNanos), TimeUnit.NANOSECONDS), nanos > maxSleepNanos);
    }

    @Override
    public WaitResult awaitUntil(int expected, long deadline, FutexClock clock) {
        window();
        if (deadline < 0) {
            return inner.awaitUntil(expected, deadline, clock); // let the wrapped futex reject it
        }
        long now = clock == FutexClock.MONOTONIC ? System.nanoTime() : System.currentTimeMillis() * 1_000_000L;
        long bound = now + maxSleepNanos;
        boolean boundWasShorter = deadline - bound > 0;
        return bounded(inner.awaitUntil(expected, boundWasShorter ? bound : deadline, clock), boundWasShorter);
    }

    @Override
    public WaitResult awaitInterruptibly(int expected) throws InterruptedException {
        window();
        return bounded(inner.awaitInterruptibly(expected, maxSleepNanos, TimeUnit.NANOSECONDS), true);
    }

    @Override
    public WaitResult awaitInterruptibly(int expected, long timeout, TimeUnit unit) throws InterruptedException {
        window();
        long nanos = unit.toNanos(timeout);
        if (nanos < 0) {
            return inner.awaitInterruptibly(expected, timeout, unit);
        }
        return bounded(inner.awaitInterruptibly(expected, Math.min(nanos, maxSleepNanos), TimeUnit.NANOSECONDS),
                nanos > maxSleepNanos);
    }

    @Override
    public int wake(int count) {
        Runnable action = beforeWake;
        if (action != null) {
            action.run();
        }
        return inner.wake(count);
    }

    @Override public int requeue(int wakeCount, Futex target, int requeueCount) { return inner.requeue(wakeCount, unwrap(target), requeueCount); }
    @Override public int cmpRequeue(int expected, int wakeCount, Futex target, int requeueCount) { return inner.cmpRequeue(expected, wakeCount, unwrap(target), requeueCount); }
    @Override public void lockPi() { inner.lockPi(); }
    @Override public boolean lockPi(long timeout, TimeUnit unit) { return inner.lockPi(timeout, unit); }
    @Override public boolean tryLockPi() { return inner.tryLockPi(); }
    @Override public void unlockPi() { inner.unlockPi(); }
    @Override public int ownerId() { return inner.ownerId(); }
    @Override public FutexCounters counters() { return inner.counters(); }
    @Override public FutexBackend backend() { return inner.backend(); }

    @Override public int get() { return inner.get(); }
    @Override public int getPlain() { return inner.getPlain(); }
    @Override public int getOpaque() { return inner.getOpaque(); }
    @Override public int getAcquire() { return inner.getAcquire(); }
    @Override public void set(int v) { inner.set(v); }
    @Override public void setPlain(int v) { inner.setPlain(v); }
    @Override public void setOpaque(int v) { inner.setOpaque(v); }
    @Override public void setRelease(int v) { inner.setRelease(v); }
    @Override public boolean compareAndSet(int e, int v) { return inner.compareAndSet(e, v); }
    @Override public int compareAndExchange(int e, int v) { return inner.compareAndExchange(e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return inner.compareAndExchangeAcquire(e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return inner.compareAndExchangeRelease(e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return inner.weakCompareAndSetAcquire(e, v); }
    @Override public int getAndSet(int v) { return inner.getAndSet(v); }
    @Override public int getAndSetRelease(int v) { return inner.getAndSetRelease(v); }
    @Override public int getAndAdd(int d) { return inner.getAndAdd(d); }
    @Override public int getAndAddRelease(int d) { return inner.getAndAddRelease(d); }

    private static Futex unwrap(Futex target) {
        return target instanceof WindowFutex ? ((WindowFutex) target).inner : target;
    }

    @Override
    public String toString() {
        return "WindowFutex[" + inner + ", cut short " + cutShort.get() + "]";
    }
}
