package chapter03;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.OneShotEvent;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;

@Exercise(id = "3.2", title = "An event that keeps quiet", file = "QuietEvent.java",
        hint = "chapter 3, 'Waking only when someone sleeps'", timeoutSeconds = 30)
class QuietEventTest {

    interface Event {
        void set();

        void await();

        boolean isSet();
    }

    private static Event newEvent(Futex word) {
        return Impl.pick(() -> {
            OneShotEvent e = new OneShotEvent(word);
            return new Event() {
                public void set() { e.set(); }
                public void await() { e.await(); }
                public boolean isSet() { return e.isSet(); }
            };
        }, () -> {
            QuietEvent e = new QuietEvent(word);
            return new Event() {
                public void set() { e.set(); }
                public void await() { e.await(); }
                public boolean isSet() { return e.isSet(); }
            };
        });
    }

    @Test
    @DisplayName("set() with nobody waiting makes no futex call; await() on a set event makes none either")
    void quietWithoutWaiters() {
        Futex word = Ch3.futex(FutexBackend.LINUX, 0);
        Event event = newEvent(word);
        if (event.isSet()) {
            fail("a new event (word = 0) says it is set");
        }
        event.set();
        assertTrue(event.isSet(), "after set(), isSet() must be true");
        event.set();
        event.await();
        long wakes = word.counters().wakes();
        long waits = word.counters().waits();
        if (wakes > 0) {
            fail("set() made " + wakes + " wake call(s) with nobody waiting; it should make none. Let a waiter say in the "
                    + "word that it is going to sleep, and wake only if one did");
        }
        if (waits > 0) {
            fail("await() on a set event made " + waits + " wait call(s): look at the word first");
        }
    }

    @Test
    @DisplayName("1 000 events set with nobody waiting: not a single futex call")
    void thousandQuietEvents() {
        long calls = 0;
        for (int i = 0; i < 1000; i++) {
            Futex word = Ch3.futex(FutexBackend.PORTABLE, 0);
            Event event = newEvent(word);
            event.set();
            event.await();
            calls += word.counters().total();
        }
        if (calls > 0) {
            fail("1 000 events set before anyone waited made " + calls + " futex calls; they should make none");
        }
    }

    @ParameterizedTest(name = "set() wakes every sleeping waiter, which burned almost no CPU ({0})")
    @EnumSource(FutexBackend.class)
    void setWakesEveryWaiter(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Event event = newEvent(word);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread[] waiters = new Thread[4];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = threads.start("waiter-" + i, event::await);
        }
        threads.awaitWaitCalls(word, waiters.length);
        long cpu0 = ThreadWatch.cpuNanos(waiters[0]);
        long wall0 = System.nanoTime();
        Thread.sleep(200);
        long cpu = ThreadWatch.cpuNanos(waiters[0]) - cpu0;
        long wall = System.nanoTime() - wall0;
        threads.rethrow();
        for (Thread w : waiters) {
            if (!w.isAlive()) {
                fail("await() returned although the event was not set");
            }
        }
        event.set();
        threads.joinAll("set() left a waiter asleep: wake every one of them");
        assertTrue(cpu < wall / 5, String.format("a waiter burned %.0f ms of CPU in %.0f ms of waiting: it spins instead of "
                + "sleeping %s", cpu / 1e6, wall / 1e6, Ch3.on(backend)));
        assertTrue(word.counters().wakes() >= 1, "waiters were asleep, but set() made no wake call");
    }

    @ParameterizedTest(name = "a set() between a waiter's announcement and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void setInTheWindowIsNotLost(FutexBackend backend) throws Exception {
        WindowFutex word = Ch3.window(backend, 0);
        Event event = newEvent(word);
        word.beforeNextSleep(event::set);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        threads.start("waiter", event::await);
        threads.joinAll("the waiter is still asleep");
        if (word.cutShort() > 0) {
            fail("a waiter slept through a wake: set() ran after the waiter had looked at the word and before it slept, "
                    + "and the waiter slept on until the grader woke it " + Ch3.PATIENCE_MILLIS / 1000.0 + " s later. "
                    + "set() must change the word the waiter sleeps on, and wake if the waiter had announced itself");
        }
    }

    @ParameterizedTest(name = "no wake-up is lost: 10 000 events, 2 waiters each, set at random moments ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 10_000;
        WindowFutex[] words = new WindowFutex[rounds];
        Event[] events = new Event[rounds];
        for (int i = 0; i < rounds; i++) {
            words[i] = Ch3.window(backend, 0);
            events[i] = newEvent(words[i]);
        }
        Workers workers = Workers.start("event", 3, (index, random) -> {
            for (int i = 0; i < rounds; i++) {
                if (index < 2) {
                    events[i].await();
                } else {
                    for (int spin = random.nextInt(300); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    events[i].set();
                }
            }
        }).go();
        Ch3.joinWatching(workers, words, "a waiter slept through a wake: event {i} was set, but a waiter was still asleep "
                + Ch3.PATIENCE_MILLIS / 1000.0 + " s later " + Ch3.on(backend) + ". Does a waiter announce itself "
                + "atomically (compare-and-set), so that set() cannot slip in between its look and its announcement?");
    }
}
