package org.syncbook.lock;

import org.syncbook.futex.Futex;
import org.syncbook.futex.Futexes;

/**
 * Chapter 5, step 1: a condition variable that is nothing but a counter on a futex word. A signal
 * adds one to the counter and wakes; a waiter reads the counter <em>while it still holds the
 * mutex</em>, unlocks, and sleeps only while the counter still holds what it read.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>any</td><td>how many signals there have been (mod 2<sup>32</sup>); only "has it changed?" is ever asked</td></tr>
 * </table>
 *
 * <p>Reading before unlocking is the whole trick: a thread that changes the guarded state and
 * signals must take the mutex first, so it signals after our read, the counter differs from what
 * we read, and our futex wait returns at once instead of sleeping through the signal. The counter
 * wraps around at 2<sup>32</sup>, harmlessly: only equality is tested. (A waiter would miss a wake
 * only if exactly 2<sup>32</sup> signals fell between its read and its sleep.)
 *
 * <p>Every signal makes a futex call, waiter or not: step 2 removes that. As with any condition
 * variable a wait can end without a signal, so callers wait in a loop on their condition.
 * After Mara Bos, <i>Rust Atomics and Locks</i>, chapter 9 ("Condition Variable").
 */
public final class Condvar1 {
    private final Mutex2 mutex;
    private final Futex counter;

    /** A condition of {@code mutex} counting on {@code counter}, which may hold any value. */
    public Condvar1(Mutex2 mutex, Futex counter) {
        this.mutex = mutex;
        this.counter = counter;
    }

    /** A condition of {@code mutex} on a fresh futex of the mutex's back end. */
    public Condvar1(Mutex2 mutex) {
        this(mutex, Futexes.create(0, mutex.word().backend()));
    }

    // tag::condvar1[]
    /** Unlocks, sleeps until a signal (or spuriously), locks again. The caller must hold the mutex. */
    public void await() {
        // opaque is enough: the mutex orders this read before any signal that follows our unlock
        int seen = counter.getOpaque();
        mutex.unlock();
        counter.await(seen); // returns at once if a signal came after our read
        mutex.lock();
    }

    public void signal() {
        counter.getAndAddRelease(1); // atomic: two signals never make one; release is IntWord's weakest add
        counter.wake(1);
    }

    public void signalAll() {
        counter.getAndAddRelease(1);
        counter.wakeAll();
    }
    // end::condvar1[]

    /** The counter's futex, so a test or notebook can read its calls. */
    public Futex word() {
        return counter;
    }
}
