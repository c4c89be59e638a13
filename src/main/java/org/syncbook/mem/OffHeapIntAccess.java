package org.syncbook.mem;

/**
 * How an {@link OffHeapIntWord}'s operations reach its four bytes, given the word and its address:
 * the word's own operations use it, and so does {@code LinuxFutex}, on which every futex-based lock
 * makes its atomic operations, with the address it keeps in a field of its own.
 *
 * <p>Why the futex keeps the address: a lock calls the futex, which called the word, which held
 * the address. Every atomic operation is a barrier to the JIT, so each lock and unlock loads that
 * chain again, and the locked instruction waits for the last load: one object more on the way to
 * the address cost about 2 ns per lock and unlock in the chapter 4 benchmark (JDK 25), the whole
 * difference from a lock on a heap word, where the word object is the memory. The word is still
 * checked for a close (a flag of its own, one load away).
 *
 * <p>One implementation per JVM in a static final field, so the JIT knows its class and inlines
 * it: on JDK 22 and later a {@code SegmentIntAccess} (from {@code src/main/java22}) reaches the
 * address through one constant segment; otherwise, or with {@code -Dsyncbook.mem.words=buffer}
 * (to compare the two), a {@link BufferIntAccess} goes through the block's buffer view.
 */
public abstract class OffHeapIntAccess {
    private static final OffHeapIntAccess FASTEST = choose();

    OffHeapIntAccess() {
    }

    /** The fastest way on this JVM. */
    public static OffHeapIntAccess fastest() {
        return FASTEST;
    }

    /** The address of {@code word}, without the open check of {@link OffHeapIntWord#address()}: to keep, not to use after a close. */
    public static long addressOf(OffHeapIntWord word) {
        return word.start;
    }

    /**
     * The JDK 22+ {@code SegmentIntAccess} where this JVM can run it, else the buffer view: a JVM
     * before 22, a build by an older JDK (no src/main/java22), native access denied
     * ({@code --illegal-native-access=deny}), or {@code -Dsyncbook.mem.words=buffer}.
     */
    private static OffHeapIntAccess choose() {
        if (Runtime.version().feature() >= 22 && !"buffer".equals(System.getProperty("syncbook.mem.words"))) {
            try { // compiled only by a JDK 22+ build, as FutexCall's FFM binding is
                return (OffHeapIntAccess) Class.forName("org.syncbook.mem.SegmentIntAccess").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
                // built on an older JDK, or native access denied: the buffer view it is
            }
        }
        return new BufferIntAccess();
    }

    // Each takes the word (checked for a close; kept reachable until the access is done) and its
    // address, which must be the word's own (addressOf): an access by another address could corrupt
    // or crash the JVM, so the segment version refuses it (the buffer view does not use it).
    public abstract int get(OffHeapIntWord w, long address);
    public abstract int getPlain(OffHeapIntWord w, long address);
    public abstract int getOpaque(OffHeapIntWord w, long address);
    public abstract int getAcquire(OffHeapIntWord w, long address);
    public abstract void set(OffHeapIntWord w, long address, int v);
    public abstract void setPlain(OffHeapIntWord w, long address, int v);
    public abstract void setOpaque(OffHeapIntWord w, long address, int v);
    public abstract void setRelease(OffHeapIntWord w, long address, int v);
    public abstract boolean compareAndSet(OffHeapIntWord w, long address, int e, int v);
    public abstract int compareAndExchange(OffHeapIntWord w, long address, int e, int v);
    public abstract int compareAndExchangeAcquire(OffHeapIntWord w, long address, int e, int v);
    public abstract int compareAndExchangeRelease(OffHeapIntWord w, long address, int e, int v);
    public abstract boolean weakCompareAndSetAcquire(OffHeapIntWord w, long address, int e, int v);
    public abstract int getAndSet(OffHeapIntWord w, long address, int v);
    public abstract int getAndSetRelease(OffHeapIntWord w, long address, int v);
    public abstract int getAndAdd(OffHeapIntWord w, long address, int d);
    public abstract int getAndAddRelease(OffHeapIntWord w, long address, int d);
}
