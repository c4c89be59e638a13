package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.TestThreads;

/** {@link RwLockReadWrite}: {@link RwLock3} behind {@link java.util.concurrent.locks.ReadWriteLock}, with giving up. */
class RwLockReadWriteTest extends RwLockContractTest {

    @Override
    Rw create(FutexBackend backend) {
        return adapt(new RwLockReadWrite(backend));
    }

    static Rw adapt(RwLockReadWrite lock) {
        return Rw.of(lock.readLock()::lock, lock.readLock()::unlock, lock.writeLock()::lock, lock.writeLock()::unlock,
                lock.writerWake(), lock.state());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("uncontended lock/unlock, tryLock and timed tryLock of both locks make no futex call")
    void uncontendedMakesNoCalls(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        for (int i = 0; i < 1000; i++) {
            lock.readLock().lock();
            lock.readLock().unlock();
            lock.writeLock().lock();
            lock.writeLock().unlock();
            assertTrue(lock.readLock().tryLock(1, TimeUnit.SECONDS));
            lock.readLock().unlock();
            assertTrue(lock.writeLock().tryLock());
            lock.writeLock().unlock();
        }
        assertEquals(0, adapt(lock).futexCalls());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("tryLock fails at once where lock would wait")
    void tryLockFails(FutexBackend backend) {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        assertFalse(lock.writeLock().tryLock(), "write tryLock succeeded beside a reader");
        assertTrue(lock.readLock().tryLock(), "a second reader was refused");
        lock.readLock().unlock();
        lock.readLock().unlock();
        lock.writeLock().lock();
        assertFalse(lock.readLock().tryLock(), "read tryLock succeeded beside a writer");
        assertFalse(lock.writeLock().tryLock(), "write tryLock succeeded beside a writer");
        lock.writeLock().unlock();
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer that times out behind a reader leaves no mark: new readers still come in")
    void timedOutWriterLeavesNoMark(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        assertFalse(lock.writeLock().tryLock(50, TimeUnit.MILLISECONDS));
        TestThreads reader = new TestThreads(10_000);
        reader.start("reader", () -> {
            lock.readLock().lock();
            lock.readLock().unlock();
        });
        reader.joinAll("a reader was kept out by a writer that had given up");
        lock.readLock().unlock();
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer that times out does not strand another writer waiting behind the same reader")
    void timedOutWriterDoesNotStrandOthers(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        TestThreads writer = new TestThreads(10_000);
        writer.start("patient writer", () -> {
            lock.writeLock().lock();
            lock.writeLock().unlock();
        });
        writer.awaitWaitCalls(lock.writerWake(), 1);
        assertFalse(lock.writeLock().tryLock(50, TimeUnit.MILLISECONDS));
        lock.readLock().unlock();
        writer.joinAll("the patient writer slept through the last reader's unlock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("lockInterruptibly: an interrupted writer throws InterruptedException and leaves no mark")
    void interruptedWriter(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        lock.readLock().lock();
        AtomicBoolean interrupted = new AtomicBoolean();
        TestThreads threads = new TestThreads(10_000);
        Thread w = threads.start("writer", () -> {
            assertThrows(InterruptedException.class, () -> lock.writeLock().lockInterruptibly());
            interrupted.set(true);
        });
        threads.awaitWaitCalls(lock.writerWake(), 1);
        w.interrupt();
        threads.joinAll("the interrupted writer kept waiting");
        assertTrue(interrupted.get());
        assertTrue(lock.readLock().tryLock(), "the interrupted writer's mark still keeps readers out");
        lock.readLock().unlock();
        lock.readLock().unlock();
        assertTrue(lock.writeLock().tryLock());
        lock.writeLock().unlock();
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer gets in within 5 s while 4 readers keep the lock read-held without a gap (liveness, not speed)")
    void writerNotStarved(FutexBackend backend) throws Exception {
        assertTrue(RwLock3Test.writerGetsIn(create(backend), 5),
                "the writer waited 5 s while readers kept coming: new readers overtook a waiting writer");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("giving up under load strands nobody: 6 threads x 20 000 iterations of reads, writes and 0-200 us timed writes, random seed")
    void givingUpUnderLoad(FutexBackend backend) throws Exception {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        long[] pair = new long[2]; // plain, non-atomic: only the lock keeps the two equal
        org.syncbook.grading.Workers workers = org.syncbook.grading.Workers.start("giving-up", 6, (index, random) -> {
            for (int i = 0; i < 20_000; i++) {
                int kind = random.nextInt(4);
                if (kind == 0 || (kind == 1 && lock.writeLock().tryLock(random.nextInt(200), TimeUnit.MICROSECONDS))) {
                    if (kind == 0) {
                        lock.writeLock().lock();
                    }
                    pair[0]++;
                    pair[1]++;
                    lock.writeLock().unlock();
                } else if (kind >= 2) {
                    lock.readLock().lock();
                    assertEquals(pair[0], pair[1], "a reader saw a half-done write");
                    lock.readLock().unlock();
                }
            }
        });
        workers.go().join();
        assertEquals(0, lock.state().get(), "the lock was left held or marked (seed " + workers.seed() + ")");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("newCondition is not supported")
    void noConditions(FutexBackend backend) {
        RwLockReadWrite lock = new RwLockReadWrite(backend);
        assertThrows(UnsupportedOperationException.class, () -> lock.readLock().newCondition());
        assertThrows(UnsupportedOperationException.class, () -> lock.writeLock().newCondition());
    }
}
