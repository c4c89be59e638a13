package chapter07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;

@Exercise(id = "7.3", title = "No system call when nobody waits", file = "CountedWait.java",
        hint = "chapter 7, 'The fast path'", timeoutSeconds = 30)
class CountedWaitTest {
    /** The wait, and its waiter count. */
    interface Counted extends Ch7.Waiting, IntSupplier {
    }

    static Counted newWait(Futex word) {
        return Impl.pick(() -> {
            org.syncbook.wait.steps.CountedWait w = new org.syncbook.wait.steps.CountedWait(word);
            return new Counted() {
                public boolean waitWhile(BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
                public int getAsInt() { return w.waiters(); }
            };
        }, () -> {
            CountedWait w = new CountedWait(word);
            return new Counted() {
                public boolean waitWhile(BooleanSupplier c, long t) throws InterruptedException { return w.waitWhile(c, t); }
                public void wakeAll() { w.wakeAll(); }
                public int getAsInt() { return w.waiters(); }
            };
        });
    }

    @ParameterizedTest(name = "1 000 wakes with nobody waiting make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void fastPath(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        Counted w = newWait(word);
        for (int i = 0; i < 1_000; i++) {
            w.wakeAll();
        }
        if (!w.waitWhile(() -> false, 1000)) {
            fail("waitWhile returned false although the condition was already false");
        }
        if (word.counters().total() > 0) {
            fail("1 000 wakeAll() calls with no waiter made " + word.counters().total() + " futex calls (" + word.counters()
                    + "): read the waiter count and skip the wake when it is 0");
        }
        assertEquals(0, w.getAsInt(), "waiters() with nobody waiting");
    }

    @ParameterizedTest(name = "the waiter count drops back after a wake, a timeout and an interrupt ({0})")
    @EnumSource(FutexBackend.class)
    void countDropsBack(FutexBackend backend) throws Exception {
        Futex word = Ch7.futex(backend);
        Counted w = newWait(word);
        w.waitWhile(() -> true, 20);
        assertEquals(0, w.getAsInt(), "waiters() after a wait that timed out");
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        threads.start("woken", () -> w.waitWhile(() -> !done.get(), 3 * Ch7.PATIENCE_MILLIS));
        Thread interrupted = threads.start("interrupted", () -> {
            try {
                w.waitWhile(() -> true, 3 * Ch7.PATIENCE_MILLIS);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        threads.awaitWaitCalls(word, 2);
        assertEquals(2, w.getAsInt(), "waiters() with two threads asleep");
        interrupted.interrupt();
        done.set(true);
        w.wakeAll();
        threads.joinAll("a waiter did not leave");
        assertEquals(0, w.getAsInt(), "waiters() after one waiter was woken and one interrupted");
    }

    @ParameterizedTest(name = "a wake between the look of the waiter and its sleep is not lost, though the waker may skip the futex call ({0})")
    @EnumSource(FutexBackend.class)
    void wakeBetweenLookAndSleep(FutexBackend backend) throws Exception {
        Counted w = newWait(Ch7.futex(backend));
        String advice = "The waker read the count before the waiter was in it: either advance the sequence always, "
                + "before you read the count (then the sleep sees the new sequence), or count the waiter before it "
                + "looks at the condition";
        Ch7.wakeBetweenLookAndSleep(w, 1, backend, advice);
        Ch7.wakeBetweenLookAndSleep(w, 2, backend, advice);
    }

    @ParameterizedTest(name = "no wake is lost: 2 waiters, 2 000 steps racing their wakes ({0})")
    @EnumSource(FutexBackend.class)
    void stress(FutexBackend backend) throws Exception {
        Ch7.stress(newWait(Ch7.futex(backend)), backend, 2_000);
    }
}
