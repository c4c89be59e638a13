package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An {@link IntWord} in an {@link OffHeapBlock}: four bytes with a fixed {@link #address()}, which
 * is what {@code futex(2)} needs. Every access checks that the block is still open (one volatile
 * read), then goes through a {@link VarHandle} view of the block's direct buffer.
 */
public final class OffHeapIntWord implements IntWord {
    // tag::access[]
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    // end::access[]

    private final OffHeapBlock block;
    private final ByteBuffer buffer;
    private final int offset;

    OffHeapIntWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        this.block = block;
        this.buffer = buffer;
        this.offset = offset;
    }

    /** The address of this word: stable for as long as this word is reachable. */
    public long address() {
        return block.address() + offset;
    }

    /** The block this word lives in. */
    public OffHeapBlock block() {
        return block;
    }

    // tag::access[]
    private ByteBuffer open() {
        block.checkOpen();
        return buffer;
    }

    @Override public int get() { return (int) INT.getVolatile(open(), offset); }
    @Override public int getPlain() { return (int) INT.get(open(), offset); }
    @Override public int getOpaque() { return (int) INT.getOpaque(open(), offset); }
    @Override public int getAcquire() { return (int) INT.getAcquire(open(), offset); }
    @Override public void set(int v) { INT.setVolatile(open(), offset, v); }
    @Override public void setPlain(int v) { INT.set(open(), offset, v); }
    @Override public void setOpaque(int v) { INT.setOpaque(open(), offset, v); }
    @Override public void setRelease(int v) { INT.setRelease(open(), offset, v); }
    @Override public boolean compareAndSet(int e, int v) { return INT.compareAndSet(open(), offset, e, v); }
    @Override public int compareAndExchange(int e, int v) { return (int) INT.compareAndExchange(open(), offset, e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return (int) INT.compareAndExchangeAcquire(open(), offset, e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return (int) INT.compareAndExchangeRelease(open(), offset, e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return INT.weakCompareAndSetAcquire(open(), offset, e, v); }
    @Override public int getAndSet(int v) { return (int) INT.getAndSet(open(), offset, v); }
    @Override public int getAndSetRelease(int v) { return (int) INT.getAndSetRelease(open(), offset, v); }
    @Override public int getAndAdd(int d) { return (int) INT.getAndAdd(open(), offset, d); }
    @Override public int getAndAddRelease(int d) { return (int) INT.getAndAddRelease(open(), offset, d); }
    // end::access[]

    /**
     * Two words are equal when they are the same four bytes of the same block: a futex keyed by a
     * word (the portable back end) then sees every handle on those bytes as one futex, as the
     * kernel does by address. Works on closed blocks too.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof OffHeapIntWord
                && ((OffHeapIntWord) other).block == block && ((OffHeapIntWord) other).offset == offset;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(block) * 31 + offset;
    }

    @Override
    public String toString() {
        try {
            return String.format("OffHeapIntWord[%d at 0x%x]", get(), address());
        } catch (IllegalStateException closed) { // checked by the access itself: a close racing with this is no error
            return "OffHeapIntWord[closed]";
        }
    }
}
