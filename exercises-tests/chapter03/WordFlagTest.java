package chapter03;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.FutexFlag;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.sys.Flag;

@Exercise(id = "3.1", title = "A flag on a futex word", file = "WordFlag.java",
        hint = "chapter 3, 'A word to sleep on', 'Lost wake-ups' and 'Spurious wake-ups'", timeoutSeconds = 30)
class WordFlagTest {

    private static Flag newFlag(Futex word) {
        return Impl.pick(() -> new FutexFlag(word), () -> new WordFlag(word));
    }

    @Test
    @DisplayName("a raised flag lets a waiter through at once; raise() stores 1 in the futex word")
    void raisedFlagDoesNotBlock() throws Exception {
        Futex word = Ch3.futex(FutexBackend.LINUX, 0);
        Flag flag = newFlag(word);
        if (flag.isRaised()) {
            fail("a new flag (word = 0) says it is raised");
        }
        flag.raise();
        assertTrue(flag.isRaised(), "after raise(), isRaised() must be true");
        assertEquals(1, word.get(), "after raise() the futex word should hold 1: the flag's state lives in the word");
        flag.awaitRaised(); // blocking here hits the time limit
        flag.raise(); // twice is allowed
        assertEquals(0, word.counters().waits(),
                "awaitRaised() on a raised flag made a futex wait call: look at the word first, sleep only while it holds 0");
    }

    @Test
    @DisplayName("raise() stores 1 in the word before it wakes anyone")
    void storeBeforeWake() {
        WindowFutex word = Ch3.window(FutexBackend.LINUX, 0);
        Flag flag = newFlag(word);
        AtomicReference<Integer> atWake = new AtomicReference<>();
        word.beforeEachWake(() -> atWake.compareAndSet(null, word.get()));
        flag.raise();
        if (atWake.get() == null) {
            fail("raise() made no wake call: a waiter asleep on the word would sleep on");
        }
        if (atWake.get() == 0) {
            fail("raise() called wake while the word still held 0: a waiter that looks at the word between your wake "
                    + "and your store goes to sleep after the wake and sleeps through it. Store first, then wake");
        }
    }

    @ParameterizedTest(name = "a waiter sleeps on the futex word and burns almost no CPU ({0})")
    @EnumSource(FutexBackend.class)
    void waiterSleepsOnTheWord(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Flag flag = newFlag(word);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", flag::awaitRaised);
        threads.awaitWaitCalls(word, 1);
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long wall0 = System.nanoTime();
        Thread.sleep(300);
        long cpu = ThreadWatch.cpuNanos(waiter) - cpu0;
        long wall = System.nanoTime() - wall0;
        threads.rethrow();
        if (!waiter.isAlive()) {
            fail("awaitRaised() returned although the flag is down");
        }
        flag.raise();
        threads.joinAll("raise() did not wake the waiter");
        assertTrue(word.counters().waits() > 0,
                "the waiter never called a wait on the futex it was given: sleep with word.awaitInterruptibly(0) " + Ch3.on(backend));
        assertTrue(cpu < wall / 5, String.format("while the flag was down for %.0f ms, the waiter burned %.0f ms of CPU: "
                + "it spins instead of sleeping in the futex %s", wall / 1e6, cpu / 1e6, Ch3.on(backend)));
    }

    @ParameterizedTest(name = "raise() wakes every waiter, not just one ({0})")
    @EnumSource(FutexBackend.class)
    void raiseWakesEveryWaiter(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Flag flag = newFlag(word);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        for (int i = 0; i < 4; i++) {
            threads.start("waiter-" + i, flag::awaitRaised);
        }
        threads.awaitWaitCalls(word, 4);
        flag.raise();
        threads.joinAll("raise() left a waiter asleep: wake them all (wakeAll), not just one");
    }

    @ParameterizedTest(name = "a raise between the waiter's last check and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void raiseInTheWindowIsNotLost(FutexBackend backend) throws Exception {
        WindowFutex word = Ch3.window(backend, 0);
        Flag flag = newFlag(word);
        word.beforeNextSleep(flag::raise); // runs in the waiter, right before its wait reaches the futex
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        threads.start("waiter", flag::awaitRaised);
        threads.joinAll("the waiter is still asleep");
        if (word.cutShort() > 0) {
            fail("a waiter slept through a wake: raise() ran between the waiter's last look at the flag and its sleep, "
                    + "and the waiter slept on until the grader woke it " + Ch3.PATIENCE_MILLIS / 1000.0 + " s later. "
                    + "Keep the flag's state in the futex word and sleep expecting 0, so that the futex itself sees the raise");
        }
    }

    @ParameterizedTest(name = "a wake-up without a raise (spurious) sends the waiter back to sleep ({0})")
    @EnumSource(FutexBackend.class)
    void spuriousWakeupIsIgnored(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Flag flag = newFlag(word);
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", flag::awaitRaised);
        threads.awaitWaitCalls(word, 1);
        long deadline = System.currentTimeMillis() + Ch3.PATIENCE_MILLIS;
        while (word.wake(1) == 0 && waiter.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(1); // until the stray wake finds the waiter asleep
        }
        waiter.join(100);
        threads.rethrow();
        if (!waiter.isAlive()) {
            fail("awaitRaised() returned after a wake-up although nobody raised the flag (the word still holds 0). "
                    + "A futex wait may end for no reason: wait in a loop that looks at the word again");
        }
        flag.raise();
        threads.joinAll("the waiter missed the real raise after a spurious wake-up");
    }

    @ParameterizedTest(name = "no wake-up is lost: 10 000 raises racing 10 000 waits ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        int rounds = 10_000;
        WindowFutex[] words = new WindowFutex[rounds];
        Flag[] flags = new Flag[rounds];
        for (int i = 0; i < rounds; i++) {
            words[i] = Ch3.window(backend, 0);
            flags[i] = newFlag(words[i]);
        }
        // One thread waits for the flags in order while the other raises them, pausing at random,
        // so raises land before, during and after the waits, some right between a check and a sleep.
        Workers flagWorkers = Workers.start("flag", 2, (index, random) -> {
            for (int i = 0; i < rounds; i++) {
                if (index == 0) {
                    flags[i].awaitRaised();
                } else {
                    for (int spin = random.nextInt(300); spin > 0; spin--) {
                        Thread.onSpinWait();
                    }
                    flags[i].raise();
                }
            }
        }).go();
        Ch3.joinWatching(flagWorkers, words, "a waiter slept through a wake: flag {i} was raised, but its waiter was still "
                + "asleep " + Ch3.PATIENCE_MILLIS / 1000.0 + " s later " + Ch3.on(backend));
    }

    @ParameterizedTest(name = "an interrupted waiter stops waiting with InterruptedException ({0})")
    @EnumSource(FutexBackend.class)
    void interruptStopsTheWait(FutexBackend backend) throws Exception {
        Futex word = Ch3.futex(backend, 0);
        Flag flag = newFlag(word);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean returned = new AtomicBoolean();
        TestThreads threads = new TestThreads(Ch3.PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> {
            try {
                flag.awaitRaised();
                returned.set(true);
            } catch (InterruptedException e) {
                thrown.set(e);
            }
        });
        threads.awaitWaitCalls(word, 1);
        waiter.interrupt();
        waiter.join(Ch3.PATIENCE_MILLIS);
        threads.rethrow();
        if (waiter.isAlive()) {
            flag.raise();
            fail("the interrupted waiter was still asleep " + Ch3.PATIENCE_MILLIS / 1000.0 + " s later: a thread asleep "
                    + "in the kernel does not see Thread.interrupt(); use word.awaitInterruptibly(0), which checks for it");
        }
        if (returned.get()) {
            fail("the interrupted waiter returned normally although the flag is down: throw InterruptedException");
        }
        assertTrue(thrown.get() instanceof InterruptedException, "the interrupted waiter should throw InterruptedException");
    }
}
