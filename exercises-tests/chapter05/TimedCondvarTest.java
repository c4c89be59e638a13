package chapter05;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.lock.FutexCondition;
import org.syncbook.lock.FutexMutex;

@Exercise(id = "5.4", title = "A condition's timed wait", file = "TimedCondvar.java",
        hint = "chapter 5, 'The Condition contract'", timeoutSeconds = 40)
class TimedCondvarTest {

    /** The exercise's calls, on a mutex, with the counter futex the waiters sleep on. */
    interface Timed {
        long awaitNanos(long nanos) throws InterruptedException;

        void signal();

        void signalAll();

        Futex counter();
    }

    private static Timed timed(FutexMutex mutex, FutexBackend backend) {
        return Impl.pick(() -> {
            FutexCondition c = (FutexCondition) mutex.newCondition();
            return timed(c::awaitNanos, c::signal, c::signalAll, c.word());
        }, () -> {
            Futex counter = Ch5.futex(backend, 0);
            TimedCondvar c = new TimedCondvar(mutex, counter);
            return timed(c::awaitNanos, c::signal, c::signalAll, counter);
        });
    }

    interface AwaitNanos {
        long apply(long nanos) throws InterruptedException;
    }

    private static Timed timed(AwaitNanos await, Runnable signal, Runnable signalAll, Futex counter) {
        return new Timed() {
            public long awaitNanos(long nanos) throws InterruptedException { return await.apply(nanos); }
            public void signal() { signal.run(); }
            public void signalAll() { signalAll.run(); }
            public Futex counter() { return counter; }
        };
    }

    @Test
    @DisplayName("awaitNanos, signal and signalAll without the mutex throw IllegalMonitorStateException")
    void needsTheMutex() {
        Timed c = timed(new FutexMutex(Ch5.futex(FutexBackend.PORTABLE, 0)), FutexBackend.PORTABLE);
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(1_000_000),
                "awaitNanos without the mutex must throw IllegalMonitorStateException (FutexMutex.isHeldByCurrentThread)");
        assertThrows(IllegalMonitorStateException.class, c::signal, "signal without the mutex");
        assertThrows(IllegalMonitorStateException.class, c::signalAll, "signalAll without the mutex");
    }

    @ParameterizedTest(name = "awaitNanos(50 ms) with no signal: returns <= 0, not early, sleeping, holding the mutex ({0})")
    @EnumSource(FutexBackend.class)
    void timesOut(FutexBackend backend) throws Exception {
        FutexMutex mutex = new FutexMutex(Ch5.futex(backend, 0));
        Timed c = timed(mutex, backend);
        mutex.lock();
        // a first, short timed wait: this JVM's first futex call loads the native binding, CPU time
        // that must not be counted against the 50 ms wait below
        c.awaitNanos(TimeUnit.MILLISECONDS.toNanos(1));
        long cpu0 = ThreadWatch.cpuNanos(Thread.currentThread());
        long start = System.nanoTime();
        long left = c.awaitNanos(TimeUnit.MILLISECONDS.toNanos(50));
        long waited = System.nanoTime() - start;
        long cpu = ThreadWatch.cpuNanos(Thread.currentThread()) - cpu0;
        boolean held = mutex.isHeldByCurrentThread();
        if (held) {
            mutex.unlock();
        }
        assertTrue(held, "awaitNanos returned without the mutex: lock it again before returning, even on a timeout");
        assertTrue(left <= 0, "awaitNanos(50 ms) timed out but returned " + left + " ns left; a timeout returns 0 or less");
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(50), "awaitNanos(50 ms) returned after " + waited / 1_000_000.0
                + " ms, with no signal: it must not time out early");
        assertTrue(cpu < waited / 2, String.format("awaitNanos burned %.0f ms of CPU in %.0f ms: sleep on the futex with a "
                + "timeout instead of spinning", cpu / 1e6, waited / 1e6));
        assertTrue(c.counter().counters().waits() > 0, "awaitNanos made no wait call on the counter futex");
    }

    @ParameterizedTest(name = "a signal ends awaitNanos(30 s) early, with time left and the mutex held ({0})")
    @EnumSource(FutexBackend.class)
    void signalEndsItEarly(FutexBackend backend) throws Exception {
        FutexMutex mutex = new FutexMutex(Ch5.futex(backend, 0));
        Timed c = timed(mutex, backend);
        boolean[] ready = new boolean[1];
        AtomicReference<String> problem = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch5.PATIENCE_MILLIS);
        threads.start("waiter", () -> {
            mutex.lock();
            long nanos = TimeUnit.SECONDS.toNanos(30);
            while (!ready[0] && nanos > 0) {
                nanos = c.awaitNanos(nanos);
                if (!mutex.isHeldByCurrentThread()) {
                    problem.set("awaitNanos returned without the mutex");
                    return;
                }
            }
            if (nanos <= 0) {
                problem.set("awaitNanos ended by a signal returned " + nanos + ": time was left, so it must be positive");
            }
            mutex.unlock();
        });
        threads.awaitWaitCalls(c.counter(), 1);
        mutex.lock();
        ready[0] = true;
        c.signal();
        mutex.unlock();
        threads.joinAll("signal() did not wake a thread in awaitNanos(30 s)");
        if (problem.get() != null) {
            fail(problem.get());
        }
    }

    @ParameterizedTest(name = "an interrupt ends awaitNanos with InterruptedException, the mutex held again ({0})")
    @EnumSource(FutexBackend.class)
    void interruptEndsIt(FutexBackend backend) throws Exception {
        FutexMutex mutex = new FutexMutex(Ch5.futex(backend, 0));
        Timed c = timed(mutex, backend);
        AtomicReference<String> outcome = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch5.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> {
            mutex.lock();
            try {
                c.awaitNanos(TimeUnit.SECONDS.toNanos(30));
                outcome.set("awaitNanos returned normally after an interrupt; it must throw InterruptedException");
            } catch (InterruptedException e) {
                outcome.set(mutex.isHeldByCurrentThread() ? "ok"
                        : "awaitNanos threw InterruptedException without the mutex: relock first, then throw");
            }
            if (mutex.isHeldByCurrentThread()) {
                mutex.unlock();
            }
        });
        threads.awaitWaitCalls(c.counter(), 1);
        waiter.interrupt();
        threads.joinAll("an interrupt did not end awaitNanos: use the futex's awaitInterruptibly");
        if (!"ok".equals(outcome.get())) {
            fail(outcome.get());
        }
        assertTrue(mutex.tryLock(), "the mutex was left locked after the interrupted wait");
        mutex.unlock();
    }

    @Test
    @DisplayName("interrupted before awaitNanos: InterruptedException at once, the mutex still held")
    void interruptedBefore() {
        FutexMutex mutex = new FutexMutex(Ch5.futex(FutexBackend.PORTABLE, 0));
        Timed c = timed(mutex, FutexBackend.PORTABLE);
        mutex.lock();
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, () -> c.awaitNanos(TimeUnit.SECONDS.toNanos(5)),
                    "a thread interrupted before awaitNanos must get InterruptedException at once");
            assertTrue(mutex.isHeldByCurrentThread(), "the mutex must still be held after the InterruptedException");
        } finally {
            Thread.interrupted();
            if (mutex.isHeldByCurrentThread()) {
                mutex.unlock();
            }
        }
    }

    @Test
    @DisplayName("signal and signalAll with nobody waiting make no futex call")
    void quietWithoutWaiters() {
        FutexMutex mutex = new FutexMutex(Ch5.futex(FutexBackend.LINUX, 0));
        Timed c = timed(mutex, FutexBackend.LINUX);
        mutex.lock();
        for (int i = 0; i < 1000; i++) {
            c.signal();
            c.signalAll();
        }
        mutex.unlock();
        if (c.counter().counters().total() > 0) {
            fail("signals with nobody waiting made futex calls (" + c.counter().counters() + "); count the waiters as in 5.2");
        }
    }
}
