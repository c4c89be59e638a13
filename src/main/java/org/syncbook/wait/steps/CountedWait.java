package org.syncbook.wait.steps;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/**
 * Step 3: {@link ConditionWait} with a count of waiters, so that a wake nobody needs makes no
 * futex call. What makes skipping the call safe is the order on each side: the waker advances
 * the sequence first and reads the count second; the waiter counts itself before it can sleep,
 * and its sleep compares the sequence atomically with queueing it. So a waiter the waker did not
 * count cannot sleep on the old sequence: either the count shows it, or its futex wait finds the
 * new sequence and returns at once. The one thing the waker may never skip is the advance.
 */
public final class CountedWait {
    private final Futex word;
    private final AtomicInteger waiters = new AtomicInteger();

    public CountedWait(Futex word) {
        this.word = word;
    }

    // tag::counted[]
    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        if (!waiting.getAsBoolean()) {
            return true; // not waiting at all: no count, no fence
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        waiters.incrementAndGet(); // a volatile read-modify-write: counted before any sleep below
        try {
            while (true) {
                int seen = word.getAcquire();
                if (!waiting.getAsBoolean()) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                word.awaitInterruptibly(seen, left, TimeUnit.NANOSECONDS);
            }
        } finally {
            waiters.decrementAndGet(); // on every way out: a timeout or an interrupt too
        }
    }

    public void wakeAll() {
        word.getAndAdd(1);     // always, and first: a volatile read-modify-write, so the count is read after it
        if (waiters.get() > 0) {
            word.wakeAll();    // only then a system call
        }
    }
    // end::counted[]

    /** Threads inside {@link #waitWhile} past the first look. */
    public int waiters() {
        return waiters.get();
    }
}
