package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;
import org.syncbook.lock.MutexStepsTest.Counter;
import org.syncbook.lock.MutexStepsTest.Word;

/** {@link FutexMutex}, chapter 4's last step, against the {@link java.util.concurrent.locks.Lock} contract, on every word. */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class FutexMutexTest {

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("every way in and out, uncontended, makes no futex call")
    void uncontendedMakesNoCall(Word word) throws Exception {
        Futex futex = word.create();
        FutexMutex mutex = new FutexMutex(futex);
        mutex.lock();
        mutex.unlock();
        assertTrue(mutex.tryLock());
        mutex.unlock();
        mutex.lockInterruptibly();
        mutex.unlock();
        assertTrue(mutex.tryLock(1, TimeUnit.SECONDS));
        mutex.unlock();
        try (FutexMutex.Guard held = mutex.guard()) {
            assertTrue(mutex.isHeldByCurrentThread());
        }
        assertFalse(mutex.isHeldByCurrentThread(), "closing the guard unlocks");
        assertEquals(0, futex.counters().total(), futex.counters().toString());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("4 threads x 10,000 increments through lock, tryLock, lockInterruptibly, tryLock(timeout) and guard lose none")
    void excludesThroughEveryEntry(Word word) throws Exception {
        int threads = 4;
        int iterations = 10_000;
        FutexMutex mutex = new FutexMutex(word.create(), 10);
        Counter counter = new Counter();
        Workers workers = Workers.start("entries", threads, (i, random) -> {
            for (int n = 0; n < iterations; n++) {
                switch (random.nextInt(5)) {
                    case 0 -> mutex.lock();
                    case 1 -> {
                        while (!mutex.tryLock()) {
                            Thread.onSpinWait();
                        }
                    }
                    case 2 -> mutex.lockInterruptibly();
                    case 3 -> {
                        while (!mutex.tryLock(random.nextInt(50), TimeUnit.MICROSECONDS)) {
                            Thread.onSpinWait();
                        }
                    }
                    default -> {
                        try (FutexMutex.Guard held = mutex.guard()) {
                            counter.value++;
                        }
                        continue;
                    }
                }
                counter.value++;
                mutex.unlock();
            }
        }).go();
        workers.join();
        assertEquals((long) threads * iterations, counter.value, "lost increments (seed " + workers.seed() + ")");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("lockInterruptibly answers an interrupt while asleep, and the lock still works after")
    void lockInterruptiblyAnswersInterrupt(Word word) throws Exception {
        Futex futex = word.create();
        FutexMutex mutex = new FutexMutex(futex);
        mutex.lock();
        TestThreads threads = new TestThreads(10_000);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread waiter = threads.start("waiter", () -> {
            try {
                mutex.lockInterruptibly();
                outcome.set(new AssertionError("took a lock that main holds"));
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });
        threads.awaitWaitCalls(futex, 1);
        waiter.interrupt();
        threads.joinAll("lockInterruptibly did not answer an interrupt");
        assertInstanceOf(InterruptedException.class, outcome.get());
        mutex.unlock();
        TestThreads after = new TestThreads(10_000);
        after.start("next", () -> {
            mutex.lock();
            mutex.unlock();
        });
        after.joinAll("the lock was left unusable by an interrupted waiter");
    }

    @Test
    @DisplayName("a thread interrupted before lockInterruptibly throws at once, even if the lock is free")
    void interruptedBeforeThrows() {
        FutexMutex mutex = new FutexMutex(Word.PORTABLE_HEAP.create());
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, mutex::lockInterruptibly);
        assertFalse(Thread.interrupted(), "the interrupt flag is cleared by the exception");
        assertFalse(mutex.isHeldByCurrentThread());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("tryLock(100 ms) on a held lock returns false, and not before 100 ms")
    void tryLockTimesOut(Word word) throws Exception {
        FutexMutex mutex = new FutexMutex(word.create());
        mutex.lock();
        TestThreads threads = new TestThreads(10_000);
        AtomicReference<Object> outcome = new AtomicReference<>();
        threads.start("timed", () -> {
            assertFalse(mutex.tryLock(0, TimeUnit.SECONDS), "tryLock(0) of a held lock");
            long start = System.nanoTime();
            boolean got = mutex.tryLock(100, TimeUnit.MILLISECONDS);
            long waited = System.nanoTime() - start;
            outcome.set(got);
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(100), "gave up after " + waited / 1000 + " µs");
        });
        threads.joinAll("tryLock(100 ms) did not return");
        assertEquals(false, outcome.get());
        mutex.unlock();
        assertTrue(mutex.tryLock(), "free again after the timed-out waiter left");
        mutex.unlock();
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("tryLock(timeout) takes the lock when it is released within the timeout")
    void tryLockSucceedsWhenReleased(Word word) throws Exception {
        Futex futex = word.create();
        FutexMutex mutex = new FutexMutex(futex);
        mutex.lock();
        TestThreads threads = new TestThreads(10_000);
        AtomicBoolean got = new AtomicBoolean();
        threads.start("timed", () -> {
            got.set(mutex.tryLock(30, TimeUnit.SECONDS));
            mutex.unlock();
        });
        threads.awaitWaitCalls(futex, 1);
        mutex.unlock();
        threads.joinAll("a timed waiter was not woken by unlock");
        assertTrue(got.get());
    }

    @Test
    @DisplayName("unlocking a lock the thread does not hold throws IllegalMonitorStateException and changes nothing")
    void unlockByNonOwnerThrows() throws Exception {
        FutexMutex mutex = new FutexMutex(Word.PORTABLE_HEAP.create());
        assertThrows(IllegalMonitorStateException.class, mutex::unlock, "unlock of a free lock");
        mutex.lock();
        mutex.unlock();
        assertThrows(IllegalMonitorStateException.class, mutex::unlock, "second unlock");
        mutex.lock();
        TestThreads threads = new TestThreads(10_000);
        threads.start("stranger", () -> {
            assertThrows(IllegalMonitorStateException.class, mutex::unlock, "unlock by another thread");
            assertFalse(mutex.tryLock(), "the lock is still held after a stranger's unlock");
        });
        threads.joinAll("stranger stuck");
        assertTrue(mutex.isHeldByCurrentThread());
        mutex.unlock();
    }

    @Test
    @DisplayName("a word that does not hold 0 and a negative spin budget are refused")
    void refusesBadArguments() {
        Futex busy = Word.PORTABLE_HEAP.create();
        busy.set(1);
        assertThrows(IllegalArgumentException.class, () -> new FutexMutex(busy));
        assertThrows(IllegalArgumentException.class, () -> new FutexMutex(Word.PORTABLE_HEAP.create(), -1));
    }
}
