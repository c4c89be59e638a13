package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;

/** {@link Countdown}: count to zero on one futex word; only the last countDown wakes. */
class CountdownTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("1 000 countDowns with nobody waiting make no futex call; extra ones do nothing")
    void noCallsWithoutWaiters(FutexBackend backend) {
        Countdown countdown = new Countdown(1000, backend);
        for (int i = 0; i < 1100; i++) {
            countdown.countDown();
        }
        assertEquals(0, countdown.count());
        countdown.await();
        assertEquals(0, countdown.word().counters().total(), "futex calls: " + countdown.word().counters());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("4 waiters, 1 000 countDowns from 4 threads: all waiters released by a single wake call")
    void lastCountDownWakesAll(FutexBackend backend) throws Exception {
        Countdown countdown = new Countdown(1000, backend);
        Waiters waiters = new Waiters();
        for (int i = 0; i < 4; i++) {
            waiters.start("waiter-" + i, countdown::await);
        }
        Waiters.awaitWaits(countdown.word(), 4);
        Waiters counters = new Waiters();
        for (int c = 0; c < 4; c++) {
            counters.start("counter-" + c, () -> {
                for (int i = 0; i < 250; i++) {
                    countdown.countDown();
                }
            });
        }
        counters.joinAll("a counting thread got stuck");
        waiters.joinAll("the countdown reached zero but left a waiter asleep");
        assertEquals(0, countdown.count());
        assertEquals(1, countdown.word().counters().wakes(), "wake calls: only the countDown that reaches zero wakes");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the last countDown inside the window between announcing and sleeping is not lost")
    void lastCountDownInTheWindow(FutexBackend backend) {
        WindowFutex word = new WindowFutex(Waiters.futex(backend, 0), 5, TimeUnit.SECONDS);
        Countdown countdown = new Countdown(word, 1);
        word.beforeNextSleep(countdown::countDown);
        countdown.await();
        assertEquals(0, word.cutShort(), "the waiter slept through the last countDown");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("no wake-up is lost: 5 000 countdowns of 3, counted down by 3 threads while 1 thread waits")
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 5_000;
        Countdown[] countdowns = new Countdown[rounds];
        for (int i = 0; i < rounds; i++) {
            countdowns[i] = new Countdown(Waiters.futex(backend, 0), 3);
        }
        Waiters threads = new Waiters();
        threads.start("waiter", () -> {
            for (Countdown c : countdowns) {
                c.await();
            }
        });
        for (int t = 0; t < 3; t++) {
            threads.start("counter-" + t, () -> {
                for (Countdown c : countdowns) {
                    c.countDown();
                }
            });
        }
        threads.joinAll("a wake-up was lost");
    }

    @Test
    @DisplayName("a countdown of 0 is open from the start; a negative count is refused")
    void edges() {
        Countdown open = new Countdown(0, FutexBackend.PORTABLE);
        open.await();
        open.countDown();
        assertEquals(0, open.count());
        assertThrows(IllegalArgumentException.class, () -> new Countdown(-1, FutexBackend.PORTABLE));
    }
}
