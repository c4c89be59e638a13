package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.grading.TestThreads;

/** {@link RwLock3}: a waiting writer stops new readers; no futex call without sleepers. */
class RwLock3Test extends RwLockContractTest {

    @Override
    Rw create(FutexBackend backend) {
        return adapt(new RwLock3(backend));
    }

    static Rw adapt(RwLock3 lock) {
        return Rw.of(lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock, lock.writerWake(), lock.state());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("1 000 uncontended write and read lock/unlock pairs make no futex call")
    void uncontendedWritesMakeNoCalls(FutexBackend backend) {
        RwLock3 lock = new RwLock3(backend);
        for (int i = 0; i < 1000; i++) {
            lock.writeLock();
            lock.writeUnlock();
            lock.readLock();
            lock.readLock();
            lock.readUnlock();
            lock.readUnlock();
        }
        assertEquals(0, adapt(lock).futexCalls(), "futex calls of an uncontended lock: "
                + lock.state().counters() + " / " + lock.writerWake().counters());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer gets in within 5 s while 4 readers keep the lock read-held without a gap (liveness, not speed)")
    void writerNotStarved(FutexBackend backend) throws Exception {
        assertTrue(writerGetsIn(create(backend), 5),
                "the writer waited 5 s while readers kept coming: new readers overtook a waiting writer");
    }

    /**
     * Demonstration, off by design: {@link RwLock1} lets overlapping readers starve a writer.
     * Whether the readers' holds really overlap is up to the scheduler, so this cannot be a test
     * that must pass; run it by hand to watch the writer wait the whole 5 s.
     */
    @Test
    @Disabled("demonstration: RwLock1's writer starves under overlapping readers; depends on scheduling, run by hand")
    @DisplayName("demo: readers starve RwLock1's writer")
    void readersStarveRwLock1Demo() throws Exception {
        RwLock1 lock = new RwLock1(Futexes.create(0));
        Rw rw = new Rw() {
            @Override public void readLock() { lock.readLock(); }
            @Override public void readUnlock() { lock.readUnlock(); }
            @Override public void writeLock() { lock.writeLock(); }
            @Override public void writeUnlock() { lock.writeUnlock(); }
            @Override public Futex writerSleepsOn() { return lock.state(); }
            @Override public Futex readerSleepsOn() { return lock.state(); }
            @Override public long futexCalls() { return lock.state().counters().total(); }
        };
        assertFalse(writerGetsIn(rw, 5), "this time the readers left a gap and the writer got in");
    }

    /**
     * 4 readers, each holding the read lock for about 1 ms and taking it again at once, so that
     * at almost every moment one of them is inside; then a writer. Whether it got in within
     * {@code seconds}; the readers are stopped (and the writer let through) either way.
     */
    static boolean writerGetsIn(Rw lock, long seconds) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch readersRunning = new CountDownLatch(4);
        CountDownLatch writerIn = new CountDownLatch(1);
        TestThreads threads = new TestThreads(30_000);
        for (int i = 0; i < 4; i++) {
            threads.start("reader-" + i, () -> {
                while (!stop.get()) {
                    lock.readLock();
                    try {
                        readersRunning.countDown();
                        Thread.sleep(1);
                    } finally {
                        lock.readUnlock();
                    }
                }
            });
        }
        assertTrue(readersRunning.await(10, TimeUnit.SECONDS), "the readers did not start");
        threads.start("writer", () -> {
            lock.writeLock();
            writerIn.countDown();
            lock.writeUnlock();
        });
        boolean in = writerIn.await(seconds, TimeUnit.SECONDS);
        stop.set(true);
        threads.joinAll("a thread did not finish after the readers were told to stop");
        return in;
    }
}
