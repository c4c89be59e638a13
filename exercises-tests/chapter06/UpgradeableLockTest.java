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
import org.syncbook.grading.Workers;
import org.syncbook.lock.RwLockUpgradeable;

@Exercise(id = "6.4", title = "An upgradeable read lock", file = "UpgradeableLock.java",
        hint = "chapter 6, 'Upgradeable reads'", timeoutSeconds = 30)
class UpgradeableLockTest {

    /** The plain calls of {@link Ch6.Rw} and the three of the upgradeable lock. */
    interface Up extends Ch6.Rw {
        void upgradeableLock();

        void upgradeableUnlock();

        void upgrade();
    }

    static Up newLock(Futex state, Futex writerWake, Futex upgradeWake) {
        return Impl.pick(() -> {
            RwLockUpgradeable l = new RwLockUpgradeable(state, writerWake, upgradeWake);
            return up(Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock),
                    l::upgradeableLock, l::upgradeableUnlock, l::upgrade);
        }, () -> {
            UpgradeableLock l = new UpgradeableLock(state, writerWake, upgradeWake);
            return up(Ch6.Rw.of(l::readLock, l::readUnlock, l::writeLock, l::writeUnlock),
                    l::upgradeableLock, l::upgradeableUnlock, l::upgrade);
        });
    }

    private static Up up(Ch6.Rw rw, Runnable upgradeableLock, Runnable upgradeableUnlock, Runnable upgrade) {
        return new Up() {
            @Override public void readLock() { rw.readLock(); }
            @Override public void readUnlock() { rw.readUnlock(); }
            @Override public void writeLock() { rw.writeLock(); }
            @Override public void writeUnlock() { rw.writeUnlock(); }
            @Override public void upgradeableLock() { upgradeableLock.run(); }
            @Override public void upgradeableUnlock() { upgradeableUnlock.run(); }
            @Override public void upgrade() { upgrade.run(); }
        };
    }

    private static Up newLock(FutexBackend backend) {
        return newLock(Ch6.futex(backend), Ch6.futex(backend), Ch6.futex(backend));
    }

    @ParameterizedTest(name = "plain reads and writes: a writer is alone inside, 4 threads x 10 000 iterations, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void writerExcludes(FutexBackend backend) throws Exception {
        Ch6.writerExcludes(newLock(backend), 4, 10_000);
    }

    @ParameterizedTest(name = "a plain reader comes in beside the upgradeable holder; a second upgradeable one waits for the first ({0})")
    @EnumSource(FutexBackend.class)
    void oneUpgradeableHolder(FutexBackend backend) throws Exception {
        Up lock = newLock(backend);
        lock.upgradeableLock();
        TestThreads threads = new TestThreads(Ch6.PATIENCE_MILLIS);
        threads.start("reader", () -> {
            lock.readLock();
            lock.readUnlock();
        });
        threads.joinAll("a plain reader could not come in beside the upgradeable holder: they must share");
        AtomicBoolean secondIn = new AtomicBoolean();
        Thread second = threads.start("second upgradeable", () -> {
            lock.upgradeableLock();
            secondIn.set(true);
            lock.upgradeableUnlock();
        });
        Thread.sleep(100); // the second one's chance to get in wrongly; a correct one is asleep by now
        threads.rethrow();
        if (secondIn.get() || !second.isAlive()) {
            fail("upgrade race: two threads held the upgradeable read lock at once. If both upgraded, each would wait for "
                    + "the other to leave: a deadlock. upgradeableLock() must wait while the upgradeable bit is set");
        }
        lock.upgradeableUnlock();
        threads.joinAll("lost wake-up: the upgradeable holder let go, but the thread waiting for it slept on. "
                + "upgradeableUnlock() must wake it");
    }

    @ParameterizedTest(name = "upgrade() waits for the readers inside, stops new ones, and lets no writer in between ({0})")
    @EnumSource(FutexBackend.class)
    void upgradeWaitsForReaders(FutexBackend backend) throws Exception {
        Futex upgradeWake = Ch6.futex(backend);
        Up lock = newLock(Ch6.futex(backend), Ch6.futex(backend), upgradeWake);
        lock.readLock(); // a reader inside, until we let go
        AtomicBoolean upgraded = new AtomicBoolean();
        AtomicBoolean writerIn = new AtomicBoolean();
        AtomicBoolean newReaderIn = new AtomicBoolean();
        CountDownLatch upgradeable = new CountDownLatch(1);
        TestThreads threads = new TestThreads(Ch6.PATIENCE_MILLIS);
        threads.start("upgrader", () -> {
            lock.upgradeableLock();
            upgradeable.countDown();
            lock.upgrade();
            upgraded.set(true);
            if (writerIn.get() || newReaderIn.get()) {
                fail("upgrade race: a writer or a new reader got in before the upgrade was done; upgrade() must not let go");
            }
            lock.writeUnlock();
        });
        if (!upgradeable.await(Ch6.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
            threads.rethrow();
            fail("upgradeableLock() did not come in beside a plain reader: they must share");
        }
        threads.awaitWaitCalls(upgradeWake, 1);
        threads.start("writer", () -> {
            lock.writeLock();
            writerIn.set(true);
            lock.writeUnlock();
        });
        threads.start("new reader", () -> {
            lock.readLock();
            newReaderIn.set(true);
            lock.readUnlock();
        });
        Thread.sleep(100); // their chance to get in wrongly
        threads.rethrow();
        if (upgraded.get()) {
            fail("mutual exclusion broken: upgrade() returned while a plain reader was still inside; it must wait for "
                    + "the readers to leave");
        }
        if (upgradeWake.counters().waits() == 0) {
            fail("the upgrading thread never slept on upgradeWake while a reader was inside: it must sleep there");
        }
        if (writerIn.get() || newReaderIn.get()) {
            lock.readUnlock();
            fail(writerIn.get() ? "mutual exclusion broken: a writer got in while the upgradeable lock and a reader were held"
                    : "upgrade race: a new reader came in while the upgrade waited; it would keep the upgrader out (set "
                    + "the waiting bit before you sleep)");
        }
        lock.readUnlock();
        threads.joinAll("lost wake-up: the last reader left, but the upgrade (or the writer, or the new reader) slept on. "
                + "When the last reader leaves an upgrader waiting, wake it on upgradeWake");
    }

    @ParameterizedTest(name = "no lost update and no deadlock: 2 upgraders, 2 writers, 2 readers x 4 000 iterations, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void atomicUpgradeUnderLoad(FutexBackend backend) throws Exception {
        WindowFutex[] words = {Ch6.window(backend), Ch6.window(backend), Ch6.window(backend)};
        Up lock = newLock(words[0], words[1], words[2]);
        int iterations = 4_000;
        long[] counter = new long[1]; // plain: only the lock protects it
        AtomicInteger increments = new AtomicInteger();
        Workers workers = Workers.start("up", 6, (index, random) -> {
            for (int i = 0; i < iterations; i++) {
                if (index < 2) {
                    lock.upgradeableLock();
                    long seen = counter[0];
                    if (random.nextInt(4) == 0) {
                        lock.upgradeableUnlock(); // sometimes read only
                        continue;
                    }
                    lock.upgrade();
                    counter[0] = seen + 1; // lost if a writer slipped in between our read and this write
                    increments.incrementAndGet();
                    lock.writeUnlock();
                } else if (index < 4) {
                    lock.writeLock();
                    counter[0]++;
                    increments.incrementAndGet();
                    lock.writeUnlock();
                } else {
                    lock.readLock();
                    lock.readUnlock();
                }
            }
        });
        workers.go().join(); // a deadlock between would-be upgraders ends at the exercise's time limit, with a thread dump
        for (WindowFutex word : words) {
            if (word.cutShort() > 0) {
                fail("lost wake-up: a thread slept " + Ch6.PATIENCE_MILLIS / 1000.0 + " s on a word nobody woke it from "
                        + "(seed " + workers.seed() + "). Each unlock must wake whoever it lets in: writers on writerWake, "
                        + "the upgrader on upgradeWake, readers and would-be upgraders on state");
            }
        }
        lock.readLock();
        long total = counter[0];
        lock.readUnlock();
        if (total != increments.get()) {
            fail("upgrade race: " + increments.get() + " increments, but the counter shows " + total + ": a writer got in "
                    + "between an upgrader's read and its write, or two writers overlapped (seed " + workers.seed() + ")");
        }
    }

    @ParameterizedTest(name = "no wake-up is lost in plain reads and writes: 6 threads x 10 000 iterations, random seed ({0})")
    @EnumSource(FutexBackend.class)
    void noLostWakeups(FutexBackend backend) throws Exception {
        WindowFutex[] words = {Ch6.window(backend), Ch6.window(backend), Ch6.window(backend)};
        Ch6.noLostWakeups(newLock(words[0], words[1], words[2]), words, 6, 10_000);
    }

    @Test
    @DisplayName("unlocking or upgrading what you do not hold throws IllegalMonitorStateException")
    void misuse() throws Exception {
        Up lock = newLock(FutexBackend.LINUX);
        Ch6.misuse(lock);
        Ch6.expectImse(lock::upgrade, "upgrade() without the upgradeable lock");
        Ch6.expectImse(lock::upgradeableUnlock, "upgradeableUnlock() without the upgradeable lock");
        lock.upgradeableLock();
        TestThreads other = new TestThreads(Ch6.PATIENCE_MILLIS);
        other.start("other", () -> {
            Ch6.expectImse(lock::upgrade, "upgrade() by a thread that does not hold the upgradeable lock");
            Ch6.expectImse(lock::upgradeableUnlock, "upgradeableUnlock() by a thread that does not hold it");
        });
        other.joinAll("upgrade() or upgradeableUnlock() by another thread blocked");
        lock.upgrade();
        lock.writeUnlock();
    }
}
