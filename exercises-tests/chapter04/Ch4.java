package chapter04;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.ExerciseExtension;
import org.syncbook.grading.ModelCheck;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.mem.HeapIntWord;

/**
 * What chapter 4's graders share: futexes of both back ends, and the three checks every mutex of
 * the chapter must pass (it excludes, it sleeps, it loses no wake-up), each failing with the bug
 * class in words and where to look.
 */
final class Ch4 {
    /** How long a grader waits for a thread that should be done at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(5_000 * ExerciseExtension.timeoutScale());

    private Ch4() {
    }

    /** A futex holding 0: the system call on an off-heap word, or the portable one on a heap word. */
    static Futex futex(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? Futexes.create(0, FutexBackend.LINUX) : Futexes.portable(new HeapIntWord(0));
    }

    static String on(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? "on the Linux futex" : "on the portable futex (heap word)";
    }

    /** A counter only the lock under test protects: plain, so a lost update shows two threads inside. */
    private static final class Counter {
        long value;
    }

    /** {@code threads} threads each increment a plain counter {@code iterations} times under the lock; none may be lost. */
    static void assertExcludes(ModelCheck.Mutex mutex, int threads, int iterations, String where) throws Exception {
        Counter counter = new Counter();
        long seed = Workers.chooseSeed();
        TestThreads started = new TestThreads(PATIENCE_MILLIS * 2);
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            started.start("excl-" + t, () -> {
                for (int n = 0; n < iterations; n++) {
                    mutex.lock();
                    long v = counter.value;
                    if (random.nextInt(128) == 0) {
                        Thread.yield(); // widens the window a broken lock lets a second thread into
                    }
                    counter.value = v + 1;
                    mutex.unlock();
                }
            });
        }
        started.joinAll("a thread never got the lock (a lost wake-up, or an unlock that did not free it); look at " + where);
        long lost = (long) threads * iterations - counter.value;
        if (lost != 0) {
            fail(String.format("mutual exclusion broken: %d of %d increments under your lock were lost, so two threads "
                    + "were inside at once. Take the lock with one atomic step (a compare-and-exchange from 0), never a "
                    + "read followed by a write; look at %s (seed %d; repeat with -Dworkbook.seed=%d)",
                    lost, (long) threads * iterations, where, seed, seed));
        }
    }

    /**
     * {@code threads} threads take the lock {@code iterations} times, sometimes holding it long
     * enough for the others to fall asleep; every one of them must finish.
     */
    static void assertNoLostWakeups(Futex word, ModelCheck.Mutex mutex, int threads, int iterations, String where)
            throws Exception {
        long seed = Workers.chooseSeed();
        TestThreads started = new TestThreads(PATIENCE_MILLIS * 2);
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            started.start("wake-" + t, () -> {
                for (int n = 0; n < iterations; n++) {
                    mutex.lock();
                    if (random.nextInt(16) == 0) {
                        LockSupport.parkNanos(20_000); // long enough that the others go to sleep
                    }
                    mutex.unlock();
                }
            });
        }
        started.joinAll("lost wake-up: a thread still sleeps although every other thread is done with the lock (the "
                + "word holds " + word.get() + "), so no unlock is left to wake it. Look at " + where + " (seed " + seed + ")");
        if (word.counters().waits() == 0) {
            fail("no thread ever called a futex wait in " + threads + " threads x " + iterations + " contended lock/unlock "
                    + "pairs: your lock never sleeps (it spins or yields). Sleep with word.await(...); look at " + where);
        }
    }

    /** While another thread holds the lock, a waiter sleeps in the futex and burns almost no CPU. */
    static void assertWaiterSleeps(Futex word, ModelCheck.Mutex mutex, String where) throws Exception {
        mutex.lock();
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> {
            mutex.lock();
            mutex.unlock();
        });
        threads.awaitWaitCalls(word, 1);
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long wall0 = System.nanoTime();
        Thread.sleep(300);
        long cpu = ThreadWatch.cpuNanos(waiter) - cpu0;
        long wall = System.nanoTime() - wall0;
        threads.rethrow();
        if (!waiter.isAlive()) {
            fail("mutual exclusion broken: lock() returned in a second thread while the first still held the lock; "
                    + "look at " + where);
        }
        mutex.unlock();
        threads.joinAll("lost wake-up: the waiter still sleeps after the holder's unlock; look at " + where);
        if (word.counters().waits() == 0) {
            fail("the waiter never called a wait on the futex it was given: sleep with word.await(...); look at " + where);
        }
        if (cpu > wall / 5) {
            fail(String.format("busy waiting: while the lock was held for %.0f ms, the waiting thread burned %.0f ms of "
                    + "CPU. It spins instead of sleeping in the futex; look at %s", wall / 1e6, cpu / 1e6, where));
        }
    }

    /**
     * An unlock that lands between a waiter's look at the word and its sleep must not be lost. The
     * holder is a thread of its own (a lock with an owner refuses an unlock from anyone else); the
     * waiter, inside its window, asks it to unlock and waits until it has.
     */
    static void assertUnlockInTheWindowIsSeen(WindowFutex word, ModelCheck.Mutex mutex, String where) throws Exception {
        TestThreads threads = new TestThreads(PATIENCE_MILLIS * 2);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        threads.start("holder", () -> {
            mutex.lock();
            held.countDown();
            release.await();
            mutex.unlock();
            released.countDown();
        });
        threads.await(held, "a thread could not take a free lock; look at " + where);
        word.beforeNextSleep(() -> { // runs in the waiter, after its last look, before its sleep
            release.countDown();
            try {
                released.await(PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        threads.start("waiter", () -> {
            mutex.lock();
            mutex.unlock();
        });
        threads.joinAll("the waiter never got the lock; look at " + where);
        if (word.cutShort() > 0) {
            fail("lost wake-up: the holder's unlock ran between the waiter's last look at the word and its sleep, and "
                    + "the waiter slept on until the grader woke it " + PATIENCE_MILLIS / 1000.0 + " s later. Sleep "
                    + "expecting the value that means 'locked' in the very word unlock() changes, so the futex sees the "
                    + "change; look at " + where);
        }
    }

    /** A {@link WindowFutex} around {@link #futex}, whose sleeps are cut off after {@link #PATIENCE_MILLIS}. */
    static WindowFutex window(FutexBackend backend) {
        return new WindowFutex(futex(backend), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
    }
}
