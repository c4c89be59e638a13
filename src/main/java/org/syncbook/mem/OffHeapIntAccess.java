package org.syncbook.mem;

/**
 * The operations of an {@link OffHeapIntWord} for an object that keeps the word's address in a
 * field of its own: {@code LinuxFutex}, on which every futex-based lock makes its atomic operations.
 *
 * <p>Why: a lock calls the futex, which called the word, which held the address. Every atomic
 * operation is a barrier to the JIT, so each lock and unlock loads that chain again, and the
 * locked instruction waits for the last load: one object more on the way to the address cost
 * about 2 ns per lock and unlock in the chapter 4 benchmark (JDK 25), the whole difference from a
 * lock on a heap word, where the word object is the memory. Here the holder hands in the address
 * it keeps; the word is still checked for a close (a flag of its own, one load away).
 *
 * <p>One implementation per JVM in a static final field, so the JIT knows its class and inlines
 * it: on JDK 22 and later, when {@link OffHeapIntWord} uses a {@code SegmentIntWord}, a
 * {@code SegmentIntAccess} (from {@code src/main/java22}) reaches the address through the same
 * constant segment; otherwise the word itself does the work, through its buffer view.
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

    private static OffHeapIntAccess choose() {
        Object segments = OffHeapIntWord.segmentVersion("org.syncbook.mem.SegmentIntAccess");
        return segments != null ? (OffHeapIntAccess) segments : new ThroughTheWord();
    }

    // Each takes the word (checked for a close; kept reachable until the access is done) and its
    // address, which must be the word's own (addressOf): an access by another address could corrupt
    // or crash the JVM, so the segment version refuses it (the buffer version does not use it).
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

    /** Before JDK 22 (or with {@code -Dsyncbook.mem.words=buffer}): the word's own operations; the address is not needed. */
    private static final class ThroughTheWord extends OffHeapIntAccess {
        @Override public int get(OffHeapIntWord w, long a) { return w.get(); }
        @Override public int getPlain(OffHeapIntWord w, long a) { return w.getPlain(); }
        @Override public int getOpaque(OffHeapIntWord w, long a) { return w.getOpaque(); }
        @Override public int getAcquire(OffHeapIntWord w, long a) { return w.getAcquire(); }
        @Override public void set(OffHeapIntWord w, long a, int v) { w.set(v); }
        @Override public void setPlain(OffHeapIntWord w, long a, int v) { w.setPlain(v); }
        @Override public void setOpaque(OffHeapIntWord w, long a, int v) { w.setOpaque(v); }
        @Override public void setRelease(OffHeapIntWord w, long a, int v) { w.setRelease(v); }
        @Override public boolean compareAndSet(OffHeapIntWord w, long a, int e, int v) { return w.compareAndSet(e, v); }
        @Override public int compareAndExchange(OffHeapIntWord w, long a, int e, int v) { return w.compareAndExchange(e, v); }
        @Override public int compareAndExchangeAcquire(OffHeapIntWord w, long a, int e, int v) { return w.compareAndExchangeAcquire(e, v); }
        @Override public int compareAndExchangeRelease(OffHeapIntWord w, long a, int e, int v) { return w.compareAndExchangeRelease(e, v); }
        @Override public boolean weakCompareAndSetAcquire(OffHeapIntWord w, long a, int e, int v) { return w.weakCompareAndSetAcquire(e, v); }
        @Override public int getAndSet(OffHeapIntWord w, long a, int v) { return w.getAndSet(v); }
        @Override public int getAndSetRelease(OffHeapIntWord w, long a, int v) { return w.getAndSetRelease(v); }
        @Override public int getAndAdd(OffHeapIntWord w, long a, int d) { return w.getAndAdd(d); }
        @Override public int getAndAddRelease(OffHeapIntWord w, long a, int d) { return w.getAndAddRelease(d); }
    }
}
