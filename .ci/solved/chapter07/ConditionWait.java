package chapter07;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/** A model solution of exercise 7.2. */
public final class ConditionWait {
    private final Futex word;

    public ConditionWait(Futex word) {
        this.word = word;
    }

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
}
