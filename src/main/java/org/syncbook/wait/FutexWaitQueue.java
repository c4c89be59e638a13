package org.syncbook.wait;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.syncbook.futex.Futex;
import org.syncbook.futex.FutexBackend;
import org.syncbook.futex.Futexes;

/**
 * {@link WaitStrategy#FUTEX} (and, with a {@link SpinPhase}, {@link WaitStrategy#SPIN_WAIT}): keys
 * hashed onto a fixed table of futex words, each word the wake sequence of every key hashed there.
 *
 * <p>Two keys that share a word share its sequence: a wake for one ends the other's sleep too,
 * which {@code waitWhile} absorbs by looking at its condition again. The danger is the other way:
 * {@code wakeOne} must not wake only a waiter of the other key and leave its own asleep. So each
 * word also records its {@link Occupants}, and {@code wakeOne} wakes a single thread only when the
 * word's sleepers are all of its key; when keys are mixed, it wakes them all.
 */
public final class FutexWaitQueue<K> implements WaitQueue<K> {
    /** Enough words that a few hundred keys in use at once rarely collide. */
    public static final int DEFAULT_SLOTS = 256;

    private final Futex[] words;
    private final AtomicReferenceArray<Occupants> occupants;
    private final SpinPhase spin; // null: sleep at once

    /** {@code slots} words (a power of two) of {@code backend}; spin first if {@code spin} is not null. */
    FutexWaitQueue(FutexBackend backend, int slots, SpinPhase spin) {
        this(() -> Futexes.create(0, backend), slots, spin);
    }

    /** {@code slots} words made by {@code newWord}, each holding 0: a test's model checker brings its own. */
    FutexWaitQueue(Supplier<Futex> newWord, int slots, SpinPhase spin) {
        if (slots <= 0 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        words = new Futex[slots];
        for (int i = 0; i < slots; i++) {
            words[i] = newWord.get();
        }
        occupants = new AtomicReferenceArray<>(slots);
        for (int i = 0; i < slots; i++) {
            occupants.set(i, Occupants.NONE);
        }
        this.spin = spin;
    }

    /** A queue of {@code slots} words on {@code backend}, without a spin: for tests and for the book's experiments. */
    public static <K> FutexWaitQueue<K> of(FutexBackend backend, int slots) {
        return new FutexWaitQueue<>(backend, slots, null);
    }

    private int slot(K key) {
        int h = key.hashCode();
        h ^= h >>> 16; // HashMap's spread: Long keys 0, 1, 2... and records differ in their low bits too
        return (h * 0x9E3779B9) >>> (32 - Integer.numberOfTrailingZeros(words.length)) & (words.length - 1);
    }

    // tag::waitWhile[]
    @Override
    public WaitOutcome waitWhile(K key, long timeout, TimeUnit unit, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = Deadline.after(timeout, unit);
        int i = slot(key);
        Futex word = words[i];
        if (!condition.getAsBoolean()) {
            return WaitOutcome.READY; // the common case: no registration, no fence
        }
        if (spin != null && spin.spinWhile(condition)) {
            return WaitOutcome.READY;
        }
        register(i, key);
        try {
            while (true) {
                int seen = word.getAcquire(); // the sequence first: a wake after the look below changes it
                if (!condition.getAsBoolean()) {
                    return WaitOutcome.READY;
                }
                long left = Deadline.left(deadline);
                if (left <= 0) {
                    return WaitOutcome.TIMED_OUT;
                }
                word.awaitInterruptibly(seen, left, TimeUnit.NANOSECONDS); // returns at once if a wake moved it
            }
        } finally {
            unregister(i, key);
        }
    }
    // end::waitWhile[]

    @Override
    public WaitOutcome wait(K key, long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = Deadline.after(timeout, unit);
        int i = slot(key);
        Futex word = words[i];
        int called = word.getAcquire(); // any wake from now on ends the wait
        if (spin != null && spin.spinWhile(() -> word.getAcquire() == called)) {
            return WaitOutcome.READY;
        }
        register(i, key);
        try {
            while (word.getAcquire() == called) {
                long left = Deadline.left(deadline);
                if (left <= 0) {
                    return WaitOutcome.TIMED_OUT;
                }
                word.awaitInterruptibly(called, left, TimeUnit.NANOSECONDS);
            }
            return WaitOutcome.READY; // the word moved: a wake for this key, or for a key sharing the word
        } finally {
            unregister(i, key);
        }
    }

    // tag::wake[]
    @Override
    public void wakeOne(K key) {
        int i = slot(key);
        Futex word = words[i];
        word.getAndAdd(1); // first, always: a waiter registered too late to be seen below finds the word moved
        Occupants here = occupants.get(i);
        if (here.count(key) == 0) {
            return; // the fast path: no waiter of this key, no system call
        }
        if (!here.onlyKey(key)) {
            word.wakeAll(); // mixed keys: one wake might reach only another key's waiter
            return;
        }
        word.wake(1);
        Occupants after = occupants.get(i);
        if (!after.isEmpty() && !after.onlyKey(key)) {
            word.wakeAll(); // another key came while we woke: the one we woke may have been its waiter
        }
    }

    @Override
    public void wakeAll(K key) {
        int i = slot(key);
        Futex word = words[i];
        word.getAndAdd(1);
        if (occupants.get(i).count(key) > 0) {
            word.wakeAll();
        }
    }
    // end::wake[]

    @Override
    public int waiterCount(K key) {
        return occupants.get(slot(key)).count(key);
    }

    /** Every futex call this queue's words have made: what the fast-path tests count. */
    public long futexCalls() {
        long sum = 0;
        for (Futex w : words) {
            sum += w.counters().total();
        }
        return sum;
    }

    private void register(int i, K key) {
        Occupants before;
        do {
            before = occupants.get(i);
        } while (!occupants.compareAndSet(i, before, before.plus(key))); // volatile: ordered before the sleep's read of the word
    }

    private void unregister(int i, K key) {
        Occupants before;
        do {
            before = occupants.get(i);
        } while (!occupants.compareAndSet(i, before, before.minus(key)));
    }
}
