package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;

/**
 * What every step of the reader–writer lock must do, on both futex back ends (Linux: off-heap
 * word and the real system call; portable: {@code HeapIntWord} and the parking lot). Each step's
 * test class says how to build it and adds what only that step promises (only step 3 makes no
 * futex call at all when uncontended).
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
abstract class RwLockContractTest {

    /** The four calls every step has, and the words it sleeps on. */
    interface Rw {
        void readLock();

        void readUnlock();

        void writeLock();

        void writeUnlock();

        /** The word a writer sleeps on while readers hold the lock. */
        Futex writerSleepsOn();

        /** The word a reader sleeps on while a writer holds the lock. */
        Futex readerSleepsOn();

        /** Futex calls on every word together. */
        long futexCalls();

        /**
         * The four operations of a lock, and its words: the writer's, the reader's (the same word
         * for a one-word lock) and any others it sleeps on; {@link #futexCalls()} sums them all.
         */
        static Rw of(Runnable readLock, Runnable readUnlock, Runnable writeLock, Runnable writeUnlock,
                     Futex writerSleepsOn, Futex readerSleepsOn, Futex... otherWords) {
            java.util.Set<Futex> words = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            words.add(writerSleepsOn);
            words.add(readerSleepsOn);
            words.addAll(java.util.Arrays.asList(otherWords));
            return new Rw() {
                @Override public void readLock() { readLock.run(); }
                @Override public void readUnlock() { readUnlock.run(); }
                @Override public void writeLock() { writeLock.run(); }
                @Override public void writeUnlock() { writeUnlock.run(); }
                @Override public Futex writerSleepsOn() { return writerSleepsOn; }
                @Override public Futex readerSleepsOn() { return readerSleepsOn; }
                @Override public long futexCalls() {
                    return words.stream().mapToLong(w -> w.counters().total()).sum();
                }
            };
        }
    }

    abstract Rw create(FutexBackend backend);

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("two readers are inside at the same time")
    void readersShare(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        CountDownLatch bothInside = new CountDownLatch(2);
        TestThreads threads = new TestThreads(10_000);
        for (int i = 0; i < 2; i++) {
            threads.start("reader-" + i, () -> {
                lock.readLock();
                try {
                    bothInside.countDown();
                    assertTrue(bothInside.await(10, TimeUnit.SECONDS),
                            "a reader waited 10 s inside for the other reader, which never came in: readers exclude each other");
                } finally {
                    lock.readUnlock();
                }
            });
        }
        threads.joinAll("a reader could not take the read lock while another held it");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer excludes readers and writers: 6 threads x 50 000 iterations, 1 in 4 a write, random seed")
    void writerExcludes(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        int threads = 6;
        int iterations = 50_000;
        long[] pair = new long[2]; // plain, non-atomic: only the lock keeps the two equal
        AtomicInteger readersInside = new AtomicInteger();
        AtomicInteger writersInside = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        Workers workers = Workers.start("rw", threads, (index, random) -> {
            for (int i = 0; i < iterations; i++) {
                if (random.nextInt(4) == 0) {
                    lock.writeLock();
                    try {
                        assertEquals(1, writersInside.incrementAndGet(), "two writers inside at once");
                        assertEquals(0, readersInside.get(), "a reader inside with a writer");
                        pair[0]++;
                        Thread.onSpinWait();
                        pair[1]++;
                        writes.incrementAndGet();
                        writersInside.decrementAndGet();
                    } finally {
                        lock.writeUnlock();
                    }
                } else {
                    lock.readLock();
                    try {
                        readersInside.incrementAndGet();
                        assertEquals(0, writersInside.get(), "a writer inside with a reader");
                        long a = pair[0];
                        long b = pair[1];
                        assertEquals(a, b, "a reader saw a writer's half-done update");
                        readersInside.decrementAndGet();
                    } finally {
                        lock.readUnlock();
                    }
                }
            }
        });
        workers.go().join();
        lock.readLock();
        try {
            assertEquals(writes.get(), pair[0], "writes lost (seed " + workers.seed() + ")");
            assertEquals(writes.get(), pair[1], "writes lost (seed " + workers.seed() + ")");
        } finally {
            lock.readUnlock();
        }
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("3 readers asleep behind a writer all come in when it unlocks")
    void writeUnlockWakesSleepingReaders(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        lock.writeLock();
        TestThreads readers = new TestThreads(10_000);
        for (int i = 0; i < 3; i++) {
            readers.start("reader-" + i, () -> {
                lock.readLock();
                lock.readUnlock();
            });
        }
        readers.awaitWaitCalls(lock.readerSleepsOn(), 3);
        lock.writeUnlock();
        readers.joinAll("a reader slept through the writer's unlock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("a writer asleep behind 2 readers comes in when the last one unlocks")
    void lastReaderWakesWriter(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        lock.readLock();
        lock.readLock();
        TestThreads writer = new TestThreads(10_000);
        writer.start("writer", () -> {
            lock.writeLock();
            lock.writeUnlock();
        });
        writer.awaitWaitCalls(lock.writerSleepsOn(), 1);
        lock.readUnlock();
        lock.readUnlock();
        writer.joinAll("the writer slept through the last reader's unlock");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("no wake-up is lost: 8 threads x 50 000 iterations, 1 in 2 a write, random seed, every thread finishes")
    void noLostWakeups(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        long seed = Workers.chooseSeed();
        CountDownLatch gate = new CountDownLatch(1); // all start together, so they contend
        TestThreads threads = new TestThreads(45_000);
        for (int t = 0; t < 8; t++) {
            java.util.Random random = new java.util.Random(seed * 31 + t);
            threads.start("rw-" + t, () -> {
                gate.await();
                for (int i = 0; i < 50_000; i++) {
                    if (random.nextBoolean()) {
                        lock.writeLock();
                        lock.writeUnlock();
                    } else {
                        lock.readLock();
                        lock.readUnlock();
                    }
                }
            });
        }
        gate.countDown();
        threads.joinAll("a thread slept through an unlock (seed " + seed + "; repeat with -Dworkbook.seed=" + seed + ")");
    }

    @ParameterizedTest
    @EnumSource(FutexBackend.class)
    @DisplayName("unlocking what you do not hold throws IllegalMonitorStateException")
    void misuse(FutexBackend backend) throws Exception {
        Rw lock = create(backend);
        assertThrows(IllegalMonitorStateException.class, lock::readUnlock);
        assertThrows(IllegalMonitorStateException.class, lock::writeUnlock);
        lock.writeLock();
        TestThreads other = new TestThreads(10_000);
        other.start("other", () -> assertThrows(IllegalMonitorStateException.class, lock::writeUnlock,
                "another thread unlocked our write lock"));
        other.joinAll("the misuse check blocked");
        assertThrows(IllegalMonitorStateException.class, lock::readUnlock);
        lock.writeUnlock();
        lock.readLock(); // still usable
        lock.readUnlock();
    }
}
