package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;

/** {@link OneShotEvent}: a latch that makes no system call when nobody waits. */
class OneShotEventTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("set() with nobody waiting makes no wake call; await() on a set event makes no wait call")
    void noCallsWithoutWaiters(FutexBackend backend) {
        OneShotEvent event = new OneShotEvent(backend);
        assertFalse(event.isSet());
        event.set();
        event.set();
        event.await();
        assertTrue(event.isSet());
        assertEquals(0, event.word().counters().total(), "futex calls: " + event.word().counters());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("set() wakes every sleeping waiter with one wake call")
    void wakesAllWaiters(FutexBackend backend) throws Exception {
        OneShotEvent event = new OneShotEvent(backend);
        Waiters waiters = new Waiters();
        for (int i = 0; i < 4; i++) {
            waiters.start("waiter-" + i, event::await);
        }
        Waiters.awaitWaits(event.word(), 4);
        event.set();
        waiters.joinAll("set() left a waiter asleep");
        assertEquals(1, event.word().counters().wakes(), "wake calls");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a set() inside the window between announcing and sleeping is not lost")
    void setInTheWindow(FutexBackend backend) {
        WindowFutex word = new WindowFutex(Waiters.futex(backend, 0), 5, TimeUnit.SECONDS);
        OneShotEvent event = new OneShotEvent(word);
        word.beforeNextSleep(event::set);
        event.await();
        assertEquals(0, word.cutShort(), "the waiter slept through set()");
        assertEquals(1, word.counters().wakes(), "the waiter had announced itself, so set() had to wake");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("no wake-up is lost: 10 000 events, 2 waiters each, set at random moments (seed printed)")
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 10_000;
        long seed = System.nanoTime();
        OneShotEvent[] events = new OneShotEvent[rounds];
        for (int i = 0; i < rounds; i++) {
            events[i] = new OneShotEvent(Waiters.futex(backend, 0));
        }
        Waiters threads = new Waiters();
        for (int w = 0; w < 2; w++) {
            threads.start("waiter-" + w, () -> {
                for (OneShotEvent e : events) {
                    e.await();
                }
            });
        }
        threads.start("setter", () -> {
            Random random = new Random(seed);
            for (OneShotEvent e : events) {
                for (int spin = random.nextInt(300); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                e.set();
            }
        });
        threads.joinAll("a wake-up was lost (seed " + seed + ")");
    }

    @Test
    @DisplayName("an event refuses a word that does not hold 0")
    void refusesAUsedWord() {
        assertThrows(IllegalArgumentException.class, () -> new OneShotEvent(Waiters.futex(FutexBackend.PORTABLE, 2)));
    }
}
