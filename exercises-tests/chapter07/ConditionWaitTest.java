package chapter07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;

@Exercise(id = "7.2", title = "Wait while a condition holds", file = "ConditionWait.java",
        hint = "chapter 7, 'The protocol'", timeoutSeconds = 30)
class ConditionWaitTest {
    static Ch7.Waiting newWait(Futex word) {
        return Impl.pick(() -> {
            org.syncbook.wait.steps.ConditionWait w = new org.syncbook.wait.steps.ConditionWait(word);
            return new Ch7.Waiting() {
                public boolean waitWhile(java.util.function.BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
            };
        }, () -> {
            ConditionWait w = new ConditionWait(word);
            return new Ch7.Waiting() {
                public boolean waitWhile(java.util.function.BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
            };
        });
    }

    @ParameterizedTest(name = "a condition already false: true at once, no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void alreadyFalse(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        if (!newWait(word).waitWhile(() -> false, 1000)) {
            fail("waitWhile returned false (timed out) although the condition was already false");
        }
        assertEquals(0, word.counters().total(), "futex calls for a wait whose condition was already false");
    }

    @ParameterizedTest(name = "a wake between the look of the waiter and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void wakeBetweenLookAndSleep(FutexBackend backend) throws Exception {
        Ch7.wakeBetweenLookAndSleep(newWait(Ch7.futex(backend)), 1, backend, Ch7.READ_SEQUENCE_FIRST);
    }

    @ParameterizedTest(name = "stray wake-ups without a change neither end the wait nor keep it from timing out ({0})")
    @EnumSource(FutexBackend.class)
    void strayWakeups(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        Ch7.Waiting w = newWait(word);
        AtomicBoolean stop = new AtomicBoolean();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        threads.start("stray-waker", () -> {
            while (!stop.get()) {
                word.wake(1); // the word does not move: a spurious wake-up for the waiter
                Thread.sleep(2);
            }
        });
        long start = System.nanoTime();
        boolean got = w.waitWhile(() -> true, 200);
        long took = System.nanoTime() - start;
        stop.set(true);
        threads.joinAll("the stray waker did not stop");
        if (got) {
            fail("waitWhile returned true, but the condition never became false: after a wake-up, look at the condition again");
        }
        if (took < 200_000_000L) {
            fail(String.format("waitWhile gave up after %.0f ms of a 200 ms timeout: a wake-up is not a timeout", took / 1e6));
        }
    }

    @ParameterizedTest(name = "while the condition holds, the waiter sleeps ({0})")
    @EnumSource(FutexBackend.class)
    void sleeps(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        Ch7.Waiting w = newWait(word);
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Boolean> got = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> got.set(w.waitWhile(() -> !done.get(), 3 * Ch7.PATIENCE_MILLIS)));
        threads.awaitWaitCalls(word, 1);
        double cpu = Ch7.cpuShareWhileWaiting(threads, waiter, 200);
        done.set(true);
        w.wakeAll();
        threads.joinAll("the waiter slept through wakeAll()");
        assertEquals(Boolean.TRUE, got.get(), "waitWhile should return true once the condition is false");
        if (cpu > 1.0 / 5) {
            fail(String.format("the waiter burned %.0f %% of a CPU while the condition held: sleep on the word", 100 * cpu));
        }
    }

    @ParameterizedTest(name = "no wake is lost: 2 waiters, 2 000 steps racing their wakes ({0})")
    @EnumSource(FutexBackend.class)
    void stress(FutexBackend backend) throws Exception {
        Ch7.stress(newWait(Ch7.futex(backend)), backend, 2_000);
    }
}
