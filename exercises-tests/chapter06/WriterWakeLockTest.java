package chapter06;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.Exercise;
import org.syncbook.grading.Impl;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.lock.RwLock2;

@Exercise(id = "6.2", title = "A word of its own for writers", file = "WriterWakeLock.java",
        hint = "chapter 6, 'A word of its own for writers'", timeoutSeconds = 30)
class WriterWakeLockTest extends TwoWordLockContract {

    @Override
    Ch6.Rw newLock(Futex state, Futex writerWake) {
        return Impl.pick(() -> {
            RwLock2 l = new RwLock2(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        }, () -> {
            WriterWakeLock l = new WriterWakeLock(state, writerWake);
            return Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock);
        });
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
}
