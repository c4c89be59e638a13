package org.syncbook.mem;

import java.nio.ByteBuffer;

/**
 * An {@link IntWord} in an {@link OffHeapBlock}: four bytes with a fixed {@link #address()}, which
 * is what {@code futex(2)} needs. Every access checks that the block is still open, then reaches
 * the bytes the fastest way this JVM has ({@link OffHeapIntAccess}): a {@code VarHandle} view of the
 * block's direct buffer, or on JDK 22 and later one constant {@code MemorySegment} spanning all of
 * memory, whose checks the JIT folds away. Both behave the same.
 *
 * <p>The open check is part of reading the address (see {@link OffHeapBlock}): a word used after
 * a close that happens before the use throws {@link IllegalStateException}; one racing with a
 * close on another thread may still read or write the bytes, which stay allocated as long as the
 * word is reachable, so that is never a crash. The futex calls check the same way before they give the kernel the
 * address, and a {@code LinuxFutex} keeps the word reachable until the kernel has returned.
 *
 * <h2>A class that adds operations to a word</h2>
 * A subclass made with {@link #OffHeapIntWord(OffHeapIntWord)} is one more handle on the same four
 * bytes: {@code LinuxFutex} is one, which adds wait and wake. It inherits the atomic operations,
 * which it cannot override, and its block's close marks it as it marks the word. The point is
 * speed: a lock calls its futex, and if the futex called a word, every lock and unlock would load
 * that word object before its locked instruction could start, about 1.5 ns each time in the
 * chapter 4 benchmark (JDK 25), a quarter of an uncontended lock and unlock. A subclass cannot
 * reach other memory: its address is the word's, taken here, and it has no other.
 */
public class OffHeapIntWord implements IntWord {
    private static final OffHeapIntAccess ACCESS = OffHeapIntAccess.fastest();
    /** What {@link #start} holds once the block is closed: no address is negative. */
    private static final long CLOSED = -1;

    final OffHeapBlock block;
    final ByteBuffer buffer;
    final int offset;
    /**
     * Where the word is, or {@link #CLOSED} once {@link OffHeapBlock#close()} has marked it: the
     * address and the open check in one field of the word itself, so that an access loads one
     * value of one object before its locked instruction (a separate flag beside it measured 0.2 to
     * 0.5 ns slower per lock and unlock; the block's own flag is two objects away).
     *
     * <p>Read and written plain, as the block's flag is (see "Safe to misuse" in OffHeapBlock); an
     * opaque read measured 0.2 to 0.4 ns slower. Plain is enough: HotSpot reads and writes a long
     * field whole on every 64-bit platform (the JLS would allow halves, JLS 17.7), and even a mix
     * of halves of an address and of -1 would be negative, which every access refuses, or
     * misaligned, which the segment access refuses (the buffer view does not use the address).
     * Accesses refuse 0 too: the value before the constructor's write, which a thread that got the
     * word through a data race could see, as the field is not final.
     */
    private long start;

    /** The word at {@code offset} of {@code block}, whose bytes are {@code buffer}; range and alignment checked by the caller. */
    OffHeapIntWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        this.block = block;
        this.buffer = buffer;
        this.offset = offset;
        this.start = block.start() + offset;
    }

    /**
     * Another handle on the four bytes of {@code word}, for a subclass that adds operations (see
     * the class comment). Its block remembers it until the block itself is garbage, to mark it on
     * close; a handle made after the close is closed from the start.
     */
    protected OffHeapIntWord(OffHeapIntWord word) {
        this(word.block, word.buffer, word.offset);
        block.addHandle(this);
    }

    /** The address of this word: stable for as long as this word is reachable. */
    public final long address() {
        return block.address() + offset;
    }

    /** The block this word lives in. */
    public final OffHeapBlock block() {
        return block;
    }

    /** The address, for an access to use: throws if the word is closed (or not yet seen made, see {@link #start}). */
    final long openAddress() {
        long address = start;
        if (address <= 0) {
            throw OffHeapBlock.usedAfterClose();
        }
        return address;
    }

    /** Called by the block's close: every later access throws. */
    final void markClosed() {
        start = CLOSED;
    }

    @Override public final int get() { return ACCESS.get(this); }
    @Override public final int getPlain() { return ACCESS.getPlain(this); }
    @Override public final int getOpaque() { return ACCESS.getOpaque(this); }
    @Override public final int getAcquire() { return ACCESS.getAcquire(this); }
    @Override public final void set(int v) { ACCESS.set(this, v); }
    @Override public final void setPlain(int v) { ACCESS.setPlain(this, v); }
    @Override public final void setOpaque(int v) { ACCESS.setOpaque(this, v); }
    @Override public final void setRelease(int v) { ACCESS.setRelease(this, v); }
    @Override public final boolean compareAndSet(int e, int v) { return ACCESS.compareAndSet(this, e, v); }
    @Override public final int compareAndExchange(int e, int v) { return ACCESS.compareAndExchange(this, e, v); }
    @Override public final int compareAndExchangeAcquire(int e, int v) { return ACCESS.compareAndExchangeAcquire(this, e, v); }
    @Override public final int compareAndExchangeRelease(int e, int v) { return ACCESS.compareAndExchangeRelease(this, e, v); }
    @Override public final boolean weakCompareAndSetAcquire(int e, int v) { return ACCESS.weakCompareAndSetAcquire(this, e, v); }
    @Override public final int getAndSet(int v) { return ACCESS.getAndSet(this, v); }
    @Override public final int getAndSetRelease(int v) { return ACCESS.getAndSetRelease(this, v); }
    @Override public final int getAndAdd(int d) { return ACCESS.getAndAdd(this, d); }
    @Override public final int getAndAddRelease(int d) { return ACCESS.getAndAddRelease(this, d); }

    /**
     * Two words of the same class are equal when they are the same four bytes of the same block: a
     * futex keyed by a word (the portable back end) then sees every handle on those bytes as one
     * futex, as the kernel does by address. Works on closed blocks too. A subclass with more to it
     * than the bytes (a futex has counters) may compare by identity instead.
     */
    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass()
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
