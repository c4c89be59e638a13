package org.syncbook.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.lock.Condvar2;
import org.syncbook.lock.Condvar3;
import org.syncbook.lock.Mutex2;

/**
 * Chapter 5's experiment: {@code waiters} threads sleep on one condition variable, and a broadcaster
 * holding the mutex calls {@code signalAll()}, round after round. What it counts, from the futex
 * counters: how many times the woken threads had to sleep again, on the mutex word, before each got
 * the mutex. With {@link Broadcast#WAKE_ALL} ({@link Condvar2}) they all wake at once and all but
 * one find the mutex taken: the thundering herd. With {@link Broadcast#REQUEUE} ({@link Condvar3})
 * one wakes and the rest are moved onto the mutex word, to be woken one at a time by the unlocks.
 *
 * <p>Counts, not times: a wait call is counted whether it slept or found the word changed, so a
 * count is "went back to the futex", the cost the herd adds. The threads stay alive across rounds
 * (close it when done); each woken thread holds the mutex for {@code workNanos} of spinning.
 */
public final class ThunderingHerd implements AutoCloseable {
    /** How the broadcast wakes. */
    public enum Broadcast { WAKE_ALL, REQUEUE }

    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final int waiters;
    private final Mutex2 mutex;
    private final Futex counter;
    private final Runnable signalAll;
    private final AtomicInteger woken = new AtomicInteger(); // waiters done with the current round
    private final List<Thread> threads = new ArrayList<>();
    private int generation; // plain, guarded by the mutex
    private boolean stopping; // plain, guarded by the mutex
    private int rounds;

    public ThunderingHerd(Broadcast how, int waiters, FutexBackend backend, long workNanos) {
        if (waiters < 1 || workNanos < 0) {
            throw new IllegalArgumentException("need waiters >= 1 and workNanos >= 0, got " + waiters + ", " + workNanos);
        }
        this.waiters = waiters;
        this.mutex = new Mutex2(backend);
        Runnable await;
        if (how == Broadcast.WAKE_ALL) {
            Condvar2 cond = new Condvar2(mutex);
            counter = cond.word();
            await = cond::await;
            signalAll = cond::signalAll;
        } else {
            Condvar3 cond = new Condvar3(mutex);
            counter = cond.word();
            await = cond::await;
            signalAll = cond::signalAll;
        }
        for (int i = 0; i < waiters; i++) {
            Thread t = new Thread(() -> waiter(await, workNanos), "herd-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void waiter(Runnable await, long workNanos) {
        mutex.lock();
        int seen = 0;
        while (true) {
            while (generation == seen) {
                await.run(); // the mutex is released only in here
            }
            seen = generation;
            if (stopping) {
                break;
            }
            for (long end = System.nanoTime() + workNanos; System.nanoTime() < end; ) {
                Thread.onSpinWait(); // a short critical section: the herd finds the mutex taken
            }
            woken.incrementAndGet();
        }
        mutex.unlock();
    }

    /** One round: waits until every waiter sleeps, then {@link #broadcast()}. */
    public long round() {
        awaitAllAsleep();
        return broadcast();
    }

    /** Broadcasts and waits until every waiter has had the mutex; returns the waiters' sleeps on the mutex word meanwhile. */
    public long broadcast() {
        long before = mutex.word().counters().waits();
        mutex.lock();
        generation++;
        signalAll.run();
        mutex.unlock();
        rounds++;
        int target = rounds * waiters;
        awaitTrue(() -> woken.get() >= target, "the waiters to take the mutex after round " + rounds);
        return mutex.word().counters().waits() - before;
    }

    /** Waits until every waiter has made its wait call of this round, then a millisecond more, so they really sleep. */
    public void awaitAllAsleep() {
        long calls = (long) (rounds + 1) * waiters; // no spurious returns: exactly one wait call per waiter and round
        awaitTrue(() -> counter.counters().waits() >= calls, "the waiters to go to sleep");
        LockSupport.parkNanos(1_000_000);
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what + " after 10 s");
            }
            LockSupport.parkNanos(20_000);
        }
    }

    /** The average number of sleeps on the mutex word per broadcast, over {@code rounds} rounds. */
    public static double sleptAgain(Broadcast how, int waiters, int rounds, FutexBackend backend, long workNanos)
            throws InterruptedException {
        try (ThunderingHerd herd = new ThunderingHerd(how, waiters, backend, workNanos)) {
            long total = 0;
            for (int r = 0; r < rounds; r++) {
                total += herd.round();
            }
            return (double) total / rounds;
        }
    }

    /** Lets every waiter go and joins them. */
    @Override
    public void close() throws InterruptedException {
        awaitAllAsleep();
        mutex.lock();
        stopping = true;
        generation++;
        signalAll.run();
        mutex.unlock();
        for (Thread t : threads) {
            t.join(TimeUnit.NANOSECONDS.toMillis(PATIENCE_NANOS));
        }
    }
}
