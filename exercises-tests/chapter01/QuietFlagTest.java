package chapter01;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.sys.Flag;
import org.syncbook.sys.ParkFlag;

@Exercise(id = "1.4", title = "A flag that sleeps", file = "QuietFlag.java",
        hint = "chapter 1, 'Four ways to wait' and 'Sleeping without missing the wake-up'", timeoutSeconds = 30)
class QuietFlagTest {

    private static Flag newFlag() {
        return Impl.pick(ParkFlag::new, QuietFlag::new);
    }

    private static Thread startWaiter(Flag flag, String name, AtomicReference<Throwable> failure) {
        Thread t = new Thread(() -> {
            try {
                flag.awaitRaised();
            } catch (Throwable e) {
                failure.set(e);
            }
        }, name);
        t.start();
        return t;
    }

    /** A waiter's own failure (a stub's "not done yet" among them) is the test's failure. */
    private static void rethrow(AtomicReference<Throwable> failure) {
        Throwable e = failure.get();
        if (e != null) {
            throw new AssertionError("a waiter failed: " + e, e);
        }
    }

    @Test
    @DisplayName("a new flag is down; a raised flag lets a waiter through at once")
    void raisedFlagDoesNotBlock() throws Exception {
        Flag flag = newFlag();
        assertFalse(flag.isRaised(), "a new flag must be down");
        flag.raise();
        assertTrue(flag.isRaised(), "after raise() the flag must be up");
        flag.awaitRaised(); // the time limit fails this test if it blocks
        flag.raise(); // raising twice is allowed
    }

    @Test
    @DisplayName("a waiter sleeps instead of spinning: it burns almost no CPU while the flag is down")
    void waiterBurnsNoCpu() throws Exception {
        Flag flag = newFlag();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = startWaiter(flag, "waiter", failure);
        Thread.sleep(50); // let it reach its wait
        rethrow(failure);
        long cpuBefore = ThreadWatch.cpuNanos(waiter);
        long wallBefore = System.nanoTime();
        Thread.sleep(500);
        long cpuUsed = ThreadWatch.cpuNanos(waiter) - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        flag.raise();
        waiter.join();
        rethrow(failure);
        // A spinning or yielding waiter burns nearly all of the wall time; a sleeping one burns ~0.
        assertTrue(cpuUsed < wall / 5, String.format(
                "while waiting %.0f ms for the flag, the waiter burned %.0f ms of CPU: it spins or yields instead of "
                        + "sleeping. Park the thread (LockSupport.park) until raise() unparks it.",
                wall / 1e6, cpuUsed / 1e6));
    }

    @Test
    @DisplayName("raise() wakes every waiter, not just one")
    void raiseWakesAllWaiters() throws Exception {
        Flag flag = newFlag();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] waiters = new Thread[4];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = startWaiter(flag, "waiter-" + i, failure);
        }
        for (Thread w : waiters) {
            ThreadWatch.awaitAsleep(w, 1000);
        }
        flag.raise();
        for (Thread w : waiters) {
            w.join(); // a waiter left asleep fails the test at the time limit, with its stack
        }
        rethrow(failure);
    }

    @Test
    @DisplayName("no wake-up is lost: 20 000 raises racing 20 000 waits")
    void noLostWakeups() throws Exception {
        int rounds = 20_000;
        Flag[] flags = new Flag[rounds];
        for (int i = 0; i < rounds; i++) {
            flags[i] = newFlag();
        }
        // One thread waits for the flags in order while the other raises them in order, pausing at
        // random, so raises land before, during and after the waits: some right between a waiter's
        // last check and its sleep. A lost wake-up leaves the waiter asleep and hits the time limit.
        Workers.start("flag", 2, (index, random) -> {
            for (int i = 0; i < rounds; i++) {
                if (index == 0) {
                    flags[i].awaitRaised();
                } else {
                    for (int spin = random.nextInt(200); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    flags[i].raise();
                }
            }
        }).go().join();
    }

    @Test
    @DisplayName("an interrupted waiter stops waiting with InterruptedException")
    void interruptStopsTheWait() throws Exception {
        Flag flag = newFlag();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread waiter = startWaiter(flag, "waiter", failure);
        ThreadWatch.awaitAsleep(waiter, 1000);
        waiter.interrupt();
        waiter.join(); // still waiting: the time limit fails the test
        if (failure.get() == null) {
            fail("the interrupted waiter returned normally although the flag is down: it should throw InterruptedException");
        }
        if (!(failure.get() instanceof InterruptedException)) {
            throw new AssertionError("the interrupted waiter should throw InterruptedException, but threw " + failure.get(),
                    failure.get());
        }
    }
}
