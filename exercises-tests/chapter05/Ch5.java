package chapter05;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.ExerciseExtension;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.ThreadWatch;
import org.syncbook.grading.Workers;
import org.syncbook.lock.Mutex2;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.workbook.NotDoneYet;

/** What chapter 5's graders share: futexes of both back ends, a condition variable seen through three calls, and the scenarios 5.1 to 5.3 all pass. */
final class Ch5 {
    /** How long a grader waits for a thread that should be done at once; scaled like the time limits. */
    static final long PATIENCE_MILLIS = Math.round(5_000 * ExerciseExtension.timeoutScale());

    private Ch5() {
    }

    /** A condition variable of exercises 5.1 to 5.3 (and of the reference's steps). */
    interface Cv {
        void await();

        void signal();

        void signalAll();
    }

    /** Makes a condition variable on a mutex and a counter futex. */
    interface Maker extends BiFunction<Mutex2, Futex, Cv> {
    }

    static Cv cv(Runnable await, Runnable signal, Runnable signalAll) {
        return new Cv() {
            public void await() { await.run(); }
            public void signal() { signal.run(); }
            public void signalAll() { signalAll.run(); }
        };
    }

    /** A futex holding {@code initial}: the system call on an off-heap word, or the portable one on a heap word. */
    static Futex futex(FutexBackend backend, int initial) {
        return backend == FutexBackend.LINUX ? Futexes.create(initial, FutexBackend.LINUX)
                : Futexes.portable(new HeapIntWord(initial));
    }

    static String on(FutexBackend backend) {
        return backend == FutexBackend.LINUX ? "on the Linux futex" : "on the portable futex (heap word)";
    }

    /** A flag guarded by the mutex, and the usual loop around await. */
    static final class Gate {
        final Mutex2 mutex;
        final Cv cv;
        boolean open; // plain: guarded by the mutex

        Gate(Mutex2 mutex, Cv cv) {
            this.mutex = mutex;
            this.cv = cv;
        }

        void pass() {
            mutex.lock();
            while (!open) {
                cv.await();
            }
            mutex.unlock();
        }

        void open(boolean all) {
            mutex.lock();
            open = true;
            if (all) { cv.signalAll(); } else { cv.signal(); }
            mutex.unlock();
        }
    }

    /** A waiter releases the mutex while it sleeps, sleeps without burning CPU, and holds the mutex again when await returns. */
    static void releasesSleepsReacquires(Maker make, FutexBackend backend) throws Exception {
        Mutex2 mutex = new Mutex2(futex(backend, 0));
        Futex counter = futex(backend, 0);
        Gate gate = new Gate(mutex, make.apply(mutex, counter));
        int[] wordAfter = new int[1];
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        Thread waiter = threads.start("waiter", () -> {
            mutex.lock();
            while (!gate.open) {
                gate.cv.await();
            }
            wordAfter[0] = mutex.word().get();
            mutex.unlock();
        });
        threads.awaitWaitCalls(counter, 1);
        threads.rethrow();
        if (counter.counters().waits() == 0) {
            fail("await() never made a wait call on the counter futex: it must sleep there until a signal");
        }
        TestThreads locker = new TestThreads(PATIENCE_MILLIS);
        locker.start("locker", mutex::lock);
        locker.joinAll("another thread could not take the mutex while the waiter was in await(): await must unlock it");
        long cpu0 = ThreadWatch.cpuNanos(waiter);
        long wall0 = System.nanoTime();
        Thread.sleep(100);
        long cpu = ThreadWatch.cpuNanos(waiter) - cpu0;
        long wall = System.nanoTime() - wall0;
        gate.open = true; // the locker thread took the mutex for us; it is ours to use and release
        gate.cv.signal();
        mutex.unlock();
        threads.joinAll("signal() left the waiter asleep");
        assertTrue(cpu < wall / 5, String.format("the waiter burned %.0f ms of CPU in %.0f ms of waiting %s: it spins instead of sleeping",
                cpu / 1e6, wall / 1e6, on(backend)));
        assertTrue(wordAfter[0] != 0, "await() returned without the mutex: the waiter must lock it again before returning");
    }

    /**
     * A signal in the window right after the waiter's unlock is not lost. The grader marks the mutex
     * word "contended" (2) while the waiter holds it, so the waiter's unlock calls wake on it; the
     * mutex word's {@link WindowFutex#beforeEachWake} hook then signals, from another thread, at
     * exactly that moment: after the unlock, before anything the waiter does next.
     */
    static void signalInTheWindow(Maker make, FutexBackend backend) throws Exception {
        WindowFutex word = new WindowFutex(futex(backend, 0), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        WindowFutex counter = new WindowFutex(futex(backend, 0), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        Mutex2 mutex = new Mutex2(word);
        Gate gate = new Gate(mutex, make.apply(mutex, counter));
        TestThreads signaller = new TestThreads(PATIENCE_MILLIS);
        word.beforeEachWake(() -> {
            word.beforeEachWake(null); // once
            signaller.start("signaller", () -> gate.open(false));
            try {
                signaller.joinAll("the signaller could not take the mutex the waiter had just unlocked");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        TestThreads threads = new TestThreads(2 * PATIENCE_MILLIS);
        threads.start("waiter", () -> {
            mutex.lock();
            word.set(2); // as if another thread waited for the mutex: the waiter's unlock will call wake
            while (!gate.open) {
                gate.cv.await();
            }
            mutex.unlock();
        });
        threads.joinAll("the waiter never returned");
        signaller.rethrow();
        if (counter.cutShort() > 0) {
            fail("a waiter slept through a signal: the signal came right after the waiter unlocked the mutex, and the "
                    + "waiter slept on until the grader woke it " + PATIENCE_MILLIS / 1000.0 + " s later " + on(backend)
                    + ". Read the counter (and count yourself in) while you still hold the mutex, then unlock, then "
                    + "sleep only while the counter holds what you read");
        }
    }

    /** signalAll lets every one of 4 sleeping waiters go; the counter starts just below the wrap-around. */
    static void signalAllWakesEveryone(Maker make, FutexBackend backend) throws Exception {
        Mutex2 mutex = new Mutex2(futex(backend, 0));
        Futex counter = futex(backend, 0xFFFF_FFFF);
        Gate gate = new Gate(mutex, make.apply(mutex, counter));
        TestThreads threads = new TestThreads(PATIENCE_MILLIS);
        for (int i = 0; i < 4; i++) {
            threads.start("waiter-" + i, gate::pass);
        }
        threads.awaitWaitCalls(counter, 4);
        gate.open(true);
        threads.joinAll("signalAll() left a waiter asleep (the counter started at 0xFFFFFFFF: does it survive the wrap to 0?)");
    }

    /**
     * A 4-slot buffer, 2 producers and 2 consumers of 3,000 items each, signal or signalAll at random;
     * every sleep is bounded, so a lost wake-up is reported instead of hanging.
     */
    static void bufferStress(Maker make, FutexBackend backend) throws Exception {
        WindowFutex word = new WindowFutex(futex(backend, 0), PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
        Mutex2 mutex = new Mutex2(word);
        WindowFutex[] counters = {new WindowFutex(futex(backend, 0), PATIENCE_MILLIS, TimeUnit.MILLISECONDS),
            new WindowFutex(futex(backend, 0), PATIENCE_MILLIS, TimeUnit.MILLISECONDS)};
        Cv notEmpty = make.apply(mutex, counters[0]);
        Cv notFull = make.apply(mutex, counters[1]);
        long[] slots = new long[4];
        int[] headCount = new int[2]; // plain, guarded by the mutex
        int items = 3_000;
        long[] sums = new long[2];
        Workers workers = Workers.start("buffer", 4, (i, random) -> {
            for (int n = 1; n <= items; n++) {
                boolean all = random.nextBoolean();
                mutex.lock();
                try {
                    if (i < 2) {
                        while (headCount[1] == slots.length) {
                            notFull.await();
                        }
                        slots[(headCount[0] + headCount[1]++) % slots.length] = n;
                        if (all) { notEmpty.signalAll(); } else { notEmpty.signal(); }
                    } else {
                        while (headCount[1] == 0) {
                            notEmpty.await();
                        }
                        sums[i - 2] += slots[headCount[0]];
                        headCount[0] = (headCount[0] + 1) % slots.length;
                        headCount[1]--;
                        if (all) { notFull.signalAll(); } else { notFull.signal(); }
                    }
                } catch (NotDoneYet e) {
                    mutex.unlock(); // a stub throws while the mutex is held: let the other workers fail too, not hang
                    throw e;
                }
                mutex.unlock();
            }
        }).go();
        joinWatching(workers, counters[0], counters[1], word);
        long lost = counters[0].cutShort() + counters[1].cutShort();
        if (lost > 0) {
            fail(lost + " wait(s) slept through a signal in a producer/consumer buffer " + on(backend) + " (seed "
                    + workers.seed() + "): they woke only when the grader cut their sleep short after "
                    + PATIENCE_MILLIS / 1000.0 + " s. Look at what await() reads, and when; if signalAll requeues, at how a "
                    + "woken waiter relocks (the mutex word must say 2 while it holds the mutex)");
        }
        if (word.cutShort() > 0) {
            fail(word.cutShort() + " sleep(s) on the mutex word were never woken " + on(backend) + " (seed " + workers.seed()
                    + "): threads moved there by a requeue, or relocking after a wait, need the word to say 2 while the "
                    + "mutex is held, so that the unlock wakes them");
        }
        assertEquals(2L * items * (items + 1) / 2, sums[0] + sums[1], "items lost or doubled (seed " + workers.seed() + ")");
    }

    /** Joins {@code workers}, but returns as soon as one of {@code words} has cut a sleep short, to report it at once. */
    private static void joinWatching(Workers workers, WindowFutex... words) throws Exception {
        TestThreads joiner = new TestThreads(Long.MAX_VALUE / 2);
        Thread t = joiner.start("joiner", workers::join);
        while (t.isAlive()) {
            t.join(20);
            for (WindowFutex w : words) {
                if (w.cutShort() > 0) {
                    return;
                }
            }
        }
        joiner.rethrow();
    }
}
