package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@link OffHeapIntAccess} through a {@link VarHandle} view of the block's direct buffer, at the
 * word's offset: what every JVM can do. The view re-checks
 * on every access what the JIT cannot prove of a buffer held in a field (its limit, that it is
 * writable, the alignment): a few loads and branches, which {@code SegmentIntAccess} avoids on
 * JDK 22 and later.
 */
final class BufferIntAccess extends OffHeapIntAccess {
    // tag::access[]
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    private static ByteBuffer open(OffHeapIntWord w) {
        w.openAddress(); // the check only: the buffer view reaches the bytes by offset
        return w.buffer;
    }

    @Override int get(OffHeapIntWord w) { return (int) INT.getVolatile(open(w), w.offset); }
    @Override int getPlain(OffHeapIntWord w) { return (int) INT.get(open(w), w.offset); }
    @Override int getOpaque(OffHeapIntWord w) { return (int) INT.getOpaque(open(w), w.offset); }
    @Override int getAcquire(OffHeapIntWord w) { return (int) INT.getAcquire(open(w), w.offset); }
    @Override void set(OffHeapIntWord w, int v) { INT.setVolatile(open(w), w.offset, v); }
    @Override void setPlain(OffHeapIntWord w, int v) { INT.set(open(w), w.offset, v); }
    @Override void setOpaque(OffHeapIntWord w, int v) { INT.setOpaque(open(w), w.offset, v); }
    @Override void setRelease(OffHeapIntWord w, int v) { INT.setRelease(open(w), w.offset, v); }
    @Override boolean compareAndSet(OffHeapIntWord w, int e, int v) { return INT.compareAndSet(open(w), w.offset, e, v); }
    @Override int compareAndExchange(OffHeapIntWord w, int e, int v) { return (int) INT.compareAndExchange(open(w), w.offset, e, v); }
    @Override int compareAndExchangeAcquire(OffHeapIntWord w, int e, int v) { return (int) INT.compareAndExchangeAcquire(open(w), w.offset, e, v); }
    @Override int compareAndExchangeRelease(OffHeapIntWord w, int e, int v) { return (int) INT.compareAndExchangeRelease(open(w), w.offset, e, v); }
    @Override boolean weakCompareAndSetAcquire(OffHeapIntWord w, int e, int v) { return INT.weakCompareAndSetAcquire(open(w), w.offset, e, v); }
    @Override int getAndSet(OffHeapIntWord w, int v) { return (int) INT.getAndSet(open(w), w.offset, v); }
    @Override int getAndSetRelease(OffHeapIntWord w, int v) { return (int) INT.getAndSetRelease(open(w), w.offset, v); }
    @Override int getAndAdd(OffHeapIntWord w, int d) { return (int) INT.getAndAdd(open(w), w.offset, d); }
    @Override int getAndAddRelease(OffHeapIntWord w, int d) { return (int) INT.getAndAddRelease(open(w), w.offset, d); }
    // end::access[]
}
