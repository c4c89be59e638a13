package org.syncbook.mem;

import static org.syncbook.mem.SegmentIntWord.ALL;
import static org.syncbook.mem.SegmentIntWord.INT;

import java.lang.ref.Reference;

/**
 * {@link OffHeapIntAccess} on JDK 22 and later: the address handed in, through the constant
 * all-memory segment of {@link SegmentIntWord} (whose class comment says why that is fast and
 * safe). The word is only checked for a close and kept reachable, so that its bytes stay
 * allocated while they are used.
 */
final class SegmentIntAccess extends OffHeapIntAccess {
    private static long open(OffHeapIntWord w, long address) {
        if (address != w.start) { // the same object as the flag below: one compare, no extra miss
            throw new IllegalArgumentException(String.format("0x%x is not the address of this word (0x%x)", address, w.start));
        }
        w.checkOpen();
        return address;
    }

    @Override public int get(OffHeapIntWord w, long a) { int v = (int) INT.getVolatile(ALL, open(w, a)); Reference.reachabilityFence(w); return v; }
    @Override public int getPlain(OffHeapIntWord w, long a) { int v = (int) INT.get(ALL, open(w, a)); Reference.reachabilityFence(w); return v; }
    @Override public int getOpaque(OffHeapIntWord w, long a) { int v = (int) INT.getOpaque(ALL, open(w, a)); Reference.reachabilityFence(w); return v; }
    @Override public int getAcquire(OffHeapIntWord w, long a) { int v = (int) INT.getAcquire(ALL, open(w, a)); Reference.reachabilityFence(w); return v; }
    @Override public void set(OffHeapIntWord w, long a, int v) { INT.setVolatile(ALL, open(w, a), v); Reference.reachabilityFence(w); }
    @Override public void setPlain(OffHeapIntWord w, long a, int v) { INT.set(ALL, open(w, a), v); Reference.reachabilityFence(w); }
    @Override public void setOpaque(OffHeapIntWord w, long a, int v) { INT.setOpaque(ALL, open(w, a), v); Reference.reachabilityFence(w); }
    @Override public void setRelease(OffHeapIntWord w, long a, int v) { INT.setRelease(ALL, open(w, a), v); Reference.reachabilityFence(w); }
    @Override public boolean compareAndSet(OffHeapIntWord w, long a, int e, int v) { boolean r = INT.compareAndSet(ALL, open(w, a), e, v); Reference.reachabilityFence(w); return r; }
    @Override public int compareAndExchange(OffHeapIntWord w, long a, int e, int v) { int r = (int) INT.compareAndExchange(ALL, open(w, a), e, v); Reference.reachabilityFence(w); return r; }
    @Override public int compareAndExchangeAcquire(OffHeapIntWord w, long a, int e, int v) { int r = (int) INT.compareAndExchangeAcquire(ALL, open(w, a), e, v); Reference.reachabilityFence(w); return r; }
    @Override public int compareAndExchangeRelease(OffHeapIntWord w, long a, int e, int v) { int r = (int) INT.compareAndExchangeRelease(ALL, open(w, a), e, v); Reference.reachabilityFence(w); return r; }
    @Override public boolean weakCompareAndSetAcquire(OffHeapIntWord w, long a, int e, int v) { boolean r = INT.weakCompareAndSetAcquire(ALL, open(w, a), e, v); Reference.reachabilityFence(w); return r; }
    @Override public int getAndSet(OffHeapIntWord w, long a, int v) { int r = (int) INT.getAndSet(ALL, open(w, a), v); Reference.reachabilityFence(w); return r; }
    @Override public int getAndSetRelease(OffHeapIntWord w, long a, int v) { int r = (int) INT.getAndSetRelease(ALL, open(w, a), v); Reference.reachabilityFence(w); return r; }
    @Override public int getAndAdd(OffHeapIntWord w, long a, int d) { int r = (int) INT.getAndAdd(ALL, open(w, a), d); Reference.reachabilityFence(w); return r; }
    @Override public int getAndAddRelease(OffHeapIntWord w, long a, int d) { int r = (int) INT.getAndAddRelease(ALL, open(w, a), d); Reference.reachabilityFence(w); return r; }
}
