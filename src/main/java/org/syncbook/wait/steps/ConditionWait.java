package org.syncbook.wait.steps;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/**
 * Step 2: wait while a condition holds, on one futex word used as a wake sequence. The order of
 * the two reads is the whole protocol: the sequence first, the condition second. A change and
 * wake that land after the look at the condition have moved the sequence, so the sleep that
 * expects the old one returns at once; a wake that moves nothing the waiter cares about (a stray
 * or spurious one) only makes it look again.
 */
public final class ConditionWait {
    private final Futex word;

    public ConditionWait(Futex word) {
        this.word = word;
    }

    // tag::condition[]
    /** Waits while {@code waiting} is true: {@code true} once it is false, {@code false} if the timeout passed first. */
    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int seen = word.getAcquire(); // first the sequence ...
            if (!waiting.getAsBoolean()) { // ... then the condition: a wake after this look moves the sequence
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            word.awaitInterruptibly(seen, left, TimeUnit.NANOSECONDS);
        }
    }

    /** Call after changing what the waiters look at: advances the sequence and wakes them all. */
    public void wakeAll() {
        word.getAndAdd(1);
        word.wakeAll();
    }
    // end::condition[]
}
