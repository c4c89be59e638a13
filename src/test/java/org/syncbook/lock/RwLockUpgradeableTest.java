package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;

/** {@link RwLockUpgradeable}: everything {@link RwLock3} does, plus one upgradeable reader that upgrades atomically. */
class RwLockUpgradeableTest extends RwLockContractTest {

    @Override
    Rw create(FutexBackend backend) {
        return adapt(new RwLockUpgradeable(backend));
    }

    static Rw adapt(RwLockUpgradeable lock) {
        return Rw.of(lock::readLock, lock::readUnlock, lock::writeLock, lock::writeUnlock, lock.writerWake(), lock.state(),
                lock.upgradeWake());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("uncontended: 1 000 rounds of read, write, upgradeable, and upgradeable-upgrade-write make no futex call")
    void uncontendedMakesNoCalls(FutexBackend backend) {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        for (int i = 0; i < 1000; i++) {
            lock.readLock();
            lock.readUnlock();
            lock.writeLock();
            lock.writeUnlock();
            lock.upgradeableLock();
            lock.readLock();
            lock.readUnlock();
            lock.upgradeableUnlock();
            lock.upgradeableLock();
            lock.upgrade();
            lock.writeUnlock();
        }
        assertEquals(0, adapt(lock).futexCalls());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("the upgradeable reader and a plain reader are inside at the same time")
    void upgradeableSharesWithReaders(FutexBackend backend) throws Exception {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        CountDownLatch bothInside = new CountDownLatch(2);
        TestThreads threads = new TestThreads(10_000);
        threads.start("reader", () -> {
            lock.readLock();
            try {
                bothInside.countDown();
                assertTrue(bothInside.await(10, TimeUnit.SECONDS), "the upgradeable reader never came in beside a reader");
            } finally {
                lock.readUnlock();
            }
        });
        threads.start("upgradeable", () -> {
            lock.upgradeableLock();
            try {
                bothInside.countDown();
                assertTrue(bothInside.await(10, TimeUnit.SECONDS), "the reader never came in beside the upgradeable reader");
            } finally {
                lock.upgradeableUnlock();
            }
        });
        threads.joinAll("a reader and the upgradeable reader excluded each other");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a second upgradeable reader sleeps until the first unlocks")
    void oneUpgradeableAtATime(FutexBackend backend) throws Exception {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        lock.upgradeableLock();
        AtomicBoolean secondIn = new AtomicBoolean();
        TestThreads second = new TestThreads(10_000);
        second.start("second", () -> {
            lock.upgradeableLock();
            secondIn.set(true);
            lock.upgradeableUnlock();
        });
        second.awaitWaitCalls(lock.state(), 1);
        assertEquals(false, secondIn.get(), "two threads held the upgradeable lock at once");
        lock.upgradeableUnlock();
        second.joinAll("the second upgradeable reader slept through the first one's unlock");
        assertTrue(secondIn.get());
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("upgrade waits for the reader inside, stops new readers, and lets them in after its write")
    void upgradeWaitsForReaders(FutexBackend backend) throws Exception {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        lock.readLock();
        AtomicInteger value = new AtomicInteger();
        TestThreads threads = new TestThreads(10_000);
        threads.start("upgrader", () -> {
            lock.upgradeableLock();
            lock.upgrade();
            value.set(1);
            lock.writeUnlock();
        });
        threads.awaitWaitCalls(lock.upgradeWake(), 1);
        AtomicInteger seenByLateReader = new AtomicInteger(-1);
        threads.start("late reader", () -> {
            lock.readLock();
            seenByLateReader.set(value.get());
            lock.readUnlock();
        });
        threads.awaitWaitCalls(lock.state(), 1);
        assertEquals(0, value.get(), "the upgrader wrote while a reader was inside");
        lock.readUnlock();
        threads.joinAll("the upgrader or the late reader slept through an unlock");
        assertEquals(1, seenByLateReader.get(), "a reader came in ahead of the waiting upgrader");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("upgrade is atomic: 2 upgraders, 2 writers, 2 readers x 20 000 iterations, no increment lost, random seed")
    void upgradeIsAtomic(FutexBackend backend) throws Exception {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        int iterations = 20_000;
        long[] pair = new long[2]; // plain, non-atomic: only the lock keeps them right
        Workers workers = Workers.start("mixed", 6, (index, random) -> {
            for (int i = 0; i < iterations; i++) {
                switch (index % 3) {
                    case 0: { // upgrader: reads under the upgradeable lock, writes what it read plus one
                        lock.upgradeableLock();
                        long seen = pair[0];
                        if (random.nextBoolean()) {
                            lock.upgrade();
                            assertEquals(seen, pair[0], "someone wrote between the upgradeable read and the upgrade");
                            pair[0] = seen + 1;
                            pair[1] = seen + 1;
                            lock.writeUnlock();
                        } else {
                            lock.upgradeableUnlock();
                            i--; // every upgrader thread does exactly `iterations` increments
                        }
                        break;
                    }
                    case 1: // writer
                        lock.writeLock();
                        pair[0]++;
                        Thread.onSpinWait();
                        pair[1]++;
                        lock.writeUnlock();
                        break;
                    default: // reader
                        lock.readLock();
                        assertEquals(pair[0], pair[1], "a reader saw a half-done write");
                        lock.readUnlock();
                }
            }
        });
        workers.go().join();
        assertEquals(4L * iterations, pair[0], "increments lost (seed " + workers.seed() + ")");
        assertEquals(pair[0], pair[1]);
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("upgrade, upgradeableUnlock by a thread without the upgradeable lock throw IllegalMonitorStateException")
    void upgradeMisuse(FutexBackend backend) throws Exception {
        RwLockUpgradeable lock = new RwLockUpgradeable(backend);
        assertThrows(IllegalMonitorStateException.class, lock::upgrade);
        assertThrows(IllegalMonitorStateException.class, lock::upgradeableUnlock);
        lock.upgradeableLock();
        TestThreads other = new TestThreads(10_000);
        other.start("other", () -> {
            assertThrows(IllegalMonitorStateException.class, lock::upgrade);
            assertThrows(IllegalMonitorStateException.class, lock::upgradeableUnlock);
        });
        other.joinAll("the misuse check blocked");
        lock.upgradeableUnlock();
    }
}
