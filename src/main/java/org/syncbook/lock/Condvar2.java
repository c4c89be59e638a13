package org.syncbook.lock;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.futex.Futexes;

/**
 * Chapter 5, step 2: {@link Condvar1} plus a count of waiters, so that a signal with nobody
 * waiting makes no futex call at all (it does not even touch the counter).
 *
 * <table>
 *   <caption>State</caption>
 *   <tr><th>field</th><th>meaning</th></tr>
 *   <tr><td>counter (futex word)</td><td>signals so far, mod 2<sup>32</sup>, as in step 1</td></tr>
 *   <tr><td>waiters</td><td>threads between "about to wait" and "woke up"</td></tr>
 * </table>
 *
 * <p>A waiter counts itself in <em>while it holds the mutex</em>. A signaller that changed the
 * guarded state took the mutex after that, so it sees the count and wakes; one that sees 0 knows
 * nobody had started to wait when it changed the state, and any later waiter will find the
 * changed state before it sleeps. After Mara Bos, <i>Rust Atomics and Locks</i>, chapter 9.
 */
public final class Condvar2 {
    private final Mutex2 mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    /** A condition of {@code mutex} counting on {@code counter}, which may hold any value. */
    public Condvar2(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** A condition of {@code mutex} on a fresh futex of the mutex's back end. */
    public Condvar2(Mutex2 mutex) {
        this(mutex, Futexes.create(0, mutex.word().backend()));
    }

    // tag::condvar2[]
    public void await() {
        waiters.incrementAndGet(); // under the mutex, so the next holder sees it (volatile: Java has no relaxed add)
        int seen = counter.getOpaque(); // opaque: the mutex orders it, as in step 1
        mutex.unlock();
        counter.await(seen);
        waiters.decrementAndGet();
        mutex.lock();
    }

    public void signal() {
        if (waiters.getOpaque() > 0) { // opaque: a waiter's increment reached us through the mutex
            counter.getAndAddRelease(1);
            counter.wake(1);
        }
    }

    public void signalAll() {
        if (waiters.getOpaque() > 0) {
            counter.getAndAddRelease(1);
            counter.wakeAll();
        }
    }
    // end::condvar2[]

    /** The counter's futex, so a test or notebook can read its calls. */
    public Futex word() {
        return counter;
    }
}
