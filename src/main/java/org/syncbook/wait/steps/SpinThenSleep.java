package org.syncbook.wait.steps;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/**
 * Step 4: look at the condition up to {@code maxSpins} times, with a spin-wait hint between looks,
 * before sleeping as {@link ConditionWait} does. A wait that ends within the spin costs no system
 * call on the waiter's side; one that does not costs the spin's CPU on top of
 * the sleep. Where the spin pays is what chapter 7 measures.
 */
public final class SpinThenSleep {
    private final Futex word;
    private final int maxSpins;

    public SpinThenSleep(Futex word, int maxSpins) {
        this.word = word;
        this.maxSpins = maxSpins;
    }

    // tag::spin[]
    public boolean waitWhile(BooleanSupplier waiting, long timeoutMillis) throws InterruptedException {
        for (int i = 0; i < maxSpins; i++) {
            if (!waiting.getAsBoolean()) {
                return true; // ended within the spin: no futex call
            }
            Thread.onSpinWait();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
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
    }
    // end::spin[]

    public void wakeAll() {
        word.getAndAdd(1);
        word.wakeAll();
    }
}
