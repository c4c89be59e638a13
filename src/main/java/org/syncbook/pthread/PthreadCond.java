package org.syncbook.pthread;

import java.lang.ref.Reference;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Clocks;
import org.syncbook.sys.Errno;
import org.syncbook.sys.PthreadLib;

/**
 * A pthread condition variable in off-heap memory, tied to one {@link PthreadMutex} (made by
 * {@link PthreadMutex#newCondition()}), with deadlines on {@code CLOCK_MONOTONIC}.
 *
 * <p>It is a {@link Condition}, so the usual Java contract holds: the waiting thread must hold the
 * mutex ({@link NotOwnerException} otherwise), a wait releases the mutex while it sleeps and takes it
 * back before it returns, and <em>any wait may return without a signal</em> (a spurious wake-up).
 * So always wait in a loop that re-checks the condition:
 *
 * <pre>{@code
 * try (Held held = mutex.lock()) {
 *     while (!ready) {
 *         changed.await();
 *     }
 *     // ready is true here, and stays so while the mutex is held
 * }
 * }</pre>
 *
 * <h2>Interrupts</h2>
 * {@code pthread_cond_wait} does not notice {@link Thread#interrupt()}. {@link #awaitUninterruptibly()}
 * is that call as it is. {@link #await()}, {@link #awaitNanos(long)}, {@link #await(long, TimeUnit)} and
 * {@link #awaitUntil(Date)} sleep in C for at most 20 ms at a time
 * ({@code -Dsyncbook.pthread.interruptCheckMillis}) and then return, as a spurious wake-up would;
 * the caller's loop re-checks its condition and waits again. Before and after each sleep they throw
 * {@link InterruptedException} if the thread was interrupted (with the mutex held, as the contract says).
 *
 * <h2>No misuse crashes the JVM</h2>
 * Waiting without holding the mutex: {@link NotOwnerException}. Waiting while holding a
 * {@code RECURSIVE} mutex more than once (C would release only one hold and sleep with the mutex
 * locked): {@link IllegalMonitorStateException}. {@link #close()} while threads wait
 * ({@code pthread_cond_destroy} with waiters is undefined in C): {@link BusyException}. Any use after
 * {@code close()}: {@link IllegalStateException}. Signalling without holding the mutex is allowed, as
 * in POSIX.
 *
 * <p>The timed waits follow {@link Condition}: a timeout of zero or less returns at once. Close the
 * condition variable before its mutex (try-with-resources does that if you open them in that order).
 */
public final class PthreadCond implements Condition, AutoCloseable {
    private final PthreadMutex mutex;
    private final OffHeapBlock block;
    private final long address;
    private final Usage usage = new Usage("condition variable");

    // tag::init[]
    PthreadCond(PthreadMutex mutex) {
        PthreadLayout.current();
        if (mutex.isClosed()) {
            throw new IllegalStateException("a condition variable needs an open mutex; this one was closed");
        }
        this.mutex = mutex;
        this.block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
        this.address = block.address();
        try (OffHeapBlock attr = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK)) {
            long a = attr.address();
            check("pthread_condattr_init", PthreadLib.pthread_condattr_init(a));
            try {
                // deadlines of pthread_cond_timedwait on the clock that never jumps, not on wall-clock time
                check("pthread_condattr_setclock(CLOCK_MONOTONIC)",
                        PthreadLib.pthread_condattr_setclock(a, Clock.MONOTONIC.id()));
                check("pthread_cond_init", PthreadLib.pthread_cond_init(address, a));
            } finally {
                PthreadLib.pthread_condattr_destroy(a);
            }
            Reference.reachabilityFence(attr);
        }
    }
    // end::init[]

    /** The mutex this condition variable waits with. */
    public PthreadMutex mutex() {
        return mutex;
    }

    // tag::wait[]
    /** {@code pthread_cond_wait}: sleeps until signalled (or spuriously); ignores interrupts. */
    @Override
    public void awaitUninterruptibly() {
        enterWait("pthread_cond_wait");
        int rc;
        try {
            rc = PthreadLib.pthread_cond_wait(address, mutex.address()); // releases, sleeps, re-locks
        } finally {
            exitWait();
        }
        check("pthread_cond_wait", rc);
    }

    private void enterWait(String call) {
        usage.enter();              // a waiter is a user: close() is refused until it has left
        try {
            mutex.beforeWait(call); // the caller must hold the mutex; forget it as owner for the wait
        } catch (RuntimeException e) {
            usage.exit();
            throw e;
        }
    }

    private void exitWait() {
        mutex.afterWait();          // C returns with the mutex locked again, whatever the result
        usage.exit();
        Reference.reachabilityFence(this);
        Reference.reachabilityFence(mutex);
    }
    // end::wait[]

    /**
     * Sleeps until signalled, for at most one interrupt-check slice (20 ms); see the class comment.
     *
     * @throws InterruptedException if the thread is interrupted before or during the wait
     */
    @Override
    public void await() throws InterruptedException {
        awaitNanos(Deadlines.INTERRUPT_CHECK_NANOS);
    }

    /**
     * Sleeps until signalled or {@code nanosTimeout} has passed, for at most one interrupt-check
     * slice; returns an estimate of the time left, zero or less if none is.
     */
    @Override
    public long awaitNanos(long nanosTimeout) throws InterruptedException {
        mutex.checkCanWait("pthread_cond_timedwait"); // IllegalMonitorStateException comes first, as in any wait
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before waiting on the condition variable");
        }
        if (nanosTimeout <= 0) {
            return nanosTimeout;
        }
        long deadline = Deadlines.after(Clock.MONOTONIC, nanosTimeout);
        long sliceEnd = Math.min(deadline, Deadlines.after(Clock.MONOTONIC, Deadlines.INTERRUPT_CHECK_NANOS));
        int rc = waitUntil(sliceEnd);
        if (rc != 0 && rc != Errno.ETIMEDOUT.code()) {
            throw PthreadMutex.error("pthread_cond_timedwait", rc);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted while waiting on the condition variable");
        }
        return deadline - Clocks.monotonicNanos();
    }

    // tag::timedwait[]
    /** One {@code pthread_cond_timedwait} until {@code deadline}, in nanoseconds on CLOCK_MONOTONIC. */
    private int waitUntil(long deadline) {
        long[] abstime = Deadlines.timespec(deadline); // read by C during the call only: a heap copy is fine
        enterWait("pthread_cond_timedwait");
        try {
            return PthreadLib.pthread_cond_timedwait(address, mutex.address(), abstime);
        } finally {
            exitWait();
        }
    }
    // end::timedwait[]

    /**
     * {@link #awaitNanos} in the given unit; {@code false} if the time ran out. Like any wait it may
     * return {@code true} early (here after one 20 ms slice), so a loop must not call it again with the
     * same timeout: that restarts the clock on every round and never times out. Count one deadline down
     * with {@link #awaitNanos} instead.
     */
    @Override
    public boolean await(long time, TimeUnit unit) throws InterruptedException {
        return awaitNanos(unit.toNanos(time)) > 0;
    }

    /**
     * {@link #awaitNanos} until a wall-clock date. The wait itself runs on the monotonic clock, for the
     * time that is left until {@code deadline} now; {@code false} if it has passed.
     */
    @Override
    public boolean awaitUntil(Date deadline) throws InterruptedException {
        long left = TimeUnit.MILLISECONDS.toNanos(deadline.getTime() - System.currentTimeMillis());
        return awaitNanos(left) > 0;
    }

    // tag::signal[]
    /** Wakes one waiting thread, if any ({@code pthread_cond_signal}). */
    @Override
    public void signal() {
        usage.enter();
        try {
            check("pthread_cond_signal", PthreadLib.pthread_cond_signal(address));
        } finally {
            usage.exit();
            Reference.reachabilityFence(this);
        }
    }

    /** Wakes every waiting thread ({@code pthread_cond_broadcast}). */
    @Override
    public void signalAll() {
        usage.enter();
        try {
            check("pthread_cond_broadcast", PthreadLib.pthread_cond_broadcast(address));
        } finally {
            usage.exit();
            Reference.reachabilityFence(this);
        }
    }
    // end::signal[]

    /** How many threads are inside a wait or a signal now; a snapshot. */
    public int waiters() {
        return usage.users();
    }

    /**
     * Destroys the condition variable ({@code pthread_cond_destroy}); idempotent.
     *
     * @throws BusyException if threads wait on it; then nothing changed
     */
    @Override
    public void close() {
        boolean closedNow = usage.close(() -> new BusyException("pthread_cond_destroy", usage.users()
                + " thread(s) wait on this condition variable; wake them and let them return before close()"));
        if (closedNow) {
            int rc = PthreadLib.pthread_cond_destroy(address);
            block.close();
            Reference.reachabilityFence(this);
            check("pthread_cond_destroy", rc);
        }
    }

    public boolean isClosed() {
        return usage.isClosed();
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw PthreadMutex.error(call, rc);
        }
    }

    @Override
    public String toString() {
        return "PthreadCond[" + (isClosed() ? "closed" : usage.users() + " waiting") + "]";
    }
}
