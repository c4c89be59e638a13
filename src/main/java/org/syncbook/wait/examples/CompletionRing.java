package org.syncbook.wait.examples;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.syncbook.wait.WaitOutcome;
import org.syncbook.wait.WaitQueue;

/**
 * Results of numbered operations, and threads that wait for "operation {@code seq} is complete":
 * the shape of an I/O completion queue. The waiter sleeps on the key {@code seq}; completing
 * another sequence number wakes nobody else (on the futex strategy, unless the two keys share a word).
 *
 * <p>A ring of {@code capacity} cells: sequence {@code seq} uses cell {@code seq % capacity}, so
 * the caller must not complete {@code seq + capacity} before {@code seq}'s result has been taken.
 */
public final class CompletionRing<T> {
    private final AtomicReferenceArray<T> results;
    private final AtomicLongArray completed; // the sequence number each cell holds the result of; -1: none yet
    private final WaitQueue<Long> waits;

    public CompletionRing(int capacity, WaitQueue<Long> waits) {
        results = new AtomicReferenceArray<>(capacity);
        completed = new AtomicLongArray(capacity);
        for (int i = 0; i < capacity; i++) {
            completed.set(i, -1);
        }
        this.waits = waits;
    }

    private int cell(long seq) {
        return (int) Math.floorMod(seq, (long) results.length());
    }

    // tag::ring[]
    /** Publishes the result of {@code seq} and wakes whoever waits for it. */
    public void complete(long seq, T result) {
        int cell = cell(seq);
        results.set(cell, result);
        completed.setRelease(cell, seq); // after the result: whoever sees seq here sees its result
        waits.wakeAll(seq);               // after the change, as the protocol asks
    }

    /** The result of {@code seq}, once it is complete. */
    public T awaitCompletion(long seq, long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        int cell = cell(seq);
        WaitOutcome outcome = waits.waitWhile(seq, timeout, unit, () -> completed.getAcquire(cell) != seq);
        if (outcome == WaitOutcome.TIMED_OUT) {
            throw new TimeoutException("sequence " + seq + " not complete after " + timeout + " " + unit);
        }
        return results.get(cell);
    }
    // end::ring[]
}
