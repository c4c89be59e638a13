package chapter06;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.ExerciseExtension;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.mem.HeapIntWord;

/**
 * What chapter 6's graders share: the four calls of a reader–writer lock, futexes of both back
 * ends, and the checks every exercise's lock must pass (readers share, a writer excludes, sleepers
 * burn no CPU and are woken, no wake-up is lost, misuse throws).
 */
final class Ch6 {
    /** How long a grader waits for a thread that should be done at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(5_000 * ExerciseExtension.timeoutScale());

    private Ch6() {
    }

    /** The four calls every lock of the chapter has. */
    interface Rw {
        void readLock();

        void readUnlock();

        void writeLock();

        void writeUnlock();

        static Rw of(Runnable readLock, Runnable readUnlock, Runnable writeLock, Runnable writeUnlock) {
            return new Rw() {
                @Override public void readLock() { readLock.run(); }
                @Override public void readUnlock() { readUnlock.run(); }
                @Override public void writeLock() { writeLock.run(); }
                @Override public void writeUnlock() { writeUnlock.run(); }
            };
        }
    }

    /** A free futex word: the system call on an off-heap word, or the portable one on a heap word. */
    static Futex futex(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? Futexes.create(0, FutexBackend.LINUX) : Futexes.portable(new HeapIntWord(0));
    }

    /** {@link #futex} wrapped so that no sleep lasts longer than {@link #PATIENCE_MILLIS}: a lost wake-up is counted, not hung on. */
    static WindowFutex window(FutexBackend backend) {
        return new WindowFutex(futex(backend), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    static String on(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? "on the Linux futex" : "on the portable futex (heap word)";
    }

    /** Two readers are inside at the same time. */
    static void readersShare(Rw lock) throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        for (int i = 0; i < 2; i++) {
            threads.start("reader-" + i, () -> {
                lock.readLock();
                try {
                    bothInside.countDown();
                    if (!bothInside.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                        fail("readers exclude each other: a reader held the read lock and the other one could not come in. "
                                + "readLock() must let a reader in whenever no writer holds the lock");
                    }
                } finally {
                    lock.readUnlock();
                }
            });
        }
        threads.joinAll("readers exclude each other: a reader could not take the read lock while another held it");
    }

    /**
     * {@code threads} threads, {@code iterations} each, one in four a write: inside, a writer is
     * alone and a reader sees no half-done write; no write is lost.
     */
    static void writerExcludes(Rw lock, int threads, int iterations) throws Exception {
        long[] pair = new long[2]; // plain, non-atomic: only the lock keeps the two equal
        AtomicInteger readersInside = new AtomicInteger();
        AtomicInteger writersInside = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        String where = ". Look at writeLock(): it may only come in when the word says nobody is inside; and at readLock(): "
                + "it may not come in while a writer holds the lock";
        Workers workers = Workers.start("rw", threads, (index, random) -> {
            for (int i = 0; i < iterations; i++) {
                if (random.nextInt(4) == 0) {
                    lock.writeLock();
                    try {
                        if (writersInside.incrementAndGet() != 1) {
                            fail("mutual exclusion broken: two writers held the write lock at once" + where);
                        }
                        if (readersInside.get() != 0) {
                            fail("mutual exclusion broken: a writer came in while a reader was inside" + where);
                        }
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
                        if (writersInside.get() != 0 || pair[0] != pair[1]) {
                            fail("mutual exclusion broken: a reader came in while a writer was inside" + where);
                        }
                        readersInside.decrementAndGet();
                    } finally {
                        lock.readUnlock();
                    }
                }
            }
        });
        workers.go().join();
        lock.readLock(); // acquire: see the last writer's pair
        long a = pair[0];
        long b = pair[1];
        lock.readUnlock();
        if (a != writes.get() || b != writes.get()) {
            fail("mutual exclusion broken: " + writes.get() + " writes, but the data shows " + a + " and " + b
                    + " (seed " + workers.seed() + "): two writers overlapped, or a write did not reach the next holder. "
                    + "Are your compare-and-exchanges acquire on the way in and your stores release on the way out?");
        }
    }

    /**
     * A writer holds the lock; 3 readers go to sleep on {@code readerWord}; they burn almost no CPU,
     * and all come in when the writer unlocks.
     */
    static void sleepingReadersWake(Rw lock, Futex readerWord, FutexBackend backend) throws Exception {
        lock.writeLock();
        TestThreads readers = new TestThreads(PATIENCE_MILLIS);
        Thread[] threads = new Thread[3];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = readers.start("reader-" + i, () -> {
                lock.readLock();
                lock.readUnlock();
            });
        }
        readers.awaitWaitCalls(readerWord, threads.length);
        long burned = cpuOver(threads[0], 200);
        for (Thread t : threads) {
            if (!t.isAlive()) {
                readers.rethrow();
                fail("mutual exclusion broken: a reader came in while a writer held the lock (look at readLock())");
            }
        }
        lock.writeUnlock();
        readers.joinAll("lost wake-up: the writer unlocked, but a reader slept on. writeUnlock() must wake every thread "
                + "asleep on the word");
        busyWaiting(burned, "a reader waiting behind a writer", backend);
    }

    /**
     * 2 readers hold the lock; a writer goes to sleep on {@code writerWord}; it burns almost no CPU,
     * and comes in when the last reader unlocks.
     */
    static void sleepingWriterWakes(Rw lock, Futex writerWord, FutexBackend backend) throws Exception {
        lock.readLock();
        lock.readLock();
        TestThreads writer = new TestThreads(PATIENCE_MILLIS);
        Thread w = writer.start("writer", () -> {
            lock.writeLock();
            lock.writeUnlock();
        });
        writer.awaitWaitCalls(writerWord, 1);
        long burned = cpuOver(w, 200);
        if (!w.isAlive()) {
            writer.rethrow();
            fail("mutual exclusion broken: a writer came in while 2 readers held the lock (look at writeLock())");
        }
        lock.readUnlock();
        lock.readUnlock();
        writer.joinAll("lost wake-up: the last reader left, but the writer slept on. The last reader out must wake a writer");
        busyWaiting(burned, "a writer waiting behind readers", backend);
    }

    /** CPU time {@code t} burns during {@code millis} of wall-clock time, in nanoseconds (not a speed claim: a sleeper burns ~0). */
    static long cpuOver(Thread t, long millis) throws InterruptedException {
        long before = ThreadWatch.cpuNanos(t);
        Thread.sleep(millis);
        return t.isAlive() ? ThreadWatch.cpuNanos(t) - before : 0;
    }

    /** Fails if a waiter burned more than a fifth of {@code wallNanos} (200 ms unless given) in CPU time. */
    static void busyWaiting(long burnedNanos, String who, FutexBackend backend) {
        busyWaiting(burnedNanos, 200_000_000L, who, backend);
    }

    static void busyWaiting(long burnedNanos, long wallNanos, String who, FutexBackend backend) {
        if (burnedNanos > wallNanos / 5) {
            fail(String.format("busy-waiting: %s burned %.0f ms of CPU in %.0f ms %s. It must sleep on a futex word "
                    + "(await) instead of looping; if it does, is the value it sleeps on the one the word holds?",
                    who, burnedNanos / 1e6, wallNanos / 1e6, on(backend)));
        }
    }

    /**
     * {@code threads} threads, {@code iterations} each, half reads and half writes, on locks whose
     * words are bounded {@link WindowFutex}es: every thread finishes, and no sleep ran into the bound.
     */
    static void noLostWakeups(Rw lock, WindowFutex[] words, int threads, int iterations) throws Exception {
        Workers workers = Workers.start("rw", threads, (index, random) -> {
            for (int i = 0; i < iterations; i++) {
                if (random.nextBoolean()) {
                    lock.writeLock();
                    lock.writeUnlock();
                } else {
                    lock.readLock();
                    lock.readUnlock();
                }
            }
        });
        workers.go().join();
        for (WindowFutex word : words) {
            if (word.cutShort() > 0) {
                fail("lost wake-up: a thread slept " + PATIENCE_MILLIS / 1000.0 + " s on a word nobody woke it from, "
                        + word.cutShort() + " time(s) (seed " + workers.seed() + "; repeat with -Dworkbook.seed="
                        + workers.seed() + "). Does every unlock that lets a sleeper in wake it? Does every sleep expect "
                        + "exactly the value the thread last saw?");
            }
        }
    }

    /**
     * A reader holds the lock; a writer comes, and the reader leaves exactly between the writer's
     * last look and its sleep on {@code writerWord} (run on the writer's thread by the window): the
     * writer must get in without the grader's bound waking it.
     */
    static void lastReaderInTheWindow(Rw lock, WindowFutex writerWord, String wordName, String fix) throws Exception {
        lock.readLock();
        writerWord.beforeNextSleep(lock::readUnlock);
        TestThreads writer = new TestThreads(PATIENCE_MILLIS);
        writer.start("writer", () -> {
            lock.writeLock();
            lock.writeUnlock();
        });
        writer.joinAll("the writer never got in");
        if (writerWord.actionPending()) {
            fail("the writer never slept on " + wordName + " while a reader held the lock: writers must sleep there");
        }
        if (writerWord.cutShort() > 0) {
            fail("lost wake-up: the last reader left after the writer had looked at the words and before it slept, and "
                    + "the writer slept on until the grader woke it " + PATIENCE_MILLIS / 1000.0 + " s later. " + fix);
        }
    }

    /** Unlocking what you do not hold throws {@link IllegalMonitorStateException}, and the lock still works. */
    static void misuse(Rw lock) throws Exception {
        expectImse(lock::readUnlock, "readUnlock() on a free lock");
        expectImse(lock::writeUnlock, "writeUnlock() on a free lock");
        lock.writeLock();
        TestThreads other = new TestThreads(PATIENCE_MILLIS);
        other.start("other", () -> expectImse(lock::writeUnlock, "writeUnlock() by a thread that does not hold the write lock"));
        other.joinAll("writeUnlock() by another thread blocked");
        expectImse(lock::readUnlock, "readUnlock() while a writer holds the lock");
        lock.writeUnlock();
        lock.readLock();
        lock.readUnlock();
    }

    static void expectImse(Runnable call, String what) {
        try {
            call.run();
        } catch (IllegalMonitorStateException expected) {
            return;
        }
        fail(what + " did not throw IllegalMonitorStateException: check the state (and, for the write lock, the owner) "
                + "before you change anything");
    }
}
