package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.ThreadWatch;

/**
 * {@link DeadlineWait}. The upper bounds below are correctness bounds (the wait must end), chosen
 * a second or more past the deadline so that a slow machine never fails them; timing itself is
 * measured elsewhere.
 */
class DeadlineWaitTest {
    private static final long SLACK_NANOS = TimeUnit.SECONDS.toNanos(2);

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the value already there: true at once, no wait call, even with a deadline in the past")
    void valueAlreadyThere(FutexBackend backend) {
        DeadlineWait wait = new DeadlineWait(7, backend);
        assertTrue(wait.awaitValue(7, System.nanoTime() - 1));
        assertTrue(wait.awaitValue(7, 0, TimeUnit.SECONDS));
        assertEquals(0, wait.word().counters().waits());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("no value: false, not before the deadline, and not long after it")
    void timesOut(FutexBackend backend) {
        DeadlineWait wait = new DeadlineWait(0, backend);
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(100);
        assertFalse(wait.awaitValue(1, deadline));
        long end = System.nanoTime();
        assertTrue(end - deadline >= 0, "returned " + (deadline - end) / 1000 + " µs before the deadline");
        assertTrue(end - deadline < SLACK_NANOS, "returned " + (end - deadline) / 1_000_000 + " ms after the deadline");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("stray wake-ups every 2 ms neither end the wait early nor push the deadline back")
    void strayWakeupsDoNotMoveTheDeadline(FutexBackend backend) throws Exception {
        DeadlineWait wait = new DeadlineWait(0, backend);
        AtomicBoolean done = new AtomicBoolean();
        Waiters threads = new Waiters();
        threads.start("stray-waker", () -> {
            while (!done.get()) {
                wait.word().wake(1); // the word does not change
                Thread.sleep(2);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        boolean got = wait.awaitValue(1, deadline);
        long end = System.nanoTime();
        done.set(true);
        threads.joinAll("the stray waker");
        assertFalse(got);
        assertTrue(end - deadline >= 0, "returned " + (deadline - end) / 1000 + " µs before the deadline");
        assertTrue(end - deadline < SLACK_NANOS, "returned " + (end - deadline) / 1_000_000 + " ms after the deadline");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("waiting for 3 while the word holds 2: the waiter sleeps (no spinning on a stale value), then sees 3")
    void sleepsOnTheValueItRead(FutexBackend backend) throws Exception {
        DeadlineWait wait = new DeadlineWait(0, backend);
        AtomicReference<Boolean> got = new AtomicReference<>();
        Waiters threads = new Waiters();
        Thread waiter = threads.start("waiter", () -> got.set(wait.awaitValue(3, 30, TimeUnit.SECONDS)));
        Waiters.awaitWaits(wait.word(), 1);
        wait.set(1);
        wait.set(2);
        Thread.sleep(20);
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long waits0 = wait.word().counters().waits();
        Thread.sleep(200);
        long burned = ThreadWatch.cpuNanos(waiter) - cpu0;
        long waits = wait.word().counters().waits() - waits0;
        wait.set(3);
        threads.joinAll("the waiter missed 3");
        assertEquals(Boolean.TRUE, got.get());
        assertTrue(waits <= 1, waits + " wait calls in 200 ms with the word at 2: the waiter spins");
        assertTrue(burned < TimeUnit.MILLISECONDS.toNanos(40), "the waiter burned " + burned / 1000 + " µs of CPU in 200 ms");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a value set before the deadline is seen; a huge timeout means no deadline")
    void valueBeforeDeadline(FutexBackend backend) throws Exception {
        DeadlineWait wait = new DeadlineWait(0, backend);
        Waiters threads = new Waiters();
        AtomicReference<Boolean> first = new AtomicReference<>();
        AtomicReference<Boolean> second = new AtomicReference<>();
        threads.start("waiter", () -> {
            first.set(wait.awaitValue(1, 30, TimeUnit.SECONDS));
            second.set(wait.awaitValue(2, Long.MAX_VALUE, TimeUnit.DAYS));
        });
        Waiters.awaitWaits(wait.word(), 1);
        wait.set(1);
        Waiters.awaitWaits(wait.word(), 2);
        wait.set(2);
        threads.joinAll("the waiter missed its value");
        assertEquals(Boolean.TRUE, first.get());
        assertEquals(Boolean.TRUE, second.get());
    }
}
