package chapter03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.Countdown;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;

@Exercise(id = "3.3", title = "A countdown on one word", file = "FutexCountdown.java",
        hint = "chapter 3, 'A countdown'", timeoutSeconds = 30)
class FutexCountdownTest {

    interface Latch {
        void countDown();

        void await();

        int count();
    }

    private static Latch newCountdown(Futex word, int count) {
        return Impl.pick(() -> {
            Countdown c = new Countdown(word, count);
            return new Latch() {
                public void countDown() { c.countDown(); }
                public void await() { c.await(); }
                public int count() { return c.count(); }
            };
        }, () -> {
            FutexCountdown c = new FutexCountdown(word, count);
            return new Latch() {
                public void countDown() { c.countDown(); }
                public void await() { c.await(); }
                public int count() { return c.count(); }
            };
        });
    }

    @Test
    @DisplayName("count() counts down to 0 and stays there; a countdown of 0 is open; await() on it returns at once")
    void counting() {
        Latch three = newCountdown(Ch3.futex(FutexBackend.LINUX, 0), 3);
        assertEquals(3, three.count(), "count() of a new countdown of 3");
        three.countDown();
        assertEquals(2, three.count(), "count() after one countDown()");
        three.countDown();
        three.countDown();
        three.countDown();
        assertEquals(0, three.count(), "count() after four countDown()s of a countdown of 3: it must stop at 0");
        three.await();
        Latch open = newCountdown(Ch3.futex(FutexBackend.LINUX, 0), 0);
        open.await();
        assertEquals(0, open.count());
        assertThrows(IllegalArgumentException.class, () -> newCountdown(Ch3.futex(FutexBackend.LINUX, 0), -1));
    }

    @ParameterizedTest(name = "1 000 countDowns with nobody waiting make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void quietWithoutWaiters(FutexBackend backend) {
        Futex word = Ch3.futex(backend, 0);
        Latch countdown = newCountdown(word, 1000);
        for (int i = 0; i < 1000; i++) {
            countdown.countDown();
        }
        countdown.await();
        long wakes = word.counters().wakes();
        if (wakes > 0) {
            fail("your countdown sent " + wakes + " wake(s) with nobody waiting; it should send none. Let a waiter say in "
                    + "the word that it sleeps, and wake only if one did");
        }
        if (word.counters().waits() > 0) {
            fail("await() on an open countdown made a wait call: look at the word first");
        }
    }

    @ParameterizedTest(name = "4 waiters stay asleep until the count reaches zero, then one wake call frees them all ({0})")
    @EnumSource(FutexBackend.class)
    void onlyTheLastCountDownWakes(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Latch countdown = newCountdown(word, 1000);
        TestThreads waiters = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = waiters.start("waiter-" + i, countdown::await);
        }
        waiters.awaitWaitCalls(word, threads.length);
        for (int i = 0; i < 999; i++) {
            countdown.countDown();
        }
        Thread.sleep(50);
        waiters.rethrow();
        for (Thread t : threads) {
            if (!t.isAlive()) {
                fail("a waiter returned from await() with the count at " + countdown.count() + ", not 0");
            }
        }
        long early = word.counters().wakes();
        countdown.countDown();
        waiters.joinAll("the count reached zero but a waiter is still asleep");
        if (early > 0) {
            fail("your countdown made " + early + " wake call(s) before the count reached zero; only the countDown that "
                    + "reaches zero should wake (the others change the word, which wakes nobody and loses nothing)");
        }
        long wakes = word.counters().wakes();
        if (wakes != 1) {
            fail("the countDown that reached zero made " + wakes + " wake calls for 4 waiters; one wakeAll() frees them all");
        }
    }

    @ParameterizedTest(name = "the last countDown between a waiter's announcement and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void lastCountDownInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex word = Ch3.window(backend, 0);
        Latch countdown = newCountdown(word, 1);
        word.beforeNextSleep(countdown::countDown);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        threads.start("waiter", countdown::await);
        threads.joinAll("the waiter is still asleep");
        if (word.cutShort() > 0) {
            fail("a waiter slept through a wake: the last countDown() ran after the waiter had looked at the word and "
                    + "before it slept, and the waiter slept on until the grader woke it " + Ch3.PATIENCE_MILLIS / 1000.0
                    + " s later. Sleep expecting exactly the value you saw (with your announcement in it), so that any "
                    + "countDown in between makes the futex return at once");
        }
    }

    @ParameterizedTest(name = "no wake-up is lost: 5 000 countdowns of 3, 3 counting threads, 2 waiting ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 5_000;
        WindowFutex[] words = new WindowFutex[rounds];
        Latch[] countdowns = new Latch[rounds];
        for (int i = 0; i < rounds; i++) {
            words[i] = Ch3.window(backend, 0);
            countdowns[i] = newCountdown(words[i], 3);
        }
        Workers workers = Workers.start("countdown", 5, (index, random) -> {
            for (int i = 0; i < rounds; i++) {
                if (index < 2) {
                    countdowns[i].await();
                    if (countdowns[i].count() != 0) {
                        throw new AssertionError("await() returned with the count at " + countdowns[i].count() + ", not 0");
                    }
                } else {
                    for (int spin = random.nextInt(100); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    countdowns[i].countDown();
                }
            }
        }).go();
        Ch3.joinWatching(workers, words, "a waiter slept through a wake: countdown {i} reached zero, but a waiter was "
                + "still asleep " + Ch3.PATIENCE_MILLIS / 1000.0 + " s later " + Ch3.on(backend));
    }
}
