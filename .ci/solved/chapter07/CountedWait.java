package chapter07;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.syncbook.futex.Futex;

/** A model solution of exercise 7.3. */
public final class CountedWait {
    private final Futex word;
    private final AtomicInteger waiters = new AtomicInteger();

    public CountedWait(Futex word) {
        this.word = word;
    }

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

    /** Threads inside {@link #waitWhile} past the first look. */
    public int waiters() {
        return waiters.get();
    }
}
