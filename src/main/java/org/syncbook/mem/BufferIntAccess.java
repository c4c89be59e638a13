package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link OffHeapIntAccess} through a {@link VarHandle} view of the block's direct buffer, at the
 * word's offset: what every JVM can do (the address handed in is not needed). The view re-checks
 * on every access what the JIT cannot prove of a buffer held in a field (its limit, that it is
 * writable, the alignment): a few loads and branches, which {@code SegmentIntAccess} avoids on
 * JDK 22 and later.
 */
final class BufferIntAccess extends OffHeapIntAccess {
    // tag::access[]
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private static ByteBuffer open(OffHeapIntWord w) {
        w.checkOpen();
        return w.buffer;
    }

    @Override public int get(OffHeapIntWord w, long a) { return (int) INT.getVolatile(open(w), w.offset); }
    @Override public int getPlain(OffHeapIntWord w, long a) { return (int) INT.get(open(w), w.offset); }
    @Override public int getOpaque(OffHeapIntWord w, long a) { return (int) INT.getOpaque(open(w), w.offset); }
    @Override public int getAcquire(OffHeapIntWord w, long a) { return (int) INT.getAcquire(open(w), w.offset); }
    @Override public void set(OffHeapIntWord w, long a, int v) { INT.setVolatile(open(w), w.offset, v); }
    @Override public void setPlain(OffHeapIntWord w, long a, int v) { INT.set(open(w), w.offset, v); }
    @Override public void setOpaque(OffHeapIntWord w, long a, int v) { INT.setOpaque(open(w), w.offset, v); }
    @Override public void setRelease(OffHeapIntWord w, long a, int v) { INT.setRelease(open(w), w.offset, v); }
    @Override public boolean compareAndSet(OffHeapIntWord w, long a, int e, int v) { return INT.compareAndSet(open(w), w.offset, e, v); }
    @Override public int compareAndExchange(OffHeapIntWord w, long a, int e, int v) { return (int) INT.compareAndExchange(open(w), w.offset, e, v); }
    @Override public int compareAndExchangeAcquire(OffHeapIntWord w, long a, int e, int v) { return (int) INT.compareAndExchangeAcquire(open(w), w.offset, e, v); }
    @Override public int compareAndExchangeRelease(OffHeapIntWord w, long a, int e, int v) { return (int) INT.compareAndExchangeRelease(open(w), w.offset, e, v); }
    @Override public boolean weakCompareAndSetAcquire(OffHeapIntWord w, long a, int e, int v) { return INT.weakCompareAndSetAcquire(open(w), w.offset, e, v); }
    @Override public int getAndSet(OffHeapIntWord w, long a, int v) { return (int) INT.getAndSet(open(w), w.offset, v); }
    @Override public int getAndSetRelease(OffHeapIntWord w, long a, int v) { return (int) INT.getAndSetRelease(open(w), w.offset, v); }
    @Override public int getAndAdd(OffHeapIntWord w, long a, int d) { return (int) INT.getAndAdd(open(w), w.offset, d); }
    @Override public int getAndAddRelease(OffHeapIntWord w, long a, int d) { return (int) INT.getAndAddRelease(open(w), w.offset, d); }
    // end::access[]
}
