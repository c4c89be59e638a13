package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jetbrains.lincheck.Lincheck;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.syncbook.futex.Futex;
import org.syncbook.grading.ModelCheck;
import org.syncbook.grading.ModelCheckFutex;

/**
 * Chapter 5's condition variables model-checked with Lincheck, which runs the threads one
 * shared-memory step at a time and explores the orders: a lost wake-up shows up as "the test has
 * hung" (every thread asleep) with the interleaving that led there.
 *
 * <p>The scenario is a one-slot mailbox guarded by a mutex and two conditions: {@code put} waits
 * while the slot is full, {@code take} while it is empty, and each signals the other condition after
 * changing the slot, still holding the mutex. One producer puts two items, two consumers take one
 * each, so both consumers can be asleep on one condition at once, and a broadcast requeues one of
 * them onto the mutex word. The words are {@link ModelCheckFutex}es (see there why not the portable
 * parking lot), the counters sharing the mutex word's monitor so that requeues can move sleepers
 * onto it. {@value #INVOCATIONS} interleavings per check.
 */
@Timeout(value = 300, threadMode = SEPARATE_THREAD)
class CondvarModelCheckTest {
    private static final int INVOCATIONS = 500;

    /** One condition of the mailbox's mutex. */
    interface Cond {
        void await();

        void signal();
    }

    /** The mailbox's mutex and its two conditions. */
    record Monitor(Runnable lock, Runnable unlock, Cond notFull, Cond notEmpty) {
    }

    @Test
    @DisplayName("Condvar2 on a Mutex2: no lost wake-up in 500 interleavings")
    void condvar2() {
        check(words -> {
            Mutex2 m = new Mutex2(words.mutex);
            Condvar2 notFull = new Condvar2(m, words.notFull);
            Condvar2 notEmpty = new Condvar2(m, words.notEmpty);
            return new Monitor(m::lock, m::unlock, cond(notFull::await, notFull::signal), cond(notEmpty::await, notEmpty::signal));
        });
    }

    @Test
    @DisplayName("FutexMutex with FutexCondition await/signal: no lost wake-up in 500 interleavings")
    void futexCondition() {
        check(words -> {
            FutexMutex m = new FutexMutex(words.mutex, 0); // no spin: fewer steps, the same waits
            FutexCondition notFull = new FutexCondition(m, words.notFull);
            FutexCondition notEmpty = new FutexCondition(m, words.notEmpty);
            return new Monitor(m::lock, m::unlock, cond(awaitOf(notFull), notFull::signal), cond(awaitOf(notEmpty), notEmpty::signal));
        });
    }

    @Test
    @DisplayName("Condvar3 on a Mutex2, broadcasting with signalAll (requeue): no lost wake-up in 500 interleavings")
    void condvar3SignalAll() {
        check(words -> {
            Mutex2 m = new Mutex2(words.mutex);
            Condvar3 notFull = new Condvar3(m, words.notFull);
            Condvar3 notEmpty = new Condvar3(m, words.notEmpty);
            return new Monitor(m::lock, m::unlock, cond(notFull::await, notFull::signalAll), cond(notEmpty::await, notEmpty::signalAll));
        });
    }

    @Test
    @DisplayName("FutexCondition await/signalAll (requeue): no lost wake-up in 500 interleavings")
    void futexConditionSignalAll() {
        check(words -> {
            FutexMutex m = new FutexMutex(words.mutex, 0);
            FutexCondition notFull = new FutexCondition(m, words.notFull);
            FutexCondition notEmpty = new FutexCondition(m, words.notEmpty);
            return new Monitor(m::lock, m::unlock, cond(awaitOf(notFull), notFull::signalAll), cond(awaitOf(notEmpty), notEmpty::signalAll));
        });
    }

    @Test
    @DisplayName("BROKEN on purpose: a condvar that reads its counter after unlocking is caught hanging")
    void counterReadAfterUnlock() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(words -> {
            Mutex2 m = new Mutex2(words.mutex);
            return new Monitor(m::lock, m::unlock, new LateRead(m, words.notFull), new LateRead(m, words.notEmpty));
        }), "the model checker missed a lost wake-up");
        assertTrue(e.getMessage().contains("hung"), "expected a hang (lost wake-up), got:\n" + e.getMessage());
    }

    @Test
    @DisplayName("BROKEN on purpose: a requeueing condvar whose woken waiter relocks with Mutex2.lock() is caught hanging")
    void requeuedSleeperNeverWoken() {
        AssertionError e = assertThrows(AssertionError.class, () -> check(words -> {
            Mutex2 m = new Mutex2(words.mutex);
            return new Monitor(m::lock, m::unlock, new RelockAsOne(m, words.notFull), new RelockAsOne(m, words.notEmpty));
        }), "the model checker missed a requeued sleeper that nobody wakes");
        assertTrue(e.getMessage().contains("hung"), "expected a hang (lost wake-up), got:\n" + e.getMessage());
    }

    /**
     * {@link Condvar2} with one line moved: the counter is read after the mutex is given back. A
     * signal that comes in between changes the counter before the waiter reads it, so the waiter
     * sleeps on the new value, and that signal's wake is lost.
     */
    private static final class LateRead implements Cond {
        private final Mutex2 mutex;
        private final Futex counter;
        private final AtomicInteger waiters = new AtomicInteger();

        LateRead(Mutex2 mutex, Futex counter) {
            this.mutex = mutex;
            this.counter = counter;
        }

        @Override
        public void await() {
            waiters.incrementAndGet();
            mutex.unlock();
            int seen = counter.getOpaque(); // BROKEN: a signal may already have come
            counter.await(seen);
            waiters.decrementAndGet();
            mutex.lock();
        }

        @Override
        public void signal() {
            if (waiters.getOpaque() > 0) {
                counter.getAndAddRelease(1);
                counter.wake(1);
            }
        }
    }

    /**
     * {@link Condvar3} with its relock replaced by {@link Mutex2#lock()}: a woken waiter that finds
     * the mutex free takes it as 1 ("nobody waits"), so its unlock wakes nobody, and a waiter the
     * broadcast requeued onto the mutex word sleeps there for good.
     */
    private static final class RelockAsOne implements Cond {
        private final Mutex2 mutex;
        private final Futex counter;
        private final AtomicInteger waiters = new AtomicInteger();

        RelockAsOne(Mutex2 mutex, Futex counter) {
            this.mutex = mutex;
            this.counter = counter;
        }

        @Override
        public void await() {
            waiters.incrementAndGet();
            int seen = counter.getOpaque();
            mutex.unlock();
            counter.await(seen);
            waiters.decrementAndGet();
            mutex.lock(); // BROKEN: takes a free mutex as 1, though requeued threads may sleep on it
        }

        @Override
        public void signal() { // Condvar3's signalAll
            if (waiters.getOpaque() > 0) {
                int now = counter.getAndAddRelease(1) + 1;
                if (counter.cmpRequeue(now, 1, mutex.word(), Integer.MAX_VALUE) == Futex.VALUE_CHANGED) {
                    counter.wakeAll();
                }
            }
        }
    }

    /** {@link FutexCondition#await()}, the interruptible wait: nobody interrupts in this scenario. */
    private static Runnable awaitOf(FutexCondition c) {
        return () -> {
            try {
                c.await();
            } catch (InterruptedException e) {
                throw new AssertionError("nobody interrupts in this scenario", e);
            }
        };
    }

    private static Cond cond(Runnable await, Runnable signal) {
        return new Cond() {
            @Override public void await() { await.run(); }
            @Override public void signal() { signal.run(); }
        };
    }

    private static void check(Function<Words, Monitor> newMonitor) {
        Lincheck.runConcurrentTest(INVOCATIONS, new Scenario(newMonitor));
    }

    /** The futexes of one run: the counters share the mutex word's monitor, so broadcasts can requeue onto it. */
    private static final class Words {
        final ModelCheckFutex mutex = new ModelCheckFutex(0);
        final ModelCheckFutex notFull = new ModelCheckFutex(0, mutex);
        final ModelCheckFutex notEmpty = new ModelCheckFutex(0, mutex);
    }

    /** One run: everything it touches is created by the run, so Lincheck sees it as the run's own. */
    private static final class Scenario implements Runnable {
        private final Function<Words, Monitor> newMonitor;
        private Mailbox box; // a field of an object older than the run: Lincheck treats the mailbox as shared

        Scenario(Function<Words, Monitor> newMonitor) {
            this.newMonitor = newMonitor;
        }

        @Override
        public void run() {
            box = new Mailbox(newMonitor.apply(new Words()));
            ModelCheck.runThreads(box::produce, box::consume, box::consume);
            if (box.failure != null) {
                throw box.failure;
            }
            if (box.taken != 0b11) {
                throw new AssertionError("the consumers took items " + Integer.toBinaryString(box.taken) + ", not both");
            }
        }
    }

    /** A one-slot mailbox, in plain fields: only the mutex under check orders them. */
    private static final class Mailbox {
        private final Monitor m;
        private int slot; // 0: empty; else the item, 1 or 2
        private int taken; // the items taken, as bits
        private AssertionError failure;

        Mailbox(Monitor m) {
            this.m = m;
        }

        void produce() {
            put(1);
            put(2);
        }

        void consume() {
            m.lock().run();
            while (slot == 0) {
                m.notEmpty().await();
            }
            if ((taken & slot) != 0) {
                failure = new AssertionError("item " + slot + " taken twice");
            }
            taken |= slot;
            slot = 0;
            m.notFull().signal();
            m.unlock().run();
        }

        private void put(int item) {
            m.lock().run();
            while (slot != 0) {
                m.notFull().await();
            }
            slot = item;
            m.notEmpty().signal();
            m.unlock().run();
        }
    }
}
