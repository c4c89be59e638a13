package chapter07;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;

/** Graded on futex calls and CPU time, never on wall-clock speed. */
@Exercise(id = "7.4", title = "Spin, then sleep", file = "SpinThenSleep.java",
        hint = "chapter 7, 'Spinning first'", timeoutSeconds = 30)
class SpinThenSleepTest {
    static Ch7.Waiting newWait(Futex word, int maxSpins) {
        return Impl.pick(() -> {
            org.syncbook.wait.steps.SpinThenSleep w = new org.syncbook.wait.steps.SpinThenSleep(word, maxSpins);
            return new Ch7.Waiting() {
                public boolean waitWhile(BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
            };
        }, () -> {
            SpinThenSleep w = new SpinThenSleep(word, maxSpins);
            return new Ch7.Waiting() {
                public boolean waitWhile(BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
            };
        });
    }

    @ParameterizedTest(name = "a condition that turns false on the 50th look of 1 000 allowed: no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void endsWithinTheSpin(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        AtomicInteger looks = new AtomicInteger();
        boolean got = newWait(word, 1_000).waitWhile(() -> looks.incrementAndGet() < 50, 1000);
        if (!got) {
            fail("waitWhile returned false, but the condition turned false on its 50th look");
        }
        if (word.counters().waits() > 0) {
            fail("the wait slept (" + word.counters().waits() + " futex waits) although the condition turned false on look "
                    + "50 of the 1 000 it may spin: spin first, sleep only when the spin ran out");
        }
    }

    @ParameterizedTest(name = "maxSpins 0: it sleeps at once ({0})")
    @EnumSource(FutexBackend.class)
    void noSpin(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        AtomicInteger looks = new AtomicInteger();
        newWait(word, 0).waitWhile(() -> {
            looks.incrementAndGet();
            return true;
        }, 100);
        long waits = word.counters().waits();
        if (waits == 0) {
            fail("with maxSpins 0 the wait never slept on the word");
        }
        if (looks.get() > 2 * waits + 2) {
            fail("with maxSpins 0 the wait looked at the condition " + looks.get() + " times but slept only " + waits
                    + " times: it spun anyway");
        }
    }

    @ParameterizedTest(name = "a long wait stops spinning: under a quarter of a CPU over 300 ms ({0})")
    @EnumSource(FutexBackend.class)
    void longWaitSleeps(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        Ch7.Waiting w = newWait(word, 100_000);
        AtomicBoolean done = new AtomicBoolean();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> w.waitWhile(() -> !done.get(), 3 * Ch7.PATIENCE_MILLIS));
        threads.awaitWaitCalls(word, 1); // past the spin (or still spinning after the patience: then it burns)
        double cpu = Ch7.cpuShareWhileWaiting(threads, waiter, 300);
        done.set(true);
        w.wakeAll();
        threads.joinAll("the waiter slept through wakeAll()");
        if (cpu > 1.0 / 4) {
            fail(String.format("the waiter burned %.0f %% of a CPU while it waited: after maxSpins looks, sleep", 100 * cpu));
        }
    }

    @ParameterizedTest(name = "a wake between the last look and the sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void wakeBetweenLookAndSleep(FutexBackend backend) throws Exception {
        Ch7.wakeBetweenLookAndSleep(newWait(Ch7.futex(backend), 10), 11, backend, Ch7.READ_SEQUENCE_FIRST);
    }

    @ParameterizedTest(name = "no wake is lost: 2 waiters, 2 000 steps racing their wakes ({0})")
    @EnumSource(FutexBackend.class)
    void stress(FutexBackend backend) throws Exception {
        Ch7.stress(newWait(Ch7.futex(backend), 200), backend, 2_000);
    }
}
