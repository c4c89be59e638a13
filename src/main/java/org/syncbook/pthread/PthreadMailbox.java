package org.syncbook.pthread;

import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A mailbox for one {@code long} at a time: {@link #put} waits while it is full, {@link #take} while
 * it is empty. A pthread mutex guards the slot and one condition variable, {@code changed}, carries
 * every change to every waiter. The smallest program that shows the two rules of condition
 * variables: wait in a loop, and wake everyone who might care.
 *
 * <p>Takers and putters wait on the same condition variable, for opposite reasons, so a wake-up meant
 * for a taker may reach a putter. With {@code signal()} that putter would check, find the box still
 * full, and sleep again, and the wake-up would be gone while the taker slept on: a lost wake-up that
 * deadlocks two producers and two consumers within seconds. {@code signalAll()} wakes everybody; each
 * re-checks and only the one whose condition now holds goes on.
 */
public final class PthreadMailbox implements AutoCloseable {
    private final PthreadMutex mutex;
    private final PthreadCond changed;
    private final boolean ownsLocks;
    private long value; // guarded by mutex
    private boolean full; // guarded by mutex

    /** A mailbox with a mutex and condition variable of its own, closed by {@link #close()}. */
    public PthreadMailbox() {
        this.mutex = new PthreadMutex(MutexType.ERRORCHECK);
        this.changed = mutex.newCondition();
        this.ownsLocks = true;
    }

    /**
     * A mailbox guarded by {@code mutex}, whose changes are signalled on {@code changed} (made by
     * {@code mutex.newCondition()}). The caller keeps them and closes them; tests use this to send
     * wake-ups of their own.
     */
    public PthreadMailbox(PthreadMutex mutex, PthreadCond changed) {
        if (changed.mutex() != mutex) {
            throw new IllegalArgumentException("the condition variable must belong to the mailbox's mutex");
        }
        this.mutex = mutex;
        this.changed = changed;
        this.ownsLocks = false;
    }

    // tag::put-take[]
    /** Waits while the box is full, then leaves {@code v} in it. */
    public void put(long v) throws InterruptedException {
        try (Held held = mutex.lock()) {
            while (full) {          // not `if`: a wake-up may be spurious, or meant for someone else // <1>
                changed.await();
            }
            value = v;
            full = true;
            changed.signalAll();    // takers and putters share one condition variable // <2>
        }
    }

    /** Waits while the box is empty, then empties it. */
    public long take() throws InterruptedException {
        try (Held held = mutex.lock()) {
            while (!full) {
                changed.await();
            }
            full = false;
            changed.signalAll();
            return value;
        }
    }
    // end::put-take[]

    // tag::timed-take[]
    /** Waits at most {@code timeout} for a value; empty if none came in time. */
    public OptionalLong take(long timeout, TimeUnit unit) throws InterruptedException {
        long left = Deadlines.nanos(timeout, unit);
        try (Held held = mutex.lock()) {
            while (!full) {
                if (left <= 0) {
                    return OptionalLong.empty();
                }
                left = changed.awaitNanos(left); // what is left of the one deadline, not a fresh timeout // <1>
            }
            full = false;
            changed.signalAll();
            return OptionalLong.of(value);
        }
    }
    // end::timed-take[]

    /** Closes the condition variable, then the mutex, if this mailbox made them. */
    @Override
    public void close() {
        if (ownsLocks) {
            changed.close(); // first the condition variable, whose waiters hold the mutex
            mutex.close();
        }
    }
}
