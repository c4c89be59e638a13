package org.syncbook.grading;

import java.util.Arrays;
import java.util.function.Function;
import org.jetbrains.lincheck.Lincheck;
import org.syncbook.futex.Futex;

/**
 * Model-checks a mutex built on a futex with Lincheck: instead of running threads and hoping a bad
 * interleaving happens, Lincheck runs them one step at a time (a step is a read or write of a
 * shared field, a call into the futex, a monitor operation) and chooses where to switch threads,
 * exploring many different interleavings of the same few lock and unlock calls. A lost wake-up that
 * a stress test hits once in a million runs becomes a short table of which thread did what, in
 * which order, that a learner can follow line by line.
 *
 * <p>The scenario: {@code threads} threads each take the lock {@code rounds} times around a
 * critical section that notes who is inside; the main thread joins them. Two bug classes are named:
 * a run in which every thread is blocked for good (a lost wake-up: a thread sleeps while the lock
 * is free, and no unlock is left to wake it) and a run in which two threads are inside at once.
 *
 * <p>The lock gets a {@link ModelCheckFutex} (a heap word, its waiters kept in the futex itself):
 * see there why not the parking lot of {@code Futexes.portable}.
 */
public final class ModelCheck {
    /** What the model checker needs of a mutex. */
    public interface Mutex {
        void lock();

        void unlock();

        /** A mutex made of two calls, e.g. {@code Mutex.of(m::lock, m::unlock)} for a class with no common interface. */
        static Mutex of(Runnable lock, Runnable unlock) {
            return new Mutex() {
                @Override
                public void lock() {
                    lock.run();
                }

                @Override
                public void unlock() {
                    unlock.run();
                }
            };
        }
    }

    public static final String LOST_WAKEUP_MESSAGE = "lost wake-up: a thread sleeps while the lock is free";
    public static final String NO_EXCLUSION_MESSAGE = "mutual exclusion broken";

    private ModelCheck() {
    }

    /**
     * Model-checks the mutex {@code newMutex} builds on a fresh futex (holding 0) with {@code threads}
     * threads taking it {@code rounds} times each, over {@code invocations} interleavings.
     *
     * @param where where a learner should look when it fails, e.g. "chapter 4, 'Three states'"
     * @throws AssertionError naming the bug class, with the interleaving Lincheck found
     */
    public static void mutex(String where, Function<Futex, ? extends Mutex> newMutex,
                             int threads, int rounds, int invocations) {
        // Once on this thread first: a stub's "not done yet" (or a lock that cannot even be taken
        // twice in a row) is reported as itself, not wrapped in a model checker's report.
        Mutex alone = newMutex.apply(new ModelCheckFutex(0));
        for (int i = 0; i < 2; i++) {
            alone.lock();
            alone.unlock();
        }
        try {
            Lincheck.runConcurrentTest(invocations, new Scenario(newMutex, threads, rounds));
        } catch (AssertionError e) {
            String report = String.valueOf(e.getMessage());
            String bug = report.contains("has hung") || report.contains("deadlock")
                    ? LOST_WAKEUP_MESSAGE + " (or no thread ever frees it): every thread is blocked, and no unlock is left to wake one"
                    : report.contains(NO_EXCLUSION_MESSAGE) ? NO_EXCLUSION_MESSAGE + ": two threads were inside the lock at once"
                    : "the model checker found a failing interleaving";
            int details = report.indexOf("Detailed trace:");
            throw new AssertionError(bug + ". Look at " + where + ". Lincheck's interleaving ("
                    + threads + " threads, " + rounds + " lock/unlock each; read it top to bottom, one column per thread):\n"
                    + (details < 0 ? report : report.substring(0, details)), e);
        }
    }

    /** One run of the scenario: everything it touches is created here, by the run. */
    /**
     * Inside a model-checked run: starts one thread per body and joins them all. Lincheck follows
     * threads the run starts itself, so a scenario's threads are made here, not before the run.
     */
    public static void runThreads(Runnable... bodies) {
        Thread[] threads = new Thread[bodies.length];
        for (int i = 0; i < bodies.length; i++) {
            threads[i] = new Thread(bodies[i]);
            threads[i].start();
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            throw new AssertionError("interrupted while joining", e);
        }
    }

    private static final class Scenario implements Runnable {
        private final Function<Futex, ? extends Mutex> newMutex;
        private final int threads;
        private final int rounds;
        // A field of an object older than the run: storing the room here tells Lincheck it is shared,
        // so every access to it becomes a point where threads may switch. (Handed to the threads
        // only through Thread's constructor, which Lincheck does not follow, it stayed "local".)
        private Room room;

        Scenario(Function<Futex, ? extends Mutex> newMutex, int threads, int rounds) {
            this.newMutex = newMutex;
            this.threads = threads;
            this.rounds = rounds;
        }

        @Override
        public void run() {
            room = new Room(newMutex.apply(new ModelCheckFutex(0)), rounds);
            Runnable[] bodies = new Runnable[threads];
            Arrays.fill(bodies, room);
            runThreads(bodies);
            if (room.failure != null) {
                throw room.failure;
            }
        }
    }

    /** The critical section every thread enters: it notes who is inside, in plain fields the checker follows. */
    private static final class Room implements Runnable {
        private final Mutex mutex;
        private final int rounds;
        private Thread inside; // plain: the lock under check is all that orders these accesses
        private RuntimeException failure;

        Room(Mutex mutex, int rounds) {
            this.mutex = mutex;
            this.rounds = rounds;
        }

        @Override
        public void run() {
            for (int i = 0; i < rounds; i++) {
                mutex.lock();
                if (inside != null && failure == null) {
                    failure = new IllegalStateException(NO_EXCLUSION_MESSAGE + ": lock() returned while another thread was inside");
                }
                inside = Thread.currentThread();
                inside = null;
                mutex.unlock();
            }
        }
    }
}
