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
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.grading.TestThreads;

/**
 * {@link FutexMutex} against the {@link java.util.concurrent.locks.Lock} contract, in the manner of
 * JSR-166's TCK ({@code ReentrantLockTest}): the corners {@link FutexMutexTest} leaves out, on both
 * futex back ends. Interrupts before and during a wait, timeouts of zero and below, a lock held
 * by another thread, unlocks by threads that do not hold it, and the guard.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class FutexMutexTckTest {
    private static final long PATIENCE_MILLIS = 10_000;

    private static FutexMutex mutexOn(Futex word) {
        return new FutexMutex(word);
    }

    /** Runs {@code body} on another thread and waits for it: the lock is "held by another thread" there. */
    private static void elsewhere(String name, TestThreads.Body body) throws InterruptedException {
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        threads.start(name, body);
        threads.joinAll(name + " did not finish");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void lockInterruptiblyInterruptedBeforeThrowsWhetherFreeOrHeld(FutexBackend backend) throws Exception {
        FutexMutex mutex = mutexOn(Futexes.create(0, backend));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, mutex::lockInterruptibly, "free lock, interrupt pending");
        assertFalse(Thread.interrupted(), "the InterruptedException clears the interrupt status");
        assertFalse(mutex.isHeldByCurrentThread());

        elsewhere("holder", mutex::lock);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, mutex::lockInterruptibly, "held lock, interrupt pending");
        assertFalse(Thread.interrupted(), "the InterruptedException clears the interrupt status");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void interruptedWhileBlockedLeavesWithoutTheLockAndWithTheStatusCleared(FutexBackend backend) throws Exception {
        Futex word = Futexes.create(0, backend);
        FutexMutex mutex = mutexOn(word);
        mutex.lock();
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        AtomicReference<Object> seen = new AtomicReference<>();
        Thread waiter = threads.start("waiter", () -> {
            try {
                mutex.tryLock(1, TimeUnit.DAYS);
                seen.set("took a lock that main holds");
            } catch (InterruptedException e) {
                seen.set(e);
                assertFalse(Thread.currentThread().isInterrupted(), "interrupt status after the InterruptedException");
                assertFalse(mutex.isHeldByCurrentThread(), "an interrupted waiter must not hold the lock");
                assertThrows(IllegalMonitorStateException.class, mutex::unlock, "unlock by the interrupted waiter");
            }
        });
        threads.awaitWaitCalls(word, 1);
        waiter.interrupt();
        threads.joinAll("tryLock(1 day) did not answer an interrupt");
        assertInstanceOf(InterruptedException.class, seen.get());
        assertTrue(mutex.isHeldByCurrentThread(), "the holder still holds it");
        mutex.unlock();
        elsewhere("next", () -> {
            assertTrue(mutex.tryLock(), "free after the interrupted waiter left");
            mutex.unlock();
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void plainLockIgnoresInterruptsAndKeepsTheStatus(FutexBackend backend) throws Exception {
        Futex word = Futexes.create(0, backend);
        FutexMutex mutex = mutexOn(word);
        mutex.lock();
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        AtomicBoolean interruptedInside = new AtomicBoolean();
        Thread waiter = threads.start("waiter", () -> {
            mutex.lock();
            interruptedInside.set(Thread.interrupted());
            mutex.unlock();
        });
        threads.awaitWaitCalls(word, 1);
        waiter.interrupt();
        Thread.sleep(50); // an interruptible wait would be over by now
        assertTrue(waiter.isAlive(), "lock() gave up on an interrupt: only lockInterruptibly may");
        mutex.unlock();
        threads.joinAll("lock() did not take the lock once it was free");
        assertTrue(interruptedInside.get(), "lock() swallowed the interrupt status");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void timedTryLockWithZeroOrNegativeTimeout(FutexBackend backend) throws Exception {
        Futex word = Futexes.create(0, backend);
        FutexMutex mutex = mutexOn(word);
        assertTrue(mutex.tryLock(0, TimeUnit.SECONDS), "a free lock with a zero timeout is taken");
        mutex.unlock();
        assertTrue(mutex.tryLock(-1, TimeUnit.SECONDS), "a free lock with a negative timeout is taken");
        mutex.unlock();
        mutex.lock();
        elsewhere("timed", () -> {
            assertFalse(mutex.tryLock(0, TimeUnit.NANOSECONDS), "held lock, zero timeout");
            assertFalse(mutex.tryLock(-5, TimeUnit.MILLISECONDS), "held lock, negative timeout");
        });
        assertEquals(0, word.counters().waits(), "a timeout of zero or less never sleeps: " + word.counters());
        mutex.unlock();
        assertTrue(mutex.tryLock(), "free again");
        mutex.unlock();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void timedTryLockWithTheMostNegativeTimeout(FutexBackend backend) throws Exception {
        FutexMutex mutex = mutexOn(Futexes.create(0, backend));
        mutex.lock();
        elsewhere("timed", () -> assertFalse(mutex.tryLock(Long.MIN_VALUE, TimeUnit.NANOSECONDS)));
        mutex.unlock();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void timedTryLockInterruptedBeforeThrowsEvenIfFree(FutexBackend backend) {
        FutexMutex mutex = mutexOn(Futexes.create(0, backend));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> mutex.tryLock(1, TimeUnit.SECONDS));
        assertFalse(Thread.interrupted(), "the InterruptedException clears the interrupt status");
        assertFalse(mutex.isHeldByCurrentThread());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void heldByAnotherThread(FutexBackend backend) throws Exception {
        FutexMutex mutex = mutexOn(Futexes.create(0, backend));
        mutex.lock();
        elsewhere("other", () -> {
            assertFalse(mutex.isHeldByCurrentThread(), "isHeldByCurrentThread in a thread that does not hold it");
            assertFalse(mutex.tryLock(), "tryLock of a lock another thread holds");
            assertFalse(mutex.tryLock(10, TimeUnit.MILLISECONDS), "tryLock(10 ms) of a lock another thread holds");
        });
        assertTrue(mutex.isHeldByCurrentThread());
        assertFalse(mutex.tryLock(), "not reentrant: tryLock by the holder fails");
        mutex.unlock();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void unlockByNonHolderThrowsAndChangesNothing(FutexBackend backend) throws Exception {
        Futex word = Futexes.create(0, backend);
        FutexMutex mutex = mutexOn(word);
        mutex.lock();
        elsewhere("stranger", () -> assertThrows(IllegalMonitorStateException.class, mutex::unlock));
        assertEquals(1, word.get(), "the word after a stranger's unlock: still locked, nobody waiting");
        assertTrue(mutex.isHeldByCurrentThread());
        mutex.unlock();
        assertThrows(IllegalMonitorStateException.class, mutex::unlock, "unlock of a free lock");
        assertEquals(0, word.get(), "the word after an unlock of a free lock: still free");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(FutexBackend.class)
    void guardUnlocksOnExceptionAndOnlyOnce(FutexBackend backend) throws Exception {
        FutexMutex mutex = mutexOn(Futexes.create(0, backend));
        assertThrows(IllegalStateException.class, () -> {
            try (FutexMutex.Guard held = mutex.guard()) {
                throw new IllegalStateException("thrown inside the critical section");
            }
        });
        assertFalse(mutex.isHeldByCurrentThread(), "the guard unlocks when the block throws");
        FutexMutex.Guard held = mutex.guard();
        elsewhere("stranger", () -> assertThrows(IllegalMonitorStateException.class, held::close,
                "closing another thread's guard"));
        held.close();
        assertThrows(IllegalMonitorStateException.class, held::close, "closing a guard twice");
    }
}
