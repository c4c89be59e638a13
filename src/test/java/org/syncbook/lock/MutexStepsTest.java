package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;
import org.syncbook.grading.Workers;
import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.OffHeapBlock;

/**
 * Chapter 4's three mutex steps ({@link Mutex1}, {@link Mutex2}, {@link Mutex3}) and the last one,
 * {@link FutexMutex}, on every back end and kind of word: each excludes, none loses a wake-up, and
 * from step 2 on an uncontended lock makes no futex call.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class MutexStepsTest {

    /** Where a mutex's futex lives. */
    enum Word {
        LINUX_OFF_HEAP, PORTABLE_HEAP, PORTABLE_OFF_HEAP;

        Futex create() {
            return switch (this) {
                case LINUX_OFF_HEAP -> Futexes.create(0, FutexBackend.LINUX);
                case PORTABLE_HEAP -> Futexes.portable(new HeapIntWord(0));
                case PORTABLE_OFF_HEAP -> Futexes.portable(OffHeapBlock.allocate(OffHeapBlock.CACHE_LINE).intWord(0));
            };
        }
    }

    /** A mutex step seen through the two calls every step has. */
    interface Subject {
        void lock();

        void unlock();
    }

    /** The steps, each on a given futex. */
    enum Step {
        MUTEX1(f -> { Mutex1 m = new Mutex1(f); return subject(m::lock, m::unlock); }),
        MUTEX2(f -> { Mutex2 m = new Mutex2(f); return subject(m::lock, m::unlock); }),
        MUTEX3(f -> { Mutex3 m = new Mutex3(f); return subject(m::lock, m::unlock); }),
        FUTEX_MUTEX(f -> { FutexMutex m = new FutexMutex(f); return subject(m::lock, m::unlock); }),
        FUTEX_MUTEX_NO_SPIN(f -> { FutexMutex m = new FutexMutex(f, 0); return subject(m::lock, m::unlock); });

        final Function<Futex, Subject> make;

        Step(Function<Futex, Subject> make) {
            this.make = make;
        }
    }

    static Subject subject(Runnable lock, Runnable unlock) {
        return new Subject() {
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

    static List<Arguments> stepsAndWords() {
        List<Arguments> all = new ArrayList<>();
        for (Step s : Step.values()) {
            for (Word w : Word.values()) {
                all.add(Arguments.of(s, w));
            }
        }
        return all;
    }

    /** A counter no lock protects but the one under test. */
    static final class Counter {
        long value; // plain on purpose: a lost update shows a broken lock
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("4 threads x 20,000 increments of a plain counter under the lock lose none")
    void excludes(Step step, Word word) throws Exception {
        int threads = 4;
        int iterations = 20_000;
        Subject mutex = step.make.apply(word.create());
        Counter counter = new Counter();
        Workers workers = Workers.start("excl", threads, (i, random) -> {
            for (int n = 0; n < iterations; n++) {
                mutex.lock();
                long v = counter.value;
                if (random.nextInt(256) == 0) {
                    Thread.yield(); // widen the window a broken lock would let another thread into
                }
                counter.value = v + 1;
                mutex.unlock();
            }
        }).go();
        workers.join();
        assertEquals((long) threads * iterations, counter.value, "lost increments (seed " + workers.seed() + ")");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("8 threads x 1,000 iterations, sometimes sleeping inside the lock: every waiter gets woken")
    void noLostWakeups(Step step, Word word) throws Exception {
        int threads = 8;
        int iterations = 1_000;
        Futex futex = word.create();
        Subject mutex = step.make.apply(futex);
        Counter counter = new Counter();
        Workers workers = Workers.start("wake", threads, (i, random) -> {
            for (int n = 0; n < iterations; n++) {
                mutex.lock();
                counter.value++;
                if (random.nextInt(16) == 0) {
                    LockSupport.parkNanos(20_000); // long enough that the others go to sleep
                }
                mutex.unlock();
            }
        }).go();
        workers.join(); // a lost wake-up leaves a thread asleep for good: the time limit fails the test
        assertEquals((long) threads * iterations, counter.value, "lost increments (seed " + workers.seed() + ")");
        assertTrue(futex.counters().waits() > 0, "no thread ever slept, so this run tested no wake-up: " + futex.counters());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("step 1 makes a wake call on every unlock, even with nobody else around (what step 2 removes)")
    void mutex1WakesOnEveryUnlock(Word word) {
        Futex futex = word.create();
        Mutex1 mutex = new Mutex1(futex);
        for (int i = 0; i < 1000; i++) {
            mutex.lock();
            mutex.unlock();
        }
        assertEquals(0, futex.counters().waits(), "waits");
        assertEquals(1000, futex.counters().wakes(), "1000 unlocks, 1000 wake calls");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("from step 2 on, an uncontended lock and unlock makes no futex call")
    void uncontendedMakesNoCall(Step step, Word word) {
        if (step == Step.MUTEX1) {
            return; // the point of step 2: see mutex1WakesOnEveryUnlock
        }
        Futex futex = word.create();
        Subject mutex = step.make.apply(futex);
        for (int i = 0; i < 1000; i++) {
            mutex.lock();
            mutex.unlock();
        }
        assertEquals(0, futex.counters().total(), "futex calls of 1000 uncontended lock/unlock: " + futex.counters());
    }
}
