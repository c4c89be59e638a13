package org.syncbook.futex.examples;


import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.grading.TestThreads;
import org.syncbook.mem.HeapIntWord;

/** What the tests of this package share: futexes of each back end, and waiter threads that report failures. */
final class Waiters extends TestThreads {
    /** Every bounded join of these tests waits at most this long: far beyond any correct run. */
    static final long JOIN_MILLIS = 10_000;

    Waiters() {
        super(JOIN_MILLIS);
    }

    /** A futex of {@code backend} holding {@code initial}: off-heap for Linux, a heap word for the portable back end. */
    static Futex futex(FutexBackend backend, int initial) {
        return backend == FutexBackend.LINUX ? Futexes.create(initial, FutexBackend.LINUX)
                : Futexes.portable(new HeapIntWord(initial));
    }

    /** Waits until {@code futex} has had {@code waits} wait calls (so a waiter is asleep or about to be). */
    static void awaitWaits(Futex futex, long waits) throws InterruptedException {
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
