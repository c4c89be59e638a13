package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** A {@link LongWord} in an {@link OffHeapBlock} (see {@link OffHeapIntWord}). */
public final class OffHeapLongWord implements LongWord {
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final OffHeapBlock block;
    private final ByteBuffer buffer;
    private final int offset;

    OffHeapLongWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        this.block = block;
        this.buffer = buffer;
        this.offset = offset;
    }

    public long address() {
        return block.address() + offset;
    }

    private ByteBuffer open() {
        block.checkOpen();
        return buffer;
    }

    @Override public long get() { return (long) LONG.getVolatile(open(), offset); }
    @Override public long getOpaque() { return (long) LONG.getOpaque(open(), offset); }
    @Override public long getAcquire() { return (long) LONG.getAcquire(open(), offset); }
    @Override public void set(long v) { LONG.setVolatile(open(), offset, v); }
    @Override public void setOpaque(long v) { LONG.setOpaque(open(), offset, v); }
    @Override public void setRelease(long v) { LONG.setRelease(open(), offset, v); }
    @Override public boolean compareAndSet(long e, long v) { return LONG.compareAndSet(open(), offset, e, v); }
    @Override public long compareAndExchange(long e, long v) { return (long) LONG.compareAndExchange(open(), offset, e, v); }
    @Override public long getAndAdd(long d) { return (long) LONG.getAndAdd(open(), offset, d); }
    @Override public long getAndAddRelease(long d) { return (long) LONG.getAndAddRelease(open(), offset, d); }

    @Override
    public String toString() {
        try {
            return String.format("OffHeapLongWord[%d at 0x%x]", get(), address());
        } catch (IllegalStateException closed) { // checked by the access itself: a close racing with this is no error
            return "OffHeapLongWord[closed]";
        }
    }
}
