package org.syncbook.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.syncbook.futex.Futex;
import org.syncbook.grading.TestThreads;
import org.syncbook.grading.Workers;
import org.syncbook.lock.MutexStepsTest.Word;

/**
 * {@link FutexCondition} against the {@link Condition} contract, in the spirit of the JSR-166 TCK's
 * {@code ConditionTest}/{@code ReentrantLockTest}: ownership, release and reacquisition, signals,
 * interrupts and timeouts, on every back end and kind of word.
 */
@Timeout(value = 60, threadMode = SEPARATE_THREAD)
class FutexConditionTest {
    private static final long PATIENCE = 10_000;

    /** A mutex and one of its conditions, whose counter futex a test can read. */
    record Pair(FutexMutex mutex, FutexCondition cond) {
        static Pair on(Word word) {
            FutexMutex mutex = new FutexMutex(word.create());
            return new Pair(mutex, new FutexCondition(mutex, word.create()));
        }

        Futex counter() {
            return cond.word();
        }
    }

    @Test
    @DisplayName("newCondition gives a FutexCondition on the mutex's back end")
    void newCondition() {
        FutexMutex mutex = new FutexMutex(Word.LINUX_OFF_HEAP.create());
        Condition c = mutex.newCondition();
        assertInstanceOf(FutexCondition.class, c);
        assertEquals(mutex.word().backend(), ((FutexCondition) c).word().backend());
    }

    @Test
    @DisplayName("every method throws IllegalMonitorStateException without the mutex")
    void needsTheMutex() {
        Condition c = new FutexMutex(Word.PORTABLE_HEAP.create()).newCondition();
        assertThrows(IllegalMonitorStateException.class, c::await);
        assertThrows(IllegalMonitorStateException.class, c::awaitUninterruptibly);
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(1000));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitNanos(0));
        assertThrows(IllegalMonitorStateException.class, () -> c.await(1, TimeUnit.MILLISECONDS));
        assertThrows(IllegalMonitorStateException.class, () -> c.awaitUntil(new Date()));
        assertThrows(IllegalMonitorStateException.class, c::signal);
        assertThrows(IllegalMonitorStateException.class, c::signalAll);
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("signal and signalAll with nobody waiting make no futex call")
    void signalWithoutWaitersIsFree(Word word) {
        Pair p = Pair.on(word);
        p.mutex.lock();
        for (int i = 0; i < 1000; i++) {
            p.cond.signal();
            p.cond.signalAll();
        }
        p.mutex.unlock();
        assertEquals(0, p.counter().counters().total(), p.counter().counters().toString());
        assertEquals(0, p.mutex.word().counters().total(), p.mutex.word().counters().toString());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("await releases the mutex while it sleeps and holds it again when it returns")
    void awaitReleasesAndReacquires(Word word) throws Exception {
        Pair p = Pair.on(word);
        boolean[] ready = new boolean[1];
        AtomicReference<Boolean> heldAfter = new AtomicReference<>();
        TestThreads threads = new TestThreads(PATIENCE);
        threads.start("waiter", () -> {
            p.mutex.lock();
            while (!ready[0]) {
                p.cond.await();
            }
            heldAfter.set(p.mutex.isHeldByCurrentThread());
            p.mutex.unlock();
        });
        threads.awaitWaitCalls(p.counter(), 1);
        assertTrue(p.mutex.tryLock(), "the waiter still holds the mutex while it waits");
        ready[0] = true;
        p.cond.signal();
        p.mutex.unlock();
        threads.joinAll("signal did not wake the waiter");
        assertEquals(Boolean.TRUE, heldAfter.get(), "await returned without the mutex");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("signalAll lets 5 sleepers go, by one requeue call onto the mutex word")
    void signalAllWakesEveryone(Word word) throws Exception {
        Pair p = Pair.on(word);
        boolean[] ready = new boolean[1];
        TestThreads threads = new TestThreads(PATIENCE);
        for (int i = 0; i < 5; i++) {
            threads.start("waiter-" + i, () -> {
                p.mutex.lock();
                while (!ready[0]) {
                    p.cond.await();
                }
                p.mutex.unlock();
            });
        }
        threads.awaitWaitCalls(p.counter(), 5);
        p.mutex.lock();
        ready[0] = true;
        p.cond.signalAll();
        p.mutex.unlock();
        threads.joinAll("a waiter requeued onto the mutex word was never woken");
        assertEquals(1, p.counter().counters().requeues(), p.counter().counters().toString());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("awaitNanos, await(time) and awaitUntil time out with the right answer, holding the mutex")
    void timeouts(Word word) throws Exception {
        Pair p = Pair.on(word);
        p.mutex.lock();
        long start = System.nanoTime();
        long left = p.cond.awaitNanos(TimeUnit.MILLISECONDS.toNanos(30));
        long waited = System.nanoTime() - start;
        assertTrue(left <= 0, "awaitNanos returned " + left + " ns left after timing out");
        assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(30), "awaitNanos(30 ms) returned after " + waited + " ns");
        assertTrue(p.mutex.isHeldByCurrentThread(), "awaitNanos returned without the mutex");
        assertFalse(p.cond.await(10, TimeUnit.MILLISECONDS), "await(10 ms) with no signal");
        assertFalse(p.cond.awaitUntil(new Date(System.currentTimeMillis() + 10)), "awaitUntil(now + 10 ms) with no signal");
        assertFalse(p.cond.awaitUntil(new Date(System.currentTimeMillis() - 1000)), "awaitUntil(the past)");
        assertTrue(p.cond.awaitNanos(-5) <= 0, "awaitNanos(-5)");
        assertTrue(p.mutex.isHeldByCurrentThread(), "a timed wait returned without the mutex");
        p.mutex.unlock();
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("a signal ends awaitNanos early with time left, and await(time) says true")
    void timedWaitSignalled(Word word) throws Exception {
        Pair p = Pair.on(word);
        boolean[] ready = new boolean[1];
        AtomicReference<Long> left = new AtomicReference<>();
        TestThreads threads = new TestThreads(PATIENCE);
        threads.start("waiter", () -> {
            p.mutex.lock();
            long nanos = TimeUnit.SECONDS.toNanos(30);
            while (!ready[0]) {
                nanos = p.cond.awaitNanos(nanos);
            }
            left.set(nanos);
            p.mutex.unlock();
        });
        threads.awaitWaitCalls(p.counter(), 1);
        p.mutex.lock();
        ready[0] = true;
        p.cond.signal();
        p.mutex.unlock();
        threads.joinAll("a signal did not end awaitNanos");
        assertTrue(left.get() > 0, "awaitNanos(30 s) ended by a signal returned " + left.get());
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("an interrupt ends await and awaitNanos with InterruptedException, the mutex held again")
    void interruptWhileWaiting(Word word) throws Exception {
        for (boolean timed : new boolean[] {false, true}) {
            Pair p = Pair.on(word);
            AtomicReference<Object> outcome = new AtomicReference<>();
            TestThreads threads = new TestThreads(PATIENCE);
            Thread waiter = threads.start("waiter", () -> {
                p.mutex.lock();
                try {
                    if (timed) {
                        p.cond.awaitNanos(TimeUnit.SECONDS.toNanos(30));
                    } else {
                        p.cond.await();
                    }
                    outcome.set("returned normally");
                } catch (InterruptedException e) {
                    outcome.set(p.mutex.isHeldByCurrentThread() ? e : "threw without holding the mutex");
                } finally {
                    if (p.mutex.isHeldByCurrentThread()) {
                        p.mutex.unlock();
                    }
                }
            });
            threads.awaitWaitCalls(p.counter(), 1);
            waiter.interrupt();
            threads.joinAll("an interrupt did not end the wait");
            assertInstanceOf(InterruptedException.class, outcome.get(), (timed ? "awaitNanos: " : "await: ") + outcome.get());
            assertTrue(p.mutex.tryLock(), "the mutex was left held");
            p.mutex.unlock();
        }
    }

    @Test
    @DisplayName("a thread interrupted before await throws at once, still holding the mutex")
    void interruptedBefore() {
        Pair p = Pair.on(Word.PORTABLE_HEAP);
        p.mutex.lock();
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, p.cond::await);
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> p.cond.awaitNanos(1000));
        Thread.currentThread().interrupt();
        assertThrows(InterruptedException.class, () -> p.cond.awaitNanos(0));
        assertFalse(Thread.interrupted(), "the flag is cleared by the exception");
        assertTrue(p.mutex.isHeldByCurrentThread());
        p.mutex.unlock();
        assertEquals(0, p.counter().counters().total(), "no wait was attempted");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("awaitUninterruptibly sleeps through an interrupt, returns on a signal, and keeps the interrupt flag")
    void uninterruptible(Word word) throws Exception {
        Pair p = Pair.on(word);
        boolean[] ready = new boolean[1];
        AtomicReference<Boolean> flag = new AtomicReference<>();
        TestThreads threads = new TestThreads(PATIENCE);
        Thread waiter = threads.start("waiter", () -> {
            p.mutex.lock();
            while (!ready[0]) {
                p.cond.awaitUninterruptibly();
            }
            flag.set(Thread.currentThread().isInterrupted());
            p.mutex.unlock();
        });
        threads.awaitWaitCalls(p.counter(), 1);
        waiter.interrupt();
        Thread.sleep(50);
        assertTrue(waiter.isAlive(), "awaitUninterruptibly returned for good on an interrupt");
        p.mutex.lock();
        ready[0] = true;
        p.cond.signal();
        p.mutex.unlock();
        threads.joinAll("a signal did not end awaitUninterruptibly");
        assertEquals(Boolean.TRUE, flag.get(), "the interrupt flag was lost");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("the counter wraps around from 0xFFFFFFFF to 0 and the waiter still wakes")
    void wrapsAround(Word word) throws Exception {
        FutexMutex mutex = new FutexMutex(word.create());
        Futex counter = word.create();
        counter.set(0xFFFF_FFFF);
        FutexCondition cond = new FutexCondition(mutex, counter);
        for (int round = 0; round < 2; round++) {
            boolean[] ready = new boolean[1];
            TestThreads threads = new TestThreads(PATIENCE);
            threads.start("waiter", () -> {
                mutex.lock();
                while (!ready[0]) {
                    cond.await();
                }
                mutex.unlock();
            });
            threads.awaitWaitCalls(counter, round + 1L);
            mutex.lock();
            ready[0] = true;
            if (round == 0) { cond.signal(); } else { cond.signalAll(); }
            mutex.unlock();
            threads.joinAll("the waiter slept through a signal that wrapped the counter around");
        }
        assertEquals(1, counter.get(), "two signals from 0xFFFFFFFF");
    }

    @ParameterizedTest
    @EnumSource(Word.class)
    @DisplayName("stress: 4 threads x 3,000 rounds of a turn-taking ring, waits timed and untimed, signal and signalAll at random")
    void turnTakingStress(Word word) throws Exception {
        int threads = 4;
        int rounds = 3_000;
        FutexMutex mutex = new FutexMutex(word.create(), 10);
        Condition cond = mutex.newCondition();
        int[] turn = new int[1]; // whose turn it is; plain, guarded by the mutex
        Workers workers = Workers.start("ring", threads, (i, random) -> {
            for (int n = 0; n < rounds; n++) {
                mutex.lock();
                try {
                    while (turn[0] % threads != i) {
                        if (random.nextBoolean()) {
                            cond.awaitNanos(random.nextInt(200_000)); // timeouts mixed in with requeues
                        } else {
                            cond.await();
                        }
                    }
                    turn[0]++;
                    cond.signalAll(); // the next in the ring may be any of the sleepers
                } finally {
                    mutex.unlock();
                }
            }
        }).go();
        workers.join();
        assertEquals(threads * rounds, turn[0], "turns lost (seed " + workers.seed() + ")");
    }
}
