package org.syncbook.futex.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;

/**
 * The two broken flags of chapter 3 really are broken, in the way the chapter says: shown with
 * {@link WindowFutex}, which puts the raise exactly where it does harm, so each test is
 * deterministic instead of waiting for a rare interleaving.
 */
class BrokenFlagsTest {

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("BrokenLostWakeupFlag: a raise between the check and the sleep is lost; the waiter sleeps until cut short")
    void lostWakeup(FutexBackend backend) {
        // tag::window[]
        WindowFutex word = new WindowFutex(Waiters.futex(backend, 0), 100, TimeUnit.MILLISECONDS);
        BrokenLostWakeupFlag flag = new BrokenLostWakeupFlag(word);
        word.beforeNextSleep(flag::raise); // runs in the waiter, after its check, before its sleep
        long start = System.nanoTime();
        flag.awaitRaised(); // returns only because the WindowFutex cuts the sleep short
        long slept = System.nanoTime() - start;
        assertEquals(1, word.cutShort(), "the waiter should have slept through the raise, once");
        // end::window[]
        assertTrue(slept >= TimeUnit.MILLISECONDS.toNanos(100), "slept only " + slept / 1000 + " µs");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("FutexFlag, same window: the futex sees the changed word, and nobody sleeps")
    void fixedFlagInTheSameWindow(FutexBackend backend) throws Exception {
        WindowFutex word = new WindowFutex(Waiters.futex(backend, 0), 100, TimeUnit.MILLISECONDS);
        FutexFlag flag = new FutexFlag(word);
        word.beforeNextSleep(flag::raise);
        flag.awaitRaised();
        assertEquals(0, word.cutShort());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("BrokenNoLoopFlag: a wake-up without a raise lets the waiter through with the flag down")
    void spuriousWakeupBelieved(FutexBackend backend) throws Exception {
        BrokenNoLoopFlag flag = new BrokenNoLoopFlag(Waiters.futex(backend, 0));
        Waiters waiters = new Waiters();
        waiters.start("waiter", flag::awaitRaised);
        Waiters.awaitWaits(flag.word(), 1);
        Waiters.wakeOneSleeper(flag.word()); // a stray wake: the word still holds 0
        waiters.joinAll("the broken waiter should have returned on the stray wake");
        assertFalse(flag.isRaised(), "nobody raised the flag, yet the waiter is through");
    }
}
