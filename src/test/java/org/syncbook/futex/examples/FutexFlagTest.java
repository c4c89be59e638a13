package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.ThreadWatch;

/** {@link FutexFlag}: the flag chapter 3 opens with, on both back ends. */
class FutexFlagTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a raised flag lets a waiter through at once, without a wait call")
    void raisedFlagDoesNotBlock(FutexBackend backend) throws Exception {
        FutexFlag flag = new FutexFlag(backend);
        assertFalse(flag.isRaised());
        flag.raise();
        assertTrue(flag.isRaised());
        flag.awaitRaised();
        flag.awaitRaisedUninterruptibly();
        assertEquals(0, flag.word().counters().waits(), "waits on a raised flag");
        assertEquals(1, flag.word().counters().wakes(), "one raise, one wake call");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("raise() wakes every sleeping waiter, which burned almost no CPU while asleep")
    void raiseWakesAllSleepers(FutexBackend backend) throws Exception {
        FutexFlag flag = new FutexFlag(backend);
        Waiters waiters = new Waiters();
        Thread[] threads = new Thread[4];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = waiters.start("waiter-" + i, flag::awaitRaised);
        }
        Waiters.awaitWaits(flag.word(), threads.length);
        long cpu0 = ThreadWatch.cpuNanos(threads[0]);
        Thread.sleep(200);
        long burned = ThreadWatch.cpuNanos(threads[0]) - cpu0;
        flag.raise();
        waiters.joinAll("raise() left a waiter asleep");
        assertTrue(burned < TimeUnit.MILLISECONDS.toNanos(40), "a sleeping waiter burned " + burned / 1000 + " µs of CPU in 200 ms");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a raise inside the window between the waiter's check and its sleep is not lost")
    void raiseInTheWindowIsNotLost(FutexBackend backend) throws Exception {
        WindowFutex word = new WindowFutex(Waiters.futex(backend, 0), 5, TimeUnit.SECONDS);
        FutexFlag flag = new FutexFlag(word);
        word.beforeNextSleep(flag::raise);
        flag.awaitRaisedUninterruptibly();
        assertFalse(word.actionPending(), "the waiter never tried to sleep");
        assertEquals(0, word.cutShort(), "the waiter slept through the raise");
        assertEquals(1, word.counters().waits(), "one wait call, which found the word changed");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a wake-up without a raise (spurious) sends the waiter back to sleep")
    void spuriousWakeupIsIgnored(FutexBackend backend) throws Exception {
        FutexFlag flag = new FutexFlag(backend);
        Waiters waiters = new Waiters();
        Thread waiter = waiters.start("waiter", flag::awaitRaised);
        Waiters.awaitWaits(flag.word(), 1);
        Waiters.wakeOneSleeper(flag.word()); // the word still holds 0
        Waiters.awaitWaits(flag.word(), 2); // it went back to sleep
        assertTrue(waiter.isAlive(), "the waiter returned although the flag is down");
        flag.raise();
        waiters.joinAll("the waiter missed the real raise");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("no wake-up is lost: 10 000 raises racing 10 000 waits (2 threads, random pauses, seed printed)")
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 10_000;
        long seed = System.nanoTime();
        FutexFlag[] flags = new FutexFlag[rounds];
        for (int i = 0; i < rounds; i++) {
            flags[i] = new FutexFlag(Waiters.futex(backend, 0));
        }
        Waiters threads = new Waiters();
        threads.start("waiter", () -> {
            for (FutexFlag f : flags) {
                f.awaitRaised();
            }
        });
        threads.start("raiser", () -> {
            Random random = new Random(seed);
            for (FutexFlag f : flags) {
                for (int spin = random.nextInt(300); spin > 0; spin--) {
                    Thread.onSpinWait();
                }
                f.raise();
            }
        });
        threads.joinAll("a wake-up was lost (seed " + seed + ")");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("an interrupted waiter throws InterruptedException; the uninterruptible wait ignores interrupts")
    void interrupts(FutexBackend backend) throws Exception {
        FutexFlag flag = new FutexFlag(backend);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Waiters waiters = new Waiters();
        Thread interruptible = waiters.start("interruptible", () -> {
            try {
                flag.awaitRaised();
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread plain = waiters.start("uninterruptible", () -> {
            flag.awaitRaisedUninterruptibly();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        Waiters.awaitWaits(flag.word(), 2);
        interruptible.interrupt();
        plain.interrupt();
        interruptible.join(Waiters.JOIN_MILLIS);
        assertInstanceOf(InterruptedException.class, thrown.get(), "the interruptible waiter should have thrown");
        Thread.sleep(50);
        assertTrue(plain.isAlive(), "the uninterruptible waiter returned on an interrupt with the flag down");
        flag.raise();
        waiters.joinAll("raise() did not release the uninterruptible waiter");
        assertEquals(Boolean.TRUE, stillInterrupted.get(), "the uninterruptible wait must keep the interrupt flag set");
    }

    @org.junit.jupiter.api.Test
    @DisplayName("a flag refuses a word that does not hold 0")
    void refusesARaisedWord() {
        Futex word = Waiters.futex(FutexBackend.PORTABLE, 1);
        assertThrows(IllegalArgumentException.class, () -> new FutexFlag(word));
    }
}
