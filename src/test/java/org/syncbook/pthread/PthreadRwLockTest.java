package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.syncbook.sys.Errno;

/** {@link PthreadRwLock}: readers together, writers alone, and the mistakes glibc does not catch. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class PthreadRwLockTest {

    @Test
    @DisplayName("three readers hold the read lock at the same time")
    void readersShare() throws Exception {
        try (PthreadRwLock rw = new PthreadRwLock()) {
            CyclicBarrier allInside = new CyclicBarrier(3);
            @SuppressWarnings("unchecked")
            Async<Void>[] readers = new Async[3];
            for (int i = 0; i < 3; i++) {
                readers[i] = Async.run("reader-" + i, () -> {
                    try (Held reading = rw.readLock()) {
                        allInside.await(5, TimeUnit.SECONDS); // only passes if all three are inside together
                    }
                });
            }
            for (Async<Void> r : readers) {
                r.get("a reader waiting for the other two inside the read lock");
            }
        }
    }

    @Test
    @DisplayName("a writer is alone: no reader and no other writer gets in while it holds the lock")
    void writerExcludes() throws Exception {
        try (PthreadRwLock rw = new PthreadRwLock()) {
            Held writing = rw.writeLock();
            assertFalse(Async.call("reader", rw::tryReadLock).get("tryReadLock"), "a reader got in beside the writer");
            assertFalse(Async.call("writer", rw::tryWriteLock).get("tryWriteLock"), "a second writer got in");
            assertFalse(Async.call("timed reader", () -> rw.tryReadLock(30, TimeUnit.MILLISECONDS)).get("tryReadLock(30 ms)"));
            Async<Void> reader = Async.run("blocked reader", () -> rw.readLock().close());
            assertFalse(reader.finishesWithin(50));
            writing.close();
            reader.get("the reader, once the writer left");
        }
    }

    @Test
    @DisplayName("a reader keeps writers out, but not other readers")
    void readerExcludesWriters() throws Exception {
        try (PthreadRwLock rw = new PthreadRwLock(); Held reading = rw.readLock()) {
            assertFalse(Async.call("writer", rw::tryWriteLock).get("tryWriteLock"));
            assertTrue(Async.call("reader", () -> {
                boolean got = rw.tryReadLock();
                rw.unlock();
                return got;
            }).get("tryReadLock"));
        }
    }

    @Test
    @DisplayName("stress: 2 writers keep two fields equal, 2 readers never see them differ (4 threads x 5 000)")
    void writersKeepTheInvariant() throws Exception {
        long[] pair = {0, 0};
        try (PthreadRwLock rw = new PthreadRwLock()) {
            CountDownLatch start = new CountDownLatch(1);
            @SuppressWarnings("unchecked")
            Async<Void>[] threads = new Async[4];
            for (int t = 0; t < 4; t++) {
                boolean writer = t < 2;
                threads[t] = Async.run((writer ? "writer-" : "reader-") + t, () -> {
                    start.await();
                    for (int i = 0; i < 5_000; i++) {
                        if (writer) {
                            try (Held w = rw.writeLock()) {
                                pair[0]++;
                                pair[1]++;
                            }
                        } else {
                            try (Held r = rw.readLock()) {
                                if (pair[0] != pair[1]) {
                                    throw new AssertionError("a reader saw a half-done write: " + pair[0] + " != " + pair[1]);
                                }
                            }
                        }
                    }
                });
            }
            start.countDown();
            for (Async<Void> t : threads) {
                t.get("a stress thread");
            }
            assertEquals(10_000, pair[0]);
        }
    }

    @Test
    @DisplayName("a thread may read-lock twice and unlocks twice")
    void recursiveRead() throws Exception {
        try (PthreadRwLock rw = new PthreadRwLock()) {
            Held a = rw.readLock();
            Held b = rw.readLock();
            assertEquals(2, rw.readHoldCount());
            b.close();
            assertFalse(Async.call("writer", rw::tryWriteLock).get("tryWriteLock"), "one read hold is left");
            a.close();
            assertEquals(0, rw.readHoldCount());
        }
    }

    @Test
    @DisplayName("upgrade, relock and read-by-the-writer are refused with EDEADLK instead of hanging")
    void deadlocksRefused() {
        try (PthreadRwLock rw = new PthreadRwLock()) {
            try (Held reading = rw.readLock()) {
                DeadlockException upgrade = assertThrows(DeadlockException.class, rw::writeLock);
                assertTrue(upgrade.getMessage().contains("read lock"), upgrade.getMessage());
                assertThrows(DeadlockException.class, () -> rw.tryWriteLock(10, TimeUnit.MILLISECONDS));
            }
            try (Held writing = rw.writeLock()) {
                assertThrows(DeadlockException.class, rw::writeLock);
                DeadlockException read = assertThrows(DeadlockException.class, rw::readLock);
                assertTrue(read.is(Errno.EDEADLK));
                assertTrue(rw.isWriteLockedByCurrentThread());
            }
            assertEquals(0, rw.users());
        }
    }

    @Test
    @DisplayName("unlock by a thread that holds nothing: NotOwnerException (glibc would answer 0 and corrupt its counts)")
    void foreignUnlock() throws Exception {
        try (PthreadRwLock rw = new PthreadRwLock()) {
            assertThrows(NotOwnerException.class, rw::unlock);
            Held writing = rw.writeLock();
            Throwable e = Async.run("stranger", rw::unlock).failure("a foreign unlock");
            assertInstanceOf(NotOwnerException.class, e);
            assertTrue(e.getMessage().contains("holds the write lock"), e.getMessage());
            assertTrue(rw.isWriteLockedByCurrentThread());
            writing.close();
        }
    }

    @ParameterizedTest(name = "clock variants: {0}")
    @ValueSource(booleans = {true, false})
    @DisplayName("timed read and write locks give up at the deadline, and reject negative timeouts")
    void timed(boolean clockLock) throws Exception {
        boolean saved = PthreadMutex.preferClockLock;
        PthreadMutex.preferClockLock = clockLock && org.syncbook.sys.PthreadLib.hasClockLock();
        try (PthreadRwLock rw = new PthreadRwLock()) {
            Held reading = rw.readLock();
            long[] waited = Async.call("timed writer", () -> {
                long start = System.nanoTime();
                boolean got = rw.tryWriteLock(40, TimeUnit.MILLISECONDS);
                return new long[] {got ? 1 : 0, System.nanoTime() - start};
            }).get("the timed writer");
            assertEquals(0, waited[0], "a writer got in beside a reader");
            assertTrue(waited[1] >= TimeUnit.MILLISECONDS.toNanos(35), "gave up after " + waited[1] / 1e6 + " ms");
            assertTrue(rw.tryReadLock(0, TimeUnit.SECONDS));
            rw.unlock();
            assertThrows(IllegalArgumentException.class, () -> rw.tryReadLock(-1, TimeUnit.SECONDS));
            reading.close();
            assertTrue(rw.tryWriteLock(1, TimeUnit.SECONDS));
            rw.unlock();
        } finally {
            PthreadMutex.preferClockLock = saved;
        }
    }

    @Test
    @DisplayName("close() while held is refused with EBUSY; after close every call throws IllegalStateException")
    void close() {
        PthreadRwLock rw = new PthreadRwLock();
        Held reading = rw.readLock();
        BusyException e = assertThrows(BusyException.class, rw::close);
        assertTrue(e.getMessage().contains("pthread_rwlock_destroy"), e.getMessage());
        reading.close();
        rw.close();
        rw.close();
        assertThrows(IllegalStateException.class, rw::readLock);
        assertThrows(IllegalStateException.class, rw::writeLock);
        assertThrows(IllegalStateException.class, rw::tryWriteLock);
        assertThrows(IllegalStateException.class, rw::unlock);
    }
}
