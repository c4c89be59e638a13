package chapter02;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.pthread.PthreadMutex;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;
import org.syncbook.grading.ExerciseExtension;

/**
 * The time bounds are generous on purpose: a timed lock must not give up before its timeout (a rule,
 * not a speed claim) and must give up within a second or so after it.
 */
@Exercise(id = "2.3", title = "A lock with a deadline", file = "TimedMutex.java",
        hint = "chapter 2, 'Deadlines and clocks': an absolute timespec on CLOCK_MONOTONIC, nanoseconds below 10^9",
        timeoutSeconds = 30)
class TimedMutexTest {
    private static final long LATE_MILLIS = Math.round(1000 * ExerciseExtension.timeoutScale());

    interface Mutex {
        boolean tryLock(long timeout, TimeUnit unit);

        void unlock();

        void close();
    }

    private static Mutex newMutex() {
        return Impl.pick(() -> {
            PthreadMutex m = new PthreadMutex();
            return new Mutex() {
                public boolean tryLock(long timeout, TimeUnit unit) { return m.tryLock(timeout, unit); }
                public void unlock() { m.unlock(); }
                public void close() { m.close(); }
            };
        }, () -> {
            TimedMutex m = new TimedMutex();
            return new Mutex() {
                public boolean tryLock(long timeout, TimeUnit unit) { return m.tryLock(timeout, unit); }
                public void unlock() { m.unlock(); }
                public void close() { m.close(); }
            };
        });
    }

    /** A mutex held by a thread of its own until {@link #release()}. */
    private static final class HeldElsewhere {
        final Mutex mutex;
        private final java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        private final Ch2.Job<Void> holder;

        HeldElsewhere(Mutex mutex) throws InterruptedException {
            this.mutex = mutex;
            holder = Ch2.run("holder", () -> {
                if (!mutex.tryLock(1, TimeUnit.SECONDS)) {
                    throw new AssertionError("tryLock(1 s) on a free mutex returned false");
                }
                locked.countDown();
                release.await();
                mutex.unlock();
            });
            if (!locked.await(Ch2.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                holder.endsWithin(1);
                holder.result();
                fail("tryLock(1 s) on a free mutex did not return within " + Ch2.PATIENCE_MILLIS / 1000.0 + " s");
            }
        }

        void release() throws InterruptedException {
            release.countDown();
            holder.await("the thread holding the mutex could not unlock it");
        }
    }

    /** Runs tryLock(timeoutMillis) on another thread; returns {got, elapsed ms}; fails if it runs far past the timeout. */
    private static long[] timedAttempt(Mutex m, long timeoutMillis) throws InterruptedException {
        Ch2.Job<long[]> attempt = Ch2.call("waiter", () -> {
            long start = System.nanoTime();
            boolean got = m.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            if (got) {
                m.unlock();
            }
            return new long[] {got ? 1 : 0, elapsed};
        });
        if (!attempt.endsWithin(timeoutMillis + LATE_MILLIS)) {
            fail("tryLock(" + timeoutMillis + " ms) was still waiting " + (timeoutMillis + LATE_MILLIS) + " ms later: the "
                    + "deadline is too far away. Is it on the clock you pass to pthread_mutex_clocklock (CLOCK_MONOTONIC "
                    + "deadline from Clocks.read(Clock.MONOTONIC), not from System.currentTimeMillis or CLOCK_REALTIME)? "
                    + "At " + Ch2.where(attempt.thread()));
        }
        Throwable e = attempt.failure();
        if (e instanceof ErrnoException && ((ErrnoException) e).is(Errno.EINVAL)) {
            throw new AssertionError("tryLock(" + timeoutMillis + " ms) failed with EINVAL: " + e.getMessage()
                    + ". The timespec's nanoseconds must stay below 1 000 000 000: carry whole seconds into the seconds", e);
        }
        return attempt.result();
    }

    @Test
    @DisplayName("a free mutex: tryLock(timeout) takes it at once")
    void freeMutex() throws Exception {
        Mutex m = newMutex();
        long[] r = timedAttempt(m, 5_000);
        assertTrue(r[0] == 1, "tryLock(5 s) on a free mutex returned false");
        assertTrue(r[1] < LATE_MILLIS, "tryLock(5 s) on a free mutex took " + r[1] + " ms: it should not wait at all");
        m.close();
    }

    @Test
    @DisplayName("a held mutex: tryLock(150 ms) gives up, not before 150 ms and not long after")
    void givesUpAtTheDeadline() throws Exception {
        Mutex m = newMutex();
        HeldElsewhere held = new HeldElsewhere(m);
        long[] r = timedAttempt(m, 150);
        assertFalse(r[0] == 1, "tryLock(150 ms) got a mutex that another thread held all along");
        if (r[1] < 140) {
            fail("tryLock(150 ms) gave up after " + r[1] + " ms: the deadline was already in the past. "
                    + "pthread_mutex_clocklock takes an absolute time, now on the clock plus the timeout, not the timeout "
                    + "itself, and the clock you read must be the clock you pass");
        }
        held.release();
        m.close();
    }

    @Test
    @DisplayName("deadlines whose nanoseconds must carry into the seconds: tryLock(900 ms) and tryLock(700 ms)")
    void nanosecondsCarry() throws Exception {
        Mutex m = newMutex();
        HeldElsewhere held = new HeldElsewhere(m);
        for (long timeout : new long[] {900, 700}) {
            long[] r = timedAttempt(m, timeout);
            assertFalse(r[0] == 1, "tryLock(" + timeout + " ms) got a mutex that another thread held all along");
            assertTrue(r[1] >= timeout - 10, "tryLock(" + timeout + " ms) gave up after only " + r[1] + " ms");
        }
        held.release();
        m.close();
    }

    @Test
    @DisplayName("a waiter gets the mutex as soon as it is unlocked, long before its timeout")
    void getsItWhenUnlocked() throws Exception {
        Mutex m = newMutex();
        HeldElsewhere held = new HeldElsewhere(m);
        Ch2.Job<Long> waiter = Ch2.call("waiter", () -> {
            long start = System.nanoTime();
            boolean got = m.tryLock(20, TimeUnit.SECONDS);
            if (got) {
                m.unlock();
            }
            return got ? -1 : (System.nanoTime() - start) / 1_000_000;
        });
        Thread.sleep(100);
        held.release();
        long gaveUpAfter = waiter.await("tryLock(20 s) did not return after the mutex was unlocked: it should take it then");
        assertTrue(gaveUpAfter < 0, "tryLock(20 s) returned false after " + gaveUpAfter + " ms, although the mutex was "
                + "unlocked 100 ms into the wait" + (gaveUpAfter < 90 ? ": its deadline was already in the past" : ""));
        m.close();
    }

    @Test
    @DisplayName("timeout 0 tries once; a negative timeout throws IllegalArgumentException")
    void zeroAndNegative() throws Exception {
        Mutex m = newMutex();
        assertThrows(IllegalArgumentException.class, () -> m.tryLock(-1, TimeUnit.MILLISECONDS),
                "a negative timeout must be refused with IllegalArgumentException");
        HeldElsewhere held = new HeldElsewhere(m);
        long[] r = timedAttempt(m, 0);
        assertFalse(r[0] == 1, "tryLock(0) got a mutex another thread holds");
        assertTrue(r[1] < LATE_MILLIS, "tryLock(0) waited " + r[1] + " ms: a timeout of 0 only tries");
        held.release();
        long[] free = timedAttempt(m, 0);
        assertTrue(free[0] == 1, "tryLock(0) on a free mutex returned false");
        m.close();
    }
}
