package chapter06;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.lock.RwLock3;

@Exercise(id = "6.3", title = "Readers wait for a waiting writer", file = "WriterFirstLock.java",
        hint = "chapter 6, 'Writer starvation'", timeoutSeconds = 30)
class WriterFirstLockTest extends TwoWordLockContract {

    @Override
    Ch6.Rw newLock(Futex state, Futex writerWake) {
        return Impl.pick(() -> {
            RwLock3 l = new RwLock3(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        }, () -> {
            WriterFirstLock l = new WriterFirstLock(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        });
    }

    @ParameterizedTest(name = "a new reader waits behind a waiting writer, which gets in first ({0})")
    @EnumSource(FutexBackend.class)
    void newReaderWaitsForWaitingWriter(FutexBackend backend) throws Exception {
        Futex writerWake = Ch6.futex(backend);
        Ch6.Rw lock = newLock(Ch6.futex(backend), writerWake);
        lock.readLock();
        AtomicInteger order = new AtomicInteger();
        AtomicInteger writerCame = new AtomicInteger();
        AtomicInteger readerCame = new AtomicInteger();
        TestThreads threads = new TestThreads(Ch6.PATIENCE_MILLIS);
        threads.start("writer", () -> {
            lock.writeLock();
            writerCame.set(order.incrementAndGet());
            lock.writeUnlock();
        });
        threads.awaitWaitCalls(writerWake, 1);
        Thread reader = threads.start("new reader", () -> {
            lock.readLock();
            readerCame.set(order.incrementAndGet());
            lock.readUnlock();
        });
        Thread.sleep(100); // the new reader's chance to get in wrongly; a correct one is asleep by now
        threads.rethrow();
        if (!reader.isAlive()) {
            lock.readUnlock();
            fail("writer starvation: a new reader came in beside the reader inside while a writer waited. Readers that "
                    + "keep overlapping would keep that writer out for ever. Let a waiting writer mark the state, and "
                    + "let readLock() wait while it is marked");
        }
        lock.readUnlock();
        threads.joinAll("lost wake-up: the last reader left, but the writer or the new reader slept on");
        if (writerCame.get() != 1 || readerCame.get() != 2) {
            fail("writer starvation: the new reader got in before the writer that was waiting when it came");
        }
    }

    @ParameterizedTest(name = "a writer gets in while 4 readers keep coming, their holds overlapping ({0})")
    @EnumSource(FutexBackend.class)
    void writerGetsInUnderReaderStream(FutexBackend backend) throws Exception {
        Ch6.Rw lock = newLock(Ch6.futex(backend), Ch6.futex(backend));
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch readersRunning = new CountDownLatch(4);
        CountDownLatch writerIn = new CountDownLatch(1);
        TestThreads threads = new TestThreads(Ch6.PATIENCE_MILLIS);
        for (int i = 0; i < 4; i++) {
            threads.start("reader-" + i, () -> {
                while (!stop.get()) {
                    lock.readLock();
                    try {
                        readersRunning.countDown();
                        Thread.sleep(1); // each holds about 1 ms; with 4 of them, the lock is almost never free
                    } finally {
                        lock.readUnlock();
                    }
                }
            });
        }
        try {
            threads.await(readersRunning, "the readers never all got in together: readers exclude each other");
        } catch (AssertionError e) {
            stop.set(true); // a stub's "not done yet" fails here at once, and no reader keeps running
            throw e;
        }
        threads.start("writer", () -> {
            lock.writeLock();
            writerIn.countDown();
            lock.writeUnlock();
        });
        long bound = 2 * Ch6.PATIENCE_MILLIS; // generous: a liveness bound, not a speed claim
        boolean in = writerIn.await(bound, TimeUnit.MILLISECONDS);
        stop.set(true);
        threads.joinAll("a thread did not finish after the readers were told to stop");
        if (!in) {
            fail("writer starvation: the writer waited " + bound / 1000.0 + " s while readers kept coming " + Ch6.on(backend)
                    + ". New readers must not come in while a writer waits");
        }
    }

    @ParameterizedTest(name = "1 000 uncontended write and read lock/unlock pairs make no futex call ({0})")
    @EnumSource(FutexBackend.class)
    void uncontendedMakesNoCalls(FutexBackend backend) {
        Futex state = Ch6.futex(backend);
        Futex writerWake = Ch6.futex(backend);
        Ch6.Rw lock = newLock(state, writerWake);
        for (int i = 0; i < 1000; i++) {
            lock.writeLock();
            lock.writeUnlock();
            lock.readLock();
            lock.readLock();
            lock.readUnlock();
            lock.readUnlock();
        }
        long calls = state.counters().total() + writerWake.counters().total();
        if (calls > 0) {
            fail("your uncontended lock made " + calls + " futex calls (state: " + state.counters() + ", writerWake: "
                    + writerWake.counters() + "); it should make none. Count the threads that are about to sleep, and "
                    + "let writeUnlock() wake only when that count is not 0");
        }
    }
}
