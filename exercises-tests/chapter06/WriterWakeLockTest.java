package chapter06;

import static org.junit.jupiter.api.Assertions.fail;

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
import org.syncbook.grading.ThreadWatch;
import org.syncbook.lock.RwLock2;

@Exercise(id = "6.2", title = "A word of its own for writers", file = "WriterWakeLock.java",
        hint = "chapter 6, 'A word of its own for writers'", timeoutSeconds = 30)
class WriterWakeLockTest {

    static Ch6.Rw newLock(Futex state, Futex writerWake) {
        return Impl.pick(() -> {
            RwLock2 l = new RwLock2(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        }, () -> {
            WriterWakeLock l = new WriterWakeLock(state, writerWake);
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

    @ParameterizedTest(name = "a waiting writer sleeps through 5 000 readers coming and going while one reader stays inside ({0})")
    @EnumSource(FutexBackend.class)
    void writerSleepsThroughReaderTraffic(FutexBackend backend) throws Exception {
        Futex writerWake = Ch6.futex(backend);
        Ch6.Rw lock = newLock(Ch6.futex(backend), writerWake);
        lock.readLock(); // stays inside throughout: the writer cannot get in
        TestThreads writer = new TestThreads(Ch6.PATIENCE_MILLIS);
        Thread w = writer.start("writer", () -> {
            lock.writeLock();
            lock.writeUnlock();
        });
        writer.awaitWaitCalls(writerWake, 1);
        if (writerWake.counters().waits() == 0) {
            fail("the waiting writer never slept on writerWake: writers must sleep there, not on state");
        }
        long cpu0 = ThreadWatch.cpuNanos(w);
        long wall0 = System.nanoTime();
        long waits0 = writerWake.counters().waits();
        for (int i = 0; i < 5_000; i++) { // the count goes 1 -> 2 -> 1: never to 0, so no wake is due
            lock.readLock();
            lock.readUnlock();
        }
        Thread.sleep(Math.max(0, 200 - (System.nanoTime() - wall0) / 1_000_000)); // measure over 200 ms at least
        long wall = System.nanoTime() - wall0;
        long cpu = ThreadWatch.cpuNanos(w) - cpu0;
        long extraWaits = writerWake.counters().waits() - waits0;
        if (!w.isAlive()) {
            writer.rethrow();
            fail("mutual exclusion broken: the writer came in while a reader held the lock");
        }
        lock.readUnlock();
        writer.joinAll("lost wake-up: the last reader left, but the writer slept on");
        if (extraWaits > 10) {
            fail("busy-waiting: while one reader stayed inside and 5 000 others came and went, the writer woke and slept "
                    + "again " + extraWaits + " times " + Ch6.on(backend) + ". Only the last reader out (and a writer's "
                    + "unlock) should bump writerWake and wake a writer");
        }
        Ch6.busyWaiting(cpu, wall, "a writer waiting while readers came and went", backend);
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
                    + "writer slept on until the grader woke it " + Ch6.PATIENCE_MILLIS / 1000.0 + " s later. Sleep "
                    + "expecting the counter value you read before you looked at state; the last reader bumps it");
        }
    }

    @ParameterizedTest(name = "no wake-up is lost: 4 threads x 10 000 iterations, 1 in 2 a write, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        WindowFutex state = Ch6.window(backend);
        WindowFutex writerWake = Ch6.window(backend);
        Ch6.noLostWakeups(newLock(state, writerWake), new WindowFutex[] {state, writerWake}, 4, 10_000);
    }

    @Test
    @DisplayName("unlocking what you do not hold throws IllegalMonitorStateException")
    void misuse() throws Exception {
        Ch6.misuse(newLock(Ch6.futex(FutexBackend.LINUX), Ch6.futex(FutexBackend.LINUX)));
    }
}
