package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.FutexClock;
import org.syncbook.futex.WaitResult;

/** {@link WindowFutex}: the test tool that opens the lost-wake-up window on purpose. */
class WindowFutexTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a sleep nobody ends is cut short after maxSleep and reported as a (spurious) wake-up")
    void cutsLongSleepsShort(FutexBackend backend) throws Exception {
        WindowFutex f = new WindowFutex(Waiters.futex(backend, 0), 30, TimeUnit.MILLISECONDS);
        assertEquals(WaitResult.WOKEN, f.await(0));
        assertEquals(WaitResult.WOKEN, f.awaitInterruptibly(0));
        assertEquals(WaitResult.WOKEN, f.await(0, 1, TimeUnit.SECONDS));
        assertEquals(WaitResult.WOKEN, f.awaitUntil(0, System.nanoTime() + TimeUnit.SECONDS.toNanos(1), FutexClock.MONOTONIC));
        assertEquals(4, f.cutShort());
        assertEquals(WaitResult.TIMED_OUT, f.await(0, 1, TimeUnit.MILLISECONDS), "a caller's own shorter timeout");
        assertEquals(WaitResult.TIMED_OUT, f.awaitUntil(0, System.nanoTime() + 1_000_000, FutexClock.MONOTONIC));
        assertEquals(4, f.cutShort());
        assertEquals(WaitResult.VALUE_CHANGED, f.await(1));
        assertSame(backend, f.backend());
        assertTrue(f.counters().waits() >= 7, "calls reach the wrapped futex's counters (the interruptible wait may take several)");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the action runs once, on the waiting thread, before its wait reaches the futex")
    void actionRunsOnceOnTheWaiter(FutexBackend backend) {
        WindowFutex f = new WindowFutex(Waiters.futex(backend, 0), 10, TimeUnit.SECONDS);
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        f.beforeNextSleep(() -> {
            ranOn.set(Thread.currentThread());
            f.set(5);
        });
        assertTrue(f.actionPending());
        assertEquals(WaitResult.VALUE_CHANGED, f.await(0), "the action changed the word before the wait");
        assertFalse(f.actionPending());
        assertSame(Thread.currentThread(), ranOn.get());
        assertEquals(WaitResult.VALUE_CHANGED, f.await(0), "no action this time; the word still holds 5");
        assertEquals(5, f.inner().get());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("wakes reach sleepers through the wrapper; bad timeouts are still refused")
    void passesThrough(FutexBackend backend) throws Exception {
        WindowFutex f = new WindowFutex(Waiters.futex(backend, 0), 10, TimeUnit.SECONDS);
        Waiters waiters = new Waiters();
        waiters.start("sleeper", () -> {
            while (f.get() == 0) {
                f.await(0);
            }
        });
        Waiters.awaitWaits(f, 1);
        f.set(1);
        f.wakeAll();
        waiters.joinAll("the wake did not reach the sleeper");
        assertEquals(0, f.cutShort());
        assertThrows(IllegalArgumentException.class, () -> f.await(1, -1, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> new WindowFutex(f, 0, TimeUnit.SECONDS));
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the wake action runs on the waker before each wake, wakeAll included")
    void wakeAction(FutexBackend backend) {
        WindowFutex f = new WindowFutex(Waiters.futex(backend, 0), 10, TimeUnit.SECONDS);
        AtomicReference<Integer> seen = new AtomicReference<>(0);
        f.beforeEachWake(() -> seen.set(seen.get() + 1));
        f.wake(1);
        f.wakeAll();
        assertEquals(2, seen.get());
        f.beforeEachWake(null);
        f.wake(1);
        assertEquals(2, seen.get());
        assertEquals(3, f.counters().wakes());
    }
}
