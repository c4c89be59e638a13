package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.syncbook.futex.Futex;
import org.syncbook.futex.examples.WindowFutex;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;
import org.syncbook.lock.MutexStepsTest.Word;

/**
 * Chapter 5's three condition-variable steps ({@link Condvar1}, {@link Condvar2}, {@link Condvar3})
 * on every back end and kind of word: none loses a wake-up, step 2 on makes no futex call without
 * waiters, step 3's broadcast requeues instead of waking a herd, and the counter wraps around.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class CondvarStepsTest {

    /** A step seen through the calls every step has; its mutex is a {@link Mutex2}. */
    interface Subject {
        Mutex2 mutex();

        void await();

        void signal();

        void signalAll();
    }

    /** The steps, each made on a mutex and a counter futex. */
    enum Step {
        CONDVAR1((m, f) -> { Condvar1 c = new Condvar1(m, f); return subject(m, c::await, c::signal, c::signalAll); }),
        CONDVAR2((m, f) -> { Condvar2 c = new Condvar2(m, f); return subject(m, c::await, c::signal, c::signalAll); }),
        CONDVAR3((m, f) -> { Condvar3 c = new Condvar3(m, f); return subject(m, c::await, c::signal, c::signalAll); });

        final BiFunction<Mutex2, Futex, Subject> make;

        Step(BiFunction<Mutex2, Futex, Subject> make) {
            this.make = make;
        }
    }

    static Subject subject(Mutex2 mutex, Runnable await, Runnable signal, Runnable signalAll) {
        return new Subject() {
            public Mutex2 mutex() { return mutex; }
            public void await() { await.run(); }
            public void signal() { signal.run(); }
            public void signalAll() { signalAll.run(); }
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

    /** A bounded buffer of longs on one mutex and two conditions, the textbook use of a condition variable. */
    static final class Buffer {
        final long[] items = new long[4];
        int head;
        int count; // plain: only touched under the mutex
        final Subject notEmpty;
        final Subject notFull;

        Buffer(Step step, Word word) {
            Mutex2 mutex = new Mutex2(word.create());
            notEmpty = step.make.apply(mutex, word.create());
            notFull = step.make.apply(mutex, word.create());
        }

        // tag::usage[]
        void put(long v, boolean all) {
            notFull.mutex().lock();
            while (count == items.length) {
                notFull.await();
            }
            items[(head + count++) % items.length] = v;
            if (all) { notEmpty.signalAll(); } else { notEmpty.signal(); }
            notFull.mutex().unlock();
        }

        long take(boolean all) {
            notEmpty.mutex().lock();
            while (count == 0) {
                notEmpty.await();
            }
            long v = items[head];
            head = (head + 1) % items.length;
            count--;
            if (all) { notFull.signalAll(); } else { notFull.signal(); }
            notEmpty.mutex().unlock();
            return v;
        }
        // end::usage[]
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("a 4-slot buffer, 3 producers x 3 consumers x 5,000 items, signal or signalAll at random: every item arrives once")
    void boundedBuffer(Step step, Word word) throws Exception {
        int pairs = 3;
        int items = 5_000;
        Buffer buffer = new Buffer(step, word);
        long[] sums = new long[pairs];
        Workers workers = Workers.start("buffer", 2 * pairs, (i, random) -> {
            for (int n = 1; n <= items; n++) {
                if (i < pairs) {
                    buffer.put(n, random.nextBoolean());
                } else {
                    sums[i - pairs] += buffer.take(random.nextBoolean());
                }
            }
        }).go();
        workers.join(); // a lost wake-up leaves a producer or consumer asleep: the time limit fails the test
        long total = 0;
        for (long s : sums) {
            total += s;
        }
        assertEquals((long) pairs * items * (items + 1) / 2, total, "items lost or doubled (seed " + workers.seed() + ")");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("a signal right after the waiter's unlock is not lost: the counter was read before the unlock")
    void signalAfterTheUnlock(Step step, Word word) throws Exception {
        WindowFutex lockWord = new WindowFutex(word.create(), 2, TimeUnit.SECONDS);
        WindowFutex counter = new WindowFutex(word.create(), 2, TimeUnit.SECONDS);
        Subject cond = step.make.apply(new Mutex2(lockWord), counter);
        boolean[] ready = new boolean[1];
        TestThreads signaller = new TestThreads(10_000);
        lockWord.beforeEachWake(() -> { // on the waiter, inside its unlock: the word is 0 again, the wake not yet sent
            lockWord.beforeEachWake(null);
            signaller.start("signaller", () -> {
                cond.mutex().lock();
                ready[0] = true;
                cond.signal();
                cond.mutex().unlock();
            });
            try {
                signaller.joinAll("the signaller could not take the mutex");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        TestThreads threads = new TestThreads(10_000);
        threads.start("waiter", () -> {
            cond.mutex().lock();
            lockWord.set(2); // "others may wait": the unlock in await() calls wake, which opens the window
            while (!ready[0]) {
                cond.await();
            }
            cond.mutex().unlock();
        });
        threads.joinAll("the waiter never returned");
        signaller.rethrow();
        assertTrue(ready[0], "the window never opened: the unlock made no wake call");
        assertEquals(0, counter.cutShort(), "the waiter slept through the signal until the 2 s bound ended its sleep");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("signal and signalAll with nobody waiting: step 1 makes a wake call each time, steps 2 and 3 none")
    void signalWithoutWaiters(Step step, Word word) {
        Futex counter = word.create();
        Subject cond = step.make.apply(new Mutex2(word.create()), counter);
        for (int i = 0; i < 100; i++) {
            cond.mutex().lock();
            cond.signal();
            cond.signalAll();
            cond.mutex().unlock();
        }
        long expected = step == Step.CONDVAR1 ? 200 : 0;
        assertEquals(expected, counter.counters().total(), "futex calls of 200 signals without waiters: " + counter.counters());
        assertEquals(0, cond.mutex().word().counters().total(), "the mutex was never contended");
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("stepsAndWords")
    @DisplayName("the counter wraps around from 0xFFFFFFFF to 0 and the waiter still wakes")
    void wrapsAround(Step step, Word word) throws Exception {
        Futex counter = word.create();
        counter.set(0xFFFF_FFFF);
        Subject cond = step.make.apply(new Mutex2(word.create()), counter);
        for (int round = 0; round < 2; round++) {
            boolean[] ready = new boolean[1];
            TestThreads threads = new TestThreads(10_000);
            threads.start("waiter", () -> {
                cond.mutex().lock();
                while (!ready[0]) {
                    cond.await();
                }
                cond.mutex().unlock();
            });
            threads.awaitWaitCalls(counter, round + 1L);
            cond.mutex().lock();
            ready[0] = true;
            cond.signal();
            cond.mutex().unlock();
            threads.joinAll("the waiter slept through a signal that wrapped the counter around");
        }
        assertEquals(1, counter.get(), "two signals from 0xFFFFFFFF");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("step 3's signalAll to 6 sleepers: one requeue call, at most one woken thread sleeps again on the mutex")
    void requeueAvoidsTheHerd(Word word) throws Exception {
        int sleepers = 6;
        Futex counter = word.create();
        Mutex2 mutex = new Mutex2(word.create());
        Subject cond = Step.CONDVAR3.make.apply(mutex, counter);
        boolean[] go = new boolean[1];
        TestThreads threads = new TestThreads(10_000);
        for (int i = 0; i < sleepers; i++) {
            threads.start("sleeper-" + i, () -> {
                mutex.lock();
                while (!go[0]) {
                    cond.await();
                }
                mutex.unlock();
            });
        }
        threads.awaitWaitCalls(counter, sleepers);
        Thread.sleep(100); // a thread still on its way into the kernel would not be requeued, and could race the chain
        long mutexWaits = mutex.word().counters().waits();
        mutex.lock();
        go[0] = true;
        mutex.unlock();
        // after the unlock: the one woken thread then meets a free mutex, and each requeued one is woken
        // alone by the unlock before it, so none has to sleep again (a broadcaster still holding the
        // mutex would race the woken thread for it, which can cost that thread a wait or two)
        cond.signalAll();
        threads.joinAll("a requeued waiter was never woken from the mutex word");
        assertEquals(1, counter.counters().requeues(), "requeue calls: " + counter.counters());
        assertEquals(0, counter.counters().wakes(), "signalAll should requeue, not wake: " + counter.counters());
        long sleptAgain = mutex.word().counters().waits() - mutexWaits;
        assertTrue(sleptAgain <= 1, sleptAgain + " woken threads went back to sleep on the mutex word; requeue should leave at most one");
    }
}
