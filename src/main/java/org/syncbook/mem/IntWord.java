package org.syncbook.mem;

/**
 * A 32-bit word that several threads read and write atomically: the state of a lock, the
 * sequence number of a condition variable, a futex word.
 *
 * <p>The access modes are those of {@link java.lang.invoke.VarHandle}, from weakest to strongest:
 * <em>plain</em> (no ordering, may even be torn for non-volatile longs), <em>opaque</em> (atomic and
 * eventually visible, no ordering with other variables), <em>acquire/release</em> (a release store
 * publishes every write before it to the thread whose acquire load reads it) and <em>volatile</em>
 * (acquire/release plus one total order of all volatile accesses). The lock chapters choose the
 * weakest mode that is correct and say why in a comment each time.
 *
 * <p>Two implementations: {@link HeapIntWord}, a field on the Java heap, and
 * {@link OffHeapIntWord}, four bytes of native memory whose address never changes, which is what
 * the kernel's futex calls need.
 */
public interface IntWord {
    /** Volatile read. */
    int get();

    /** Plain read: no ordering at all. */
    int getPlain();

    /** Opaque read: atomic, eventually sees other threads' writes, orders nothing else. */
    int getOpaque();

    /** Acquire read: later reads and writes of this thread stay after it. */
    int getAcquire();

    /** Volatile write. */
    void set(int value);

    /** Plain write. */
    void setPlain(int value);

    /** Opaque write. */
    void setOpaque(int value);

    /** Release write: earlier reads and writes of this thread stay before it. */
    void setRelease(int value);

    /** Volatile compare-and-set: {@code true} if the word was {@code expected} and is now {@code value}. */
    boolean compareAndSet(int expected, int value);

    /** Volatile compare-and-exchange: returns the value the word had (equal to {@code expected} on success). */
    int compareAndExchange(int expected, int value);

    /** Compare-and-exchange with acquire semantics: the usual way to take a lock. */
    int compareAndExchangeAcquire(int expected, int value);

    /** Compare-and-exchange with release semantics: the usual way to hand a lock back. */
    int compareAndExchangeRelease(int expected, int value);

    /** Acquire compare-and-set that may fail spuriously: for retry loops. */
    boolean weakCompareAndSetAcquire(int expected, int value);

    /** Volatile swap: returns the old value. */
    int getAndSet(int value);

    /** Release swap: returns the old value. */
    int getAndSetRelease(int value);

    /** Volatile add: returns the old value (wraps around on overflow, as in C). */
    int getAndAdd(int delta);

    /** Release add: returns the old value. */
    int getAndAddRelease(int delta);
}
