package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.mem.HeapIntWord;

/** What the tests of this package share: futexes of each back end, and waiter threads that report failures. */
final class Waiters {
    /** Every bounded join of these tests waits at most this long: far beyond any correct run. */
    static final long JOIN_MILLIS = 10_000;

    private final List<Thread> threads = new ArrayList<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    interface Body {
        void run() throws Exception;
    }

    /** A futex of {@code backend} holding {@code initial}: off-heap for Linux, a heap word for the portable back end. */
    static Futex futex(FutexBackend backend, int initial) {
        return backend == FutexBackend.LINUX ? Futexes.create(initial, FutexBackend.LINUX)
                : Futexes.portable(new HeapIntWord(initial));
    }

    /** Starts a daemon thread running {@code body}; its failure is rethrown by {@link #joinAll}. */
    Thread start(String name, Body body) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
        return t;
    }

    /** Joins every thread started here, failing with {@code what} if one is still running after the bound. */
    void joinAll(String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        for (Thread t : threads) {
            t.join(Math.max(1, deadline - System.currentTimeMillis()));
            assertFalse(t.isAlive(), what + ": thread " + t.getName() + " still running after " + JOIN_MILLIS + " ms");
        }
        rethrow();
    }

    /** Rethrows the first failure of a started thread. */
    void rethrow() {
        Throwable e = failure.get();
        if (e != null) {
            throw new AssertionError("a thread failed: " + e, e);
        }
    }

    /** Waits until {@code futex} has had {@code waits} wait calls (so a waiter is asleep or about to be). */
    static void awaitWaitCalls(Futex futex, long waits) throws InterruptedException {
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        while (futex.counters().waits() < waits && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        Thread.sleep(20); // from "about to sleep" to "asleep": not needed for correctness, only to test the asleep case
    }

    /** Wakes one sleeper on {@code futex} without changing the word, retrying until one was really asleep. */
    static void wakeOneSleeper(Futex futex) throws InterruptedException {
        long deadline = System.currentTimeMillis() + JOIN_MILLIS;
        while (futex.wake(1) == 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("nobody fell asleep on " + futex + " within " + JOIN_MILLIS + " ms");
            }
            Thread.sleep(1);
        }
    }
}
