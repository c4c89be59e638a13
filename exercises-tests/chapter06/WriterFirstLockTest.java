package chapter06;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.lock.RwLock3;

@Exercise(id = "6.3", title = "Readers wait for a waiting writer", file = "WriterFirstLock.java",
        hint = "chapter 6, 'Writer starvation'", timeoutSeconds = 30)
class WriterFirstLockTest {

    static Ch6.Rw newLock(Futex state, Futex writerWake) {
        return Impl.pick(() -> {
            RwLock3 l = new RwLock3(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        }, () -> {
            WriterFirstLock l = new WriterFirstLock(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        });
    }

    @Test
    @DisplayName("two readers are inside at the same time")
    void readersShare() throws Exception {
        Ch6.readersShare(newLock(Ch6.futex(FutexBackend.LINUX), Ch6.futex(FutexBackend.LINUX)));
    }

    @ParameterizedTest(name = "a writer is alone inside: 4 threads x 10 000 iterations, 1 in 4 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void writerExcludes(FutexBackend backend) throws Exception {
        Ch6.writerExcludes(newLock(Ch6.futex(backend), Ch6.futex(backend)), 4, 10_000);
    }

    @ParameterizedTest(name = "readers asleep on state behind a writer burn no CPU and all come in when it unlocks ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingReadersWake(FutexBackend backend) throws Exception {
        Futex state = Ch6.futex(backend);
        Ch6.sleepingReadersWake(newLock(state, Ch6.futex(backend)), state, backend);
    }

    @ParameterizedTest(name = "a writer asleep on writerWake behind readers burns no CPU and comes in when the last one leaves ({0})")
    @EnumSource(FutexBackend.class)
    void sleepingWriterWakes(FutexBackend backend) throws Exception {
        Futex writerWake = Ch6.futex(backend);
        Ch6.sleepingWriterWakes(newLock(Ch6.futex(backend), writerWake), writerWake, backend);
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
        if (!readersRunning.await(Ch6.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
            stop.set(true);
            threads.rethrow();
            fail("the readers never all got in together: readers exclude each other");
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

    @ParameterizedTest(name = "the last reader leaving between a writer's look and its sleep is not lost ({0})")
    @EnumSource(FutexBackend.class)
    void lastReaderInTheWindow(FutexBackend backend) throws Exception {
        WindowFutex writerWake = Ch6.window(backend);
        Ch6.Rw lock = newLock(Ch6.futex(backend), writerWake);
        lock.readLock();
        writerWake.beforeNextSleep(lock::readUnlock); // runs on the writer's thread, just before its sleep reaches the futex
        TestThreads writer = new TestThreads(Ch6.PATIENCE_MILLIS);
        writer.start("writer", () -> {
            lock.writeLock();
            lock.writeUnlock();
        });
        writer.joinAll("the writer never got in");
        if (writerWake.actionPending()) {
            fail("the writer never slept on writerWake while a reader held the lock: writers sleep there");
        }
        if (writerWake.cutShort() > 0) {
            fail("lost wake-up: the last reader left after the writer had read writerWake and before it slept, and the "
                    + "writer slept on until the grader woke it " + Ch6.PATIENCE_MILLIS / 1000.0 + " s later. The last "
                    + "reader out must bump writerWake when a writer waits");
        }
    }

    @ParameterizedTest(name = "no wake-up is lost: 6 threads x 10 000 iterations, 1 in 2 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        WindowFutex state = Ch6.window(backend);
        WindowFutex writerWake = Ch6.window(backend);
        Ch6.noLostWakeups(newLock(state, writerWake), new WindowFutex[] {state, writerWake}, 6, 10_000);
    }

    @Test
    @DisplayName("unlocking what you do not hold throws IllegalMonitorStateException")
    void misuse() throws Exception {
        Ch6.misuse(newLock(Ch6.futex(FutexBackend.LINUX), Ch6.futex(FutexBackend.LINUX)));
    }
}
