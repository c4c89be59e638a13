package org.syncbook.sys;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits by sleeping: a waiter puts itself on a list and parks ({@link LockSupport#park}, a futex
 * wait inside the JVM on Linux); {@link #raise()} unparks everyone on the list. Burns no CPU while
 * waiting and pays a kernel wake-up when the flag goes up.
 *
 * <p>No wake-up can be lost. A waiter adds itself to the list <em>before</em> it checks the flag
 * again, and the raiser sets the flag <em>before</em> it reads the list; both are sequentially
 * consistent ({@code volatile} and the queue's own volatile links), so either the waiter sees the
 * flag up or the raiser sees the waiter. An unpark that comes before the park is not lost either:
 * it leaves a permit, and the park then returns at once.
 */
// tag::park[]
public final class ParkFlag implements Flag {
    private volatile boolean raised;
    private final Queue<Thread> waiters = new ConcurrentLinkedQueue<>();

    @Override
    public void raise() {
        raised = true;                          // 1. flag first ...
        for (Thread waiter : waiters) {         // 2. ... then whoever may be asleep
            LockSupport.unpark(waiter);
        }
    }

    @Override
    public void awaitRaised() throws InterruptedException {
        if (raised) {
            return;
        }
        Thread me = Thread.currentThread();
        waiters.add(me);                        // 1. be findable first ...
        try {
            while (!raised) {                   // 2. ... then check, then sleep
                LockSupport.park(this);         // may return spuriously: the loop re-checks
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted while waiting for the flag");
                }
            }
        } finally {
            waiters.remove(me);
        }
    }
    // end::park[]

    @Override
    public boolean isRaised() {
        return raised;
    }
}
