package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.TestThreads;

/**
 * {@link RwLockReadWrite} against the {@link Lock} contract, in the spirit of the JSR-166 TCK's
 * {@code ReentrantReadWriteLockTest}: timeouts, interrupts, and what a non-reentrant lock does
 * when its holder asks again. What {@link RwLockReadWriteTest} already covers (tryLock beside a
 * holder, a timed-out or interrupted writer leaving no mark, {@code newCondition}) is not repeated.
 * Timing is checked one way only: a timed wait that gives up must not give up early.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class RwLockReadWriteTckTest {
    private static final long PATIENCE = 10_000;
    private static final long SHORT_MILLIS = 50;

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void timedReadTryLockBehindWriterGivesUpNoEarlierThanTheTimeout(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.writeLock().lock();
        assertTimesOut(lock.readLock());
        lock.writeLock().unlock();
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void timedWriteTryLockBehindReaderGivesUpNoEarlierThanTheTimeout(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        assertTimesOut(lock.writeLock());
        lock.readLock().unlock();
    }

    /** Another thread's timed tryLock of {@code view} returns false, and not before its timeout. */
    private static void assertTimesOut(Lock view) throws Exception {
        TestThreads threads = new TestThreads(PATIENCE);
        threads.start("timed", () -> {
            long start = System.nanoTime();
            assertFalse(view.tryLock(SHORT_MILLIS, TimeUnit.MILLISECONDS), "tryLock succeeded while the lock was held");
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(SHORT_MILLIS), "gave up after " + waited + " ns");
        });
        threads.joinAll("a timed tryLock did not return");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void zeroAndNegativeTimeoutsOnlyTry(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        assertTrue(lock.readLock().tryLock(0, TimeUnit.SECONDS));
        assertFalse(lock.writeLock().tryLock(-1, TimeUnit.SECONDS));
        lock.readLock().unlock();
        assertTrue(lock.writeLock().tryLock(-1, TimeUnit.NANOSECONDS));
        assertFalse(lock.readLock().tryLock(0, TimeUnit.NANOSECONDS));
        lock.writeLock().unlock();
        assertEquals(0, lock.state().get(), "a failed try left a mark");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void timedTryLocksSucceedWhenTheHolderLetsGoInTime(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.writeLock().lock();
        TestThreads threads = new TestThreads(PATIENCE);
        threads.start("timed reader", () -> {
            assertTrue(lock.readLock().tryLock(PATIENCE, TimeUnit.MILLISECONDS), "the reader gave up though the writer left");
            lock.readLock().unlock();
        });
        threads.awaitWaitCalls(lock.state(), 1);
        lock.writeLock().unlock();
        threads.joinAll("the timed reader slept through the writer's unlock");

        lock.readLock().lock();
        threads.start("timed writer", () -> {
            assertTrue(lock.writeLock().tryLock(Long.MAX_VALUE, TimeUnit.NANOSECONDS), "for ever must not overflow into the past");
            lock.writeLock().unlock();
        });
        threads.awaitWaitCalls(lock.writerWake(), 1);
        lock.readLock().unlock();
        threads.joinAll("the timed writer slept through the last reader's unlock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void aPendingInterruptIsThrownEvenWhenTheLockIsFree(FutexBackend backend) {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        for (Lock view : new Lock[] {lock.readLock(), lock.writeLock()}) {
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, view::lockInterruptibly);
            assertFalse(Thread.interrupted(), "InterruptedException must clear the interrupt status");
            Thread.currentThread().interrupt();
            assertThrows(InterruptedException.class, () -> view.tryLock(1, TimeUnit.SECONDS));
            assertFalse(Thread.interrupted());
        }
        assertEquals(0, lock.state().get(), "an interrupted acquisition took or marked the lock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void anInterruptedReaderStopsWaiting(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.writeLock().lock();
        TestThreads threads = new TestThreads(PATIENCE);
        Thread interruptible = threads.start("interruptible reader",
                () -> assertThrows(InterruptedException.class, () -> lock.readLock().lockInterruptibly()));
        Thread timed = threads.start("timed reader",
                () -> assertThrows(InterruptedException.class, () -> lock.readLock().tryLock(PATIENCE, TimeUnit.MILLISECONDS)));
        threads.awaitWaitCalls(lock.state(), 2);
        interruptible.interrupt();
        timed.interrupt();
        threads.joinAll("an interrupted reader kept waiting");
        lock.writeLock().unlock();
        assertTrue(lock.readLock().tryLock(), "the lock is still usable");
        lock.readLock().unlock();
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void anInterruptedTimedWriterLeavesNoMark(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        TestThreads threads = new TestThreads(PATIENCE);
        Thread writer = threads.start("timed writer",
                () -> assertThrows(InterruptedException.class, () -> lock.writeLock().tryLock(PATIENCE, TimeUnit.MILLISECONDS)));
        threads.awaitWaitCalls(lock.writerWake(), 1);
        writer.interrupt();
        threads.joinAll("the interrupted timed writer kept waiting");
        assertTrue(lock.readLock().tryLock(), "the interrupted writer's mark still keeps readers out");
        lock.readLock().unlock();
        lock.readLock().unlock();
        assertEquals(0, lock.state().get());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void plainLockIgnoresInterruptsAndKeepsTheStatus(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        TestThreads threads = new TestThreads(PATIENCE);
        Thread writer = threads.start("writer", () -> {
            lock.writeLock().lock();
            stillInterrupted.set(Thread.currentThread().isInterrupted());
            lock.writeLock().unlock();
        });
        threads.awaitWaitCalls(lock.writerWake(), 1);
        writer.interrupt();
        Thread.sleep(SHORT_MILLIS);
        assertTrue(writer.isAlive(), "lock() returned on an interrupt although a reader held the lock");
        lock.readLock().unlock();
        threads.joinAll("the writer slept through the last reader's unlock");
        assertTrue(stillInterrupted.get(), "lock() swallowed the interrupt status");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void notReentrantAndNoDowngradeByTry(FutexBackend backend) {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.writeLock().lock();
        assertFalse(lock.writeLock().tryLock(), "the write lock is not reentrant: its holder's tryLock fails");
        assertFalse(lock.readLock().tryLock(), "no downgrade: the writer cannot also take the read lock");
        lock.writeLock().unlock();
        assertThrows(IllegalMonitorStateException.class, () -> lock.writeLock().unlock(), "a second unlock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    void foreignWriteUnlockThrowsAndChangesNothing(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        TestThreads threads = new TestThreads(PATIENCE);
        threads.start("holder", () -> {
            lock.writeLock().lock();
            held.countDown();
            release.await();
            lock.writeLock().unlock();
        });
        assertTrue(held.await(PATIENCE, TimeUnit.MILLISECONDS));
        assertThrows(IllegalMonitorStateException.class, () -> lock.writeLock().unlock());
        assertThrows(IllegalMonitorStateException.class, () -> lock.readLock().unlock());
        assertFalse(lock.readLock().tryLock(), "a foreign unlock let a reader in");
        release.countDown();
        threads.joinAll("the holder could not unlock after a foreign unlock was refused");
        assertEquals(0, lock.state().get());
    }
}
