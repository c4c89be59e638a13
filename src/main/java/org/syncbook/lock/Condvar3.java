package org.syncbook.lock;

import java.util.concurrent.atomic.AtomicInteger;
import org.syncbook.futex.Futex;
import org.syncbook.futex.Futexes;

/**
 * Chapter 5, step 3: {@link Condvar2} whose {@link #signalAll()} wakes one waiter and moves the
 * others, still asleep, onto the mutex's word ({@code FUTEX_CMP_REQUEUE}). Waking them all would
 * only have them race for the mutex, one winning and the rest going straight back to sleep on the
 * mutex word: the thundering herd. Requeued, they wake one at a time as the mutex is handed on.
 *
 * <table>
 *   <caption>State (as in step 2)</caption>
 *   <tr><th>field</th><th>meaning</th></tr>
 *   <tr><td>counter (futex word)</td><td>signals so far, mod 2<sup>32</sup></td></tr>
 *   <tr><td>waiters</td><td>threads between "about to wait" and "woke up"</td></tr>
 * </table>
 *
 * <p>The catch: the {@link Mutex2} word says 1 ("locked, nobody waits") unless a waiter swapped in
 * 2, and an unlock wakes nobody at 1, so requeued sleepers could sleep forever. Hence a woken
 * waiter relocks as a contender would, swapping in 2 from the start, even if the lock is free: the
 * word then says 2 while it holds the lock, its unlock wakes the next requeued sleeper, which does
 * the same. (Drepper, "Futexes Are Tricky", and glibc's condition variables before 2.25 did this.)
 */
public final class Condvar3 {
    private static final int CONTENDED = 2; // Mutex2's "locked, and others may be waiting"

    private final Mutex2 mutex;
    private final Futex counter;
    private final AtomicInteger waiters = new AtomicInteger();

    /** A condition of {@code mutex} counting on {@code counter}, which may hold any value; same back end as the mutex. */
    public Condvar3(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** A condition of {@code mutex} on a fresh futex of the mutex's back end. */
    public Condvar3(Mutex2 mutex) {
        this(mutex, Futexes.create(0, mutex.word().backend()));
    }

    // tag::condvar3[]
    public void await() {
        waiters.incrementAndGet(); // under the mutex, as in step 2
        int seen = counter.getOpaque();
        mutex.unlock();
        counter.await(seen); // may end asleep on the mutex word, woken by an unlock
        waiters.decrementAndGet();
        Futex lock = mutex.word();
        while (lock.getAndSet(CONTENDED) != 0) { // Mutex2's contended path: 2, since requeued threads may sleep
            lock.await(CONTENDED);
        }
    }

    public void signalAll() {
        if (waiters.getOpaque() > 0) {
            int now = counter.getAndAddRelease(1) + 1;
            // wake one; move the rest only if no other signal changed the counter since our add
            if (counter.cmpRequeue(now, 1, mutex.word(), Integer.MAX_VALUE) == Futex.VALUE_CHANGED) {
                counter.wakeAll(); // another signal came in between: waking everyone is always correct
            }
        }
    }
    // end::condvar3[]

    public void signal() {
        if (waiters.getOpaque() > 0) {
            counter.getAndAddRelease(1);
            counter.wake(1);
        }
    }

    /** The counter's futex, so a test or notebook can read its calls. */
    public Futex word() {
        return counter;
    }
}
