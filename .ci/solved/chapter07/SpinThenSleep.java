package chapter07;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/** A model solution of exercise 7.4. */
public final class SpinThenSleep {
    private final Futex word;
    private final int maxSpins;

    public SpinThenSleep(Futex word, int maxSpins) {
        this.word = word;
        this.maxSpins = maxSpins;
    }

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

    public void wakeAll() {
        word.getAndAdd(1);
        word.wakeAll();
    }
}
