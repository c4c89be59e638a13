package chapter03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.DeadlineWait;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.grading.ExerciseExtension;

/**
 * The timing bounds here are generous on purpose: a wait must not end before its deadline (that is
 * a correctness rule, not a speed claim), and must end within a second or so after it.
 */
@Exercise(id = "3.4", title = "A wait with a deadline", file = "ValueWait.java",
        hint = "chapter 3, 'Timeouts and deadlines'", timeoutSeconds = 30)
class ValueWaitTest {
    /** How late after its deadline a wait may return before the grader calls it late. */
    private static final long LATE_NANOS = TimeUnit.MILLISECONDS.toNanos(Math.round(1000 * ExerciseExtension.timeoutScale()));

    interface Wait {
        void set(int value);

        boolean awaitValue(int wanted, long deadline);
    }

    private static Wait newWait(Futex word) {
        return Impl.pick(() -> {
            DeadlineWait w = new DeadlineWait(word);
            return new Wait() {
                public void set(int value) { w.set(value); }
                public boolean awaitValue(int wanted, long deadline) { return w.awaitValue(wanted, deadline); }
            };
        }, () -> {
            ValueWait w = new ValueWait(word);
            return new Wait() {
                public void set(int value) { w.set(value); }
                public boolean awaitValue(int wanted, long deadline) { return w.awaitValue(wanted, deadline); }
            };
        });
    }

    private static long millisFromNow(long millis) {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    @DisplayName("the value already there: true at once, without a futex call, even after the deadline")
    void valueAlreadyThere() {
        Futex word = Ch3.futex(FutexBackend.LINUX, 7);
        Wait wait = newWait(word);
        if (!wait.awaitValue(7, millisFromNow(1000))) {
            fail("awaitValue(7, ...) returned false although the word holds 7");
        }
        if (!wait.awaitValue(7, System.nanoTime() - 1)) {
            fail("awaitValue(7, a deadline in the past) returned false although the word holds 7: check the value before the clock");
        }
        if (wait.awaitValue(8, System.nanoTime() - 1)) {
            fail("awaitValue(8, ...) returned true although the word holds 7");
        }
        assertEquals(0, word.counters().waits(), "wait calls for values that were there (or deadlines long gone)");
        wait.set(9);
        assertEquals(9, word.get(), "set(9) must store 9 in the futex word");
    }

    @Test
    @DisplayName("set() stores the value in the word before it wakes anyone")
    void storeBeforeWake() {
        WindowFutex word = Ch3.window(FutexBackend.LINUX, 0);
        Wait wait = newWait(word);
        AtomicReference<Integer> atWake = new AtomicReference<>();
        word.beforeEachWake(() -> atWake.compareAndSet(null, word.get()));
        wait.set(5);
        if (atWake.get() == null) {
            fail("set() made no wake call: a waiter asleep on the word would sleep on");
        }
        if (atWake.get() != 5) {
            fail("set(5) called wake while the word still held " + atWake.get() + ": a waiter that looks at the word "
                    + "between your wake and your store goes to sleep after the wake and sleeps through it. Store first, "
                    + "then wake");
        }
    }

    @ParameterizedTest(name = "no value: false, never before the deadline, and soon after it ({0})")
    @EnumSource(FutexBackend.class)
    void timesOutOnTime(FutexBackend backend) {
        Futex word = Ch3.futex(backend, 0);
        Wait wait = newWait(word);
        long deadline = millisFromNow(150);
        boolean got = wait.awaitValue(1, deadline);
        long end = System.nanoTime();
        if (got) {
            fail("awaitValue returned true, but nobody set the value");
        }
        checkOnTime(end, deadline, backend);
        if (word.counters().waits() == 0) {
            fail("the wait made no futex wait call: while the value is not there, sleep on the word until the deadline");
        }
    }

    private static void checkOnTime(long end, long deadline, FutexBackend backend) {
        if (end - deadline < 0) {
            fail(String.format("awaitValue returned false %.1f ms before its deadline %s: a wait may end early (a timeout, "
                    + "a wake-up); check the clock against the deadline before you give up", (deadline - end) / 1e6,
                    Ch3.on(backend)));
        }
        if (end - deadline > LATE_NANOS) {
            fail(String.format("awaitValue returned %.0f ms after its deadline %s: after each wake-up, sleep only for what is "
                    + "left (an absolute deadline: awaitUntil), not for the whole timeout again", (end - deadline) / 1e6,
                    Ch3.on(backend)));
        }
    }

    @ParameterizedTest(name = "wake-ups every 2 ms without the value neither end the wait early nor push the deadline back ({0})")
    @EnumSource(FutexBackend.class)
    void strayWakeups(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Wait wait = newWait(word);
        AtomicBoolean stop = new AtomicBoolean();
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        threads.start("stray-waker", () -> {
            long giveUp = System.nanoTime() + 3 * LATE_NANOS;
            while (!stop.get() && System.nanoTime() < giveUp) {
                word.wake(1); // the word does not change: a spurious wake-up for the waiter
                Thread.sleep(2);
            }
        });
        long deadline = millisFromNow(200);
        boolean got = wait.awaitValue(1, deadline);
        long end = System.nanoTime();
        stop.set(true);
        threads.joinAll("the stray waker did not stop");
        if (got) {
            fail("awaitValue returned true after a wake-up, but the word never held the value: look at the word again "
                    + "after every wake-up");
        }
        checkOnTime(end, deadline, backend);
    }

    @ParameterizedTest(name = "waiting for 3 while the word holds 2: the waiter sleeps, then sees 3 ({0})")
    @EnumSource(FutexBackend.class)
    void sleepsOnTheValueItRead(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Wait wait = newWait(word);
        AtomicReference<Boolean> got = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> got.set(wait.awaitValue(3, millisFromNow(20_000))));
        threads.awaitWaitCalls(word, 1);
        wait.set(1);
        wait.set(2);
        Thread.sleep(20);
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long waits0 = word.counters().waits();
        long wall0 = System.nanoTime();
        Thread.sleep(200);
        long cpu = ThreadWatch.cpuNanos(waiter) - cpu0;
        long waits = word.counters().waits() - waits0;
        long wall = System.nanoTime() - wall0;
        threads.rethrow();
        if (!waiter.isAlive()) {
            fail("awaitValue(3, ...) returned while the word held 2");
        }
        wait.set(3);
        threads.joinAll("the waiter did not see 3");
        assertEquals(Boolean.TRUE, got.get(), "awaitValue(3, ...) should return true once the word holds 3");
        if (waits > 10 || cpu > wall / 5) {
            fail(String.format("while the word held 2, your wait made %d wait calls and burned %.0f ms of CPU in %.0f ms: "
                    + "each wait returned at once because it expected a value the word no longer held. Expect the value "
                    + "you just read", waits, cpu / 1e6, wall / 1e6));
        }
    }

    @ParameterizedTest(name = "no wake-up is lost: 2 000 short waits racing their set() ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 2_000;
        Futex word = Ch3.futex(backend, 0);
        Wait wait = newWait(word);
        AtomicInteger seen = new AtomicInteger();
        // The waiter waits for 1, 2, 3, ... in turn; the setter sets each value after a random pause,
        // so that it lands before, during or after the waiter's sleep, then waits until it was seen.
        Workers.start("value", 2, (index, random) -> {
            for (int i = 1; i <= rounds; i++) {
                if (index == 0) {
                    long deadline = System.nanoTime() + 2 * LATE_NANOS;
                    if (!wait.awaitValue(i, deadline)) {
                        throw new AssertionError("a waiter slept through a wake: the word was set to " + i + ", but "
                                + "awaitValue(" + i + ", ...) timed out " + 2 * LATE_NANOS / 1_000_000 + " ms later "
                                + Ch3.on(backend) + " (the word now holds " + word.get() + ")");
                    }
                    seen.set(i);
                } else {
                    for (int spin = random.nextInt(300); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    wait.set(i);
                    long giveUp = System.nanoTime() + 3 * LATE_NANOS;
                    while (seen.get() < i) {
                        if (System.nanoTime() - giveUp > 0) {
                            return; // the waiter failed or is stuck: it reports that itself
                        }
                        Thread.yield();
                    }
                }
            }
        }).go().join();
    }
}
