package org.syncbook.mem;

/**
 * How an {@link OffHeapIntWord}'s operations reach its four bytes: one implementation per JVM in
 * a static final field, so the JIT knows its class and inlines it. On JDK 22 and later a
 * {@code SegmentIntAccess} (from {@code src/main/java22}) reaches the word's address through one
 * constant segment; otherwise, or with {@code -Dsyncbook.mem.words=buffer} (to compare the two), a
 * {@link BufferIntAccess} goes through the block's buffer view.
 *
 * <p>Package-private: every operation takes a word, made by this package (its block checked the
 * offset and the alignment), never a bare address, so no caller can aim an access elsewhere.
 */
abstract class OffHeapIntAccess {
    private static final OffHeapIntAccess FASTEST = choose();

    /** The fastest way on this JVM. */
    static OffHeapIntAccess fastest() {
        return FASTEST;
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

    // Each checks that the word is open (OffHeapIntWord.openAddress), then makes the access and
    // keeps the word reachable until the access is done.
    abstract int get(OffHeapIntWord w);
    abstract int getPlain(OffHeapIntWord w);
    abstract int getOpaque(OffHeapIntWord w);
    abstract int getAcquire(OffHeapIntWord w);
    abstract void set(OffHeapIntWord w, int v);
    abstract void setPlain(OffHeapIntWord w, int v);
    abstract void setOpaque(OffHeapIntWord w, int v);
    abstract void setRelease(OffHeapIntWord w, int v);
    abstract boolean compareAndSet(OffHeapIntWord w, int e, int v);
    abstract int compareAndExchange(OffHeapIntWord w, int e, int v);
    abstract int compareAndExchangeAcquire(OffHeapIntWord w, int e, int v);
    abstract int compareAndExchangeRelease(OffHeapIntWord w, int e, int v);
    abstract boolean weakCompareAndSetAcquire(OffHeapIntWord w, int e, int v);
    abstract int getAndSet(OffHeapIntWord w, int v);
    abstract int getAndSetRelease(OffHeapIntWord w, int v);
    abstract int getAndAdd(OffHeapIntWord w, int d);
    abstract int getAndAddRelease(OffHeapIntWord w, int d);
}
