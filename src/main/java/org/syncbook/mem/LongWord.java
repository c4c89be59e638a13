package org.syncbook.mem;

/**
 * A 64-bit word that several threads read and write atomically: sequence numbers and epochs that
 * must not wrap around in the lifetime of a program. The access modes mean what they mean for
 * {@link IntWord}; futexes are 32-bit, so a {@code LongWord} is never waited on directly.
 */
public interface LongWord {
    long get();

    long getOpaque();

    long getAcquire();

    void set(long value);

    void setOpaque(long value);

    void setRelease(long value);

    boolean compareAndSet(long expected, long value);

    long compareAndExchange(long expected, long value);

    long getAndAdd(long delta);

    long getAndAddRelease(long delta);
}
