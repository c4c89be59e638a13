package org.syncbook.sys;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.ThreadWatch;

/** What {@link ParkFlag}, the flag that sleeps, promises beyond the contract every {@link Flag} keeps. */
class ParkFlagTest {

    @Test
    @DisplayName("raise() releases every waiter, not just one")
    void releasesAllWaiters() throws Exception {
        ParkFlag flag = new ParkFlag();
        CountDownLatch started = new CountDownLatch(4);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] waiters = new Thread[4];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = FlagTest.startWaiter(flag, "waiter-" + i, started, failure);
        }
        started.await();
        for (Thread w : waiters) {
            ThreadWatch.awaitAsleep(w, 1000); // not an assertion: just give each time to fall asleep
        }
        flag.raise();
        for (Thread w : waiters) {
            FlagTest.joinOrFail(w, "raise() left a waiter asleep");
        }
        FlagTest.rethrow(failure);
    }

    @Test
    @DisplayName("an interrupted waiter stops waiting with InterruptedException, and the flag stays down")
    void interruptStopsTheWait() throws Exception {
        ParkFlag flag = new ParkFlag();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = FlagTest.startWaiter(flag, "waiter", started, failure);
        try {
            started.await();
            ThreadWatch.awaitAsleep(waiter, 1000);
            waiter.interrupt();
            waiter.join(10_000);
            assertFalse(waiter.isAlive(), "the interrupted waiter was still waiting 10 s later");
        } finally {
            flag.raise();
        }
        assertNotNull(failure.get(), "the interrupted waiter returned normally although the flag was down");
        assertInstanceOf(InterruptedException.class, failure.get(), "what the interrupted waiter threw");
    }

    @Test
    @DisplayName("a thread interrupted before it waits throws at once, and its interrupt status is cleared")
    void interruptedBeforeWaiting() {
        ParkFlag flag = new ParkFlag();
        Thread.currentThread().interrupt();
        try {
            assertThrows(InterruptedException.class, flag::awaitRaised);
            assertFalse(Thread.currentThread().isInterrupted(), "InterruptedException was thrown but the interrupt status is still set");
        } finally {
            Thread.interrupted(); // never leave this thread interrupted for the next test
        }
        assertFalse(flag.isRaised());
    }

    @Test
    @DisplayName("a waiter sleeps: it burns far less CPU than the time it waits")
    void waiterBurnsNoCpu() throws Exception {
        ParkFlag flag = new ParkFlag();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = FlagTest.startWaiter(flag, "waiter", started, failure);
        long cpuUsed;
        long wall;
        try {
            started.await();
            ThreadWatch.awaitAsleep(waiter, 1000);
            long cpuBefore = ThreadWatch.cpuNanos(waiter);
            long wallBefore = System.nanoTime();
            Thread.sleep(300);
            cpuUsed = ThreadWatch.cpuNanos(waiter) - cpuBefore;
            wall = System.nanoTime() - wallBefore;
        } finally {
            flag.raise();
        }
        FlagTest.joinOrFail(waiter, "ParkFlag did not release its waiter");
        FlagTest.rethrow(failure);
        // A spinning waiter burns nearly all of the wall time; a parked one nearly nothing.
        assertTrue(cpuUsed < wall / 5, String.format(
                "while waiting %.0f ms the waiter burned %.1f ms of CPU: it spins instead of sleeping", wall / 1e6, cpuUsed / 1e6));
    }

    @Test
    @DisplayName("many raises racing many waits lose no wake-up: 5 000 flags waited for in turn")
    void noLostWakeups() throws Exception {
        int rounds = 5_000;
        ParkFlag[] flags = new ParkFlag[rounds];
        for (int i = 0; i < rounds; i++) {
            flags[i] = new ParkFlag();
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = new Thread(() -> {
            try {
                for (ParkFlag f : flags) {
                    f.awaitRaised();
                }
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "waiter");
        waiter.setDaemon(true);
        waiter.start();
        for (int i = 0; i < rounds; i++) {
            for (int spin = i % 97; spin > 0; spin--) {
                Thread.onSpinWait(); // vary where the raise lands: before, during or after the wait
            }
            flags[i].raise();
        }
        FlagTest.joinOrFail(waiter, "a wake-up was lost: the waiter sleeps on a raised flag");
        FlagTest.rethrow(failure);
    }
}
