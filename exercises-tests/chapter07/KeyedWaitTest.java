package chapter07;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;

@Exercise(id = "7.1", title = "A keyed wait on futex words", file = "KeyedWait.java",
        hint = "chapter 7, 'Keys on futex words'", timeoutSeconds = 30)
class KeyedWaitTest {
    interface Keyed {
        int wordOf(long key);

        int sequence(long key);

        boolean await(long key, int seen, long timeoutMillis) throws InterruptedException;

        void wakeAll(long key);
    }

    static Keyed newWait(Futex[] words) {
        return Impl.pick(() -> {
            org.syncbook.wait.steps.KeyedWait w = new org.syncbook.wait.steps.KeyedWait(words);
            return new Keyed() {
                public int wordOf(long k) { return w.wordOf(k); }
                public int sequence(long k) { return w.sequence(k); }
                public boolean await(long k, int s, long t) throws InterruptedException { return w.await(k, s, t); }
                public void wakeAll(long k) { w.wakeAll(k); }
            };
        }, () -> {
            KeyedWait w = new KeyedWait(words);
            return new Keyed() {
                public int wordOf(long k) { return w.wordOf(k); }
                public int sequence(long k) { return w.sequence(k); }
                public boolean await(long k, int s, long t) throws InterruptedException { return w.await(k, s, t); }
                public void wakeAll(long k) { w.wakeAll(k); }
            };
        });
    }

    static Futex[] words(FutexBackend backend, int n) {
        Futex[] words = new Futex[n];
        for (int i = 0; i < n; i++) {
            words[i] = Ch7.futex(backend);
        }
        return words;
    }

    @Test
    @DisplayName("keys spread over the table: 0..15 on 16 words use at least 8; every key lands inside it")
    void spread() {
        Keyed w = newWait(words(FutexBackend.PORTABLE, 16));
        Set<Integer> used = new HashSet<>();
        for (long key = 0; key < 16; key++) {
            used.add(w.wordOf(key));
        }
        for (long key : new long[] {-1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 40, 12345678901L}) {
            int i = w.wordOf(key);
            if (i < 0 || i >= 16) {
                fail("wordOf(" + key + ") = " + i + ", outside the table of 16 words");
            }
        }
        if (used.size() < 8) {
            fail("keys 0..15 use only " + used.size() + " of 16 words " + used + ": the more keys share a word, the more "
                    + "wake-ups each waiter gets for nothing. Mix the key's bits before you mask");
        }
    }

    @ParameterizedTest(name = "a wake between the sequence read and the sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void wakeBetweenReadAndSleep(FutexBackend backend) throws Exception {
        Keyed w = newWait(words(backend, 4));
        int seen = w.sequence(7);
        w.wakeAll(7);
        if (w.sequence(7) == seen) {
            fail("wakeAll(7) did not change sequence(7): a waiter that read it before the wake cannot tell it came");
        }
        if (!w.await(7, seen, 2 * Ch7.PATIENCE_MILLIS)) {
            fail("await(7, seen) slept until its timeout although the sequence had moved since seen was read "
                    + Ch7.on(backend) + ": sleep expecting seen, not the word's current value");
        }
    }

    @ParameterizedTest(name = "a sleeping waiter of a key is woken by wakeAll of that key ({0})")
    @EnumSource(FutexBackend.class)
    void sleeperWakes(FutexBackend backend) throws Exception {
        Futex[] words = words(backend, 4);
        Keyed w = newWait(words);
        AtomicReference<Boolean> got = new AtomicReference<>();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        int seen = w.sequence(3);
        threads.start("waiter", () -> got.set(w.await(3, seen, 3 * Ch7.PATIENCE_MILLIS)));
        threads.awaitWaitCalls(words[w.wordOf(3)], 1);
        w.wakeAll(3);
        threads.joinAll("the waiter of key 3 slept through wakeAll(3)");
        assertEquals(Boolean.TRUE, got.get(), "await should return true after a wake");
    }

    @ParameterizedTest(name = "stray wake-ups neither end the wait nor keep it from timing out ({0})")
    @EnumSource(FutexBackend.class)
    void strayWakeups(FutexBackend backend) throws Exception {
        Futex[] words = words(backend, 1);
        Keyed w = newWait(words);
        AtomicBoolean stop = new AtomicBoolean();
        TestThreads threads = new TestThreads(Ch7.PATIENCE_MILLIS);
        threads.start("stray-waker", () -> {
            while (!stop.get()) {
                words[0].wake(1);
                Thread.sleep(2);
            }
        });
        long start = System.nanoTime();
        boolean got = w.await(1, w.sequence(1), 200);
        long took = System.nanoTime() - start;
        stop.set(true);
        threads.joinAll("the stray waker did not stop");
        if (got) {
            fail("await returned true although the sequence never moved: a futex wait that returns proves nothing; "
                    + "compare the word with seen again");
        }
        if (took < 200_000_000L) {
            fail(String.format("await gave up after %.0f ms of a 200 ms timeout: a wake-up is not a timeout", took / 1e6));
        }
        if (words[0].counters().waits() == 0) {
            fail("await made no futex wait: sleep on the word while it holds seen");
        }
    }

    @ParameterizedTest(name = "no wake is lost: two threads pass a turn back and forth 2 000 times on two keys ({0})")
    @EnumSource(FutexBackend.class)
    void stress(FutexBackend backend) throws Exception {
        Keyed w = newWait(words(backend, 2));
        AtomicReference<Integer> turn = new AtomicReference<>(0);
        Workers.start("turns", 2, (index, random) -> {
            long mine = index;
            long theirs = 1 - index;
            for (int i = 0; i < 2_000; i++) {
                while (true) {
                    int seen = w.sequence(mine); // before the look, as the protocol says
                    if (turn.get() == index) {
                        break;
                    }
                    if (!w.await(mine, seen, 2 * Ch7.PATIENCE_MILLIS) && turn.get() != index) {
                        throw new AssertionError("thread " + index + " slept through its turn's wake " + Ch7.on(backend));
                    }
                }
                turn.set(1 - index);
                w.wakeAll(theirs);
            }
        }).go().join();
    }
}
