package org.syncbook.mem;

import java.nio.ByteBuffer;

/**
 * An {@link IntWord} in an {@link OffHeapBlock}: four bytes with a fixed {@link #address()}, which
 * is what {@code futex(2)} needs. Every access checks that the block is still open, then reaches
 * the bytes the fastest way this JVM has ({@link OffHeapIntAccess}): a {@code VarHandle} view of the
 * block's direct buffer, or on JDK 22 and later one constant {@code MemorySegment} spanning all of
 * memory, whose checks the JIT folds away. Both behave the same.
 *
 * <p>The open check is a plain read (see {@link OffHeapBlock}): a word used after a close that
 * happens before the use throws {@link IllegalStateException}; one racing with a close on another
 * thread may still read or write the bytes, which stay allocated as long as the word is reachable,
 * so that is never a crash. The futex calls check the same way before they give the kernel the
 * address, and a {@code LinuxFutex} keeps the word reachable until the kernel has returned.
 */
public final class OffHeapIntWord implements IntWord {
    private static final OffHeapIntAccess ACCESS = OffHeapIntAccess.fastest();

    final OffHeapBlock block;
    final ByteBuffer buffer;
    final int offset;
    /** Where the word is; kept here (not asked of the block) so that an access by address checks it with one load. */
    final long start;
    /** Set by {@link OffHeapBlock#close()}, read plain by {@link #checkOpen()}: the block's flag, one load nearer. */
    boolean closed;

    /** The word at {@code offset} of {@code block}, whose bytes are {@code buffer}; range and alignment checked by the caller. */
    OffHeapIntWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        this.block = block;
        this.buffer = buffer;
        this.offset = offset;
        this.start = block.start() + offset;
    }

    /** The address of this word: stable for as long as this word is reachable. */
    public long address() {
        return block.address() + offset;
    }

    /** The block this word lives in. */
    public OffHeapBlock block() {
        return block;
    }

    /** What every access calls first (see {@link OffHeapBlock}'s "Safe to misuse"). */
    final void checkOpen() {
        if (closed) {
            throw OffHeapBlock.usedAfterClose();
        }
    }

    @Override public int get() { return ACCESS.get(this, start); }
    @Override public int getPlain() { return ACCESS.getPlain(this, start); }
    @Override public int getOpaque() { return ACCESS.getOpaque(this, start); }
    @Override public int getAcquire() { return ACCESS.getAcquire(this, start); }
    @Override public void set(int v) { ACCESS.set(this, start, v); }
    @Override public void setPlain(int v) { ACCESS.setPlain(this, start, v); }
    @Override public void setOpaque(int v) { ACCESS.setOpaque(this, start, v); }
    @Override public void setRelease(int v) { ACCESS.setRelease(this, start, v); }
    @Override public boolean compareAndSet(int e, int v) { return ACCESS.compareAndSet(this, start, e, v); }
    @Override public int compareAndExchange(int e, int v) { return ACCESS.compareAndExchange(this, start, e, v); }
    @Override public int compareAndExchangeAcquire(int e, int v) { return ACCESS.compareAndExchangeAcquire(this, start, e, v); }
    @Override public int compareAndExchangeRelease(int e, int v) { return ACCESS.compareAndExchangeRelease(this, start, e, v); }
    @Override public boolean weakCompareAndSetAcquire(int e, int v) { return ACCESS.weakCompareAndSetAcquire(this, start, e, v); }
    @Override public int getAndSet(int v) { return ACCESS.getAndSet(this, start, v); }
    @Override public int getAndSetRelease(int v) { return ACCESS.getAndSetRelease(this, start, v); }
    @Override public int getAndAdd(int d) { return ACCESS.getAndAdd(this, start, d); }
    @Override public int getAndAddRelease(int d) { return ACCESS.getAndAddRelease(this, start, d); }

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
