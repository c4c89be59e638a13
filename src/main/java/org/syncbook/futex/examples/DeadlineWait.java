package org.syncbook.futex.examples;

import java.util.concurrent.TimeUnit;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.FutexClock;
import org.syncbook.futex.Futexes;

/**
 * A word whose value threads wait for, with a deadline: {@link #awaitValue(int, long)} returns
 * {@code true} once the word holds the value it wants, or {@code false} when the deadline passes
 * first.
 *
 * <table>
 *   <caption>The futex word</caption>
 *   <tr><th>value</th><th>meaning</th></tr>
 *   <tr><td>any</td><td>whatever {@link #set(int)} stored last; waiters sleep while it differs from what they want</td></tr>
 * </table>
 *
 * <p>Three things make a timed wait right. The deadline is absolute (on the clock of
 * {@link System#nanoTime()}, {@code CLOCK_MONOTONIC} on Linux), so a wait cut short by a spurious
 * wake-up sleeps again only for what is left, never for the whole timeout again. Each sleep
 * expects the value just read, not an older one, or the futex returns at once and the loop spins.
 * And the value is checked before the clock, so a wait that sees its value after the deadline still
 * reports success.
 */
public final class DeadlineWait {
    private final Futex word;

    /** Waits on {@code word}, whatever it holds now. */
    public DeadlineWait(Futex word) {
        this.word = word;
    }

    /** Waits on a fresh futex of {@code backend} holding {@code initial}. */
    public DeadlineWait(int initial, FutexBackend backend) {
        this(Futexes.create(initial, backend));
    }

    /** Stores {@code value} and wakes every waiter, so each can check whether it is the one it wants. */
    public void set(int value) {
        word.setRelease(value); // release: a waiter that reads value sees what we wrote before
        word.wakeAll();
    }

    /** The value now. */
    public int get() {
        return word.getAcquire();
    }

    // tag::deadline[]
    /**
     * Waits until the word holds {@code wanted} or {@code deadline} (a {@link System#nanoTime()}
     * reading) passes; {@code true} if the value came.
     */
    public boolean awaitValue(int wanted, long deadline) {
        while (true) {
            int now = word.getAcquire(); // acquire: pairs with set()'s release
            if (now == wanted) {
                return true; // <1>
            }
            if (System.nanoTime() - deadline >= 0) { // compare by difference: nanoTime may wrap <2>
                return false;
            }
            word.awaitUntil(now, deadline, FutexClock.MONOTONIC); // sleep on what we just read <3>
        }
    }
    // end::deadline[]

    /** {@link #awaitValue(int, long)} with a timeout instead of a deadline. */
    public boolean awaitValue(int wanted, long timeout, TimeUnit unit) {
        long start = System.nanoTime();
        long nanos = unit.toNanos(timeout); // saturates at Long.MAX_VALUE
        long deadline = start + nanos;
        if (nanos < 0) {
            throw new IllegalArgumentException("a timeout cannot be negative: " + timeout + " " + unit);
        }
        if (deadline < start) { // too far away to represent: wait without a deadline
            deadline = Long.MAX_VALUE;
        }
        return awaitValue(wanted, deadline);
    }

    /** The futex this wait sleeps on, so a test or notebook can read its counters. */
    public Futex word() {
        return word;
    }

    @Override
    public String toString() {
        return "DeadlineWait[" + word.get() + "]";
    }
}
