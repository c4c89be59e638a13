package org.syncbook.wait.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.syncbook.wait.WaitOutcome;
import org.syncbook.wait.WaitQueue;

/**
 * A consumer that waits for a counter to reach a target, before and after the migration from a
 * polling loop to a wait queue. The change to the producer is one line (wake after the store);
 * the change to the consumer turns "look, nap, look again" into "sleep until woken".
 */
public final class PollingMigration {
    private final AtomicLong progress = new AtomicLong();
    private final WaitQueue<String> waits;

    public PollingMigration(WaitQueue<String> waits) {
        this.waits = waits;
    }

    // tag::before[]
    /** Before: the consumer wakes every millisecond to look (up to 1 ms late, and awake 1000 times a second). */
    public boolean awaitByPolling(long target, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (progress.get() < target) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }
    // end::before[]

    // tag::after[]
    /** After: the consumer sleeps until a producer's wake, and looks only then. */
    public boolean awaitByWaking(long target, long timeoutMillis) throws InterruptedException {
        return waits.waitWhile("progress", timeoutMillis, TimeUnit.MILLISECONDS,
                () -> progress.get() < target) == WaitOutcome.READY;
    }

    /** The producer: the one new line is the wake, after the store. */
    public void advance() {
        progress.incrementAndGet();
        waits.wakeAll("progress");
    }
    // end::after[]

    public long progress() {
        return progress.get();
    }
}
