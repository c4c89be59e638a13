package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An {@link IntWord} in an {@link OffHeapBlock}: four bytes with a fixed {@link #address()}, which
 * is what {@code futex(2)} needs. Every access checks that the block is still open, then goes
 * through a {@link VarHandle} view of the block's direct buffer.
 *
 * <h2>Cost, and what the check guarantees</h2>
 * The view re-checks on every access what the JIT cannot prove of a buffer held in a field (its
 * limit, that it is writable, the alignment of the address): a few loads and branches per access,
 * enough to make an uncontended lock and unlock 1.5 to 2 times as slow as on a heap word. On JDK 22
 * and later a block therefore hands out a {@code SegmentIntWord} instead (compiled from
 * {@code src/main/java22}): the same bytes through one constant {@code MemorySegment} spanning all
 * of memory, whose checks the JIT folds away, so only the open check and the alignment of the
 * address are left. Both kinds behave the same; builds by JDK 17 or 21, JVMs before 22, and
 * {@code -Dsyncbook.mem.words=buffer} (to compare the two) use this class.
 *
 * <p>The open check is a plain read (see {@link OffHeapBlock}): a word used after a close that
 * happens before the use throws {@link IllegalStateException}; one racing with a close on another
 * thread may still read or write the bytes, which stay allocated as long as the word is reachable,
 * so that is never a crash. The futex calls check the same way before they give the kernel the
 * address, and a {@code LinuxFutex} keeps the word reachable until the kernel has returned.
 */
public class OffHeapIntWord implements IntWord {
    // tag::access[]
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());
    // end::access[]

    /** Makes a word: a {@code SegmentIntWord} where this JVM has one, this class otherwise. */
    private static final Maker MAKER = chooseMaker();

    final OffHeapBlock block;
    private final ByteBuffer buffer;
    final int offset;
    /** Where the word is; kept here (not asked of the block) so that an access by address checks it with one load. */
    final long start;
    /** Set by {@link OffHeapBlock#close()}, read plain by {@link #checkOpen()}: the block's flag, one load nearer. */
    boolean closed;

    OffHeapIntWord(OffHeapBlock block, ByteBuffer buffer, int offset) {
        this.block = block;
        this.buffer = buffer;
        this.offset = offset;
        this.start = block.start() + offset;
    }

    /** The word at {@code offset} of {@code block}, whose bytes are {@code buffer}; range and alignment checked by the caller. */
    static OffHeapIntWord in(OffHeapBlock block, ByteBuffer buffer, int offset) {
        return MAKER.make(block, buffer, offset);
    }

    /** How {@link #in} makes words: one implementation per JVM, so every call site on a word sees one class. */
    interface Maker {
        OffHeapIntWord make(OffHeapBlock block, ByteBuffer buffer, int offset);
    }

    private static Maker chooseMaker() {
        Object segments = segmentVersion("org.syncbook.mem.SegmentIntWord$Maker");
        return segments != null ? (Maker) segments : OffHeapIntWord::new;
    }

    /**
     * A new instance of the JDK 22+ class {@code name} (with SegmentIntWord initialised first), or
     * null where there is none: JVM before 22, a build by an older JDK, native access denied
     * ({@code --illegal-native-access=deny}), or {@code -Dsyncbook.mem.words=buffer}.
     */
    static Object segmentVersion(String name) {
        if (Runtime.version().feature() >= 22 && !"buffer".equals(System.getProperty("syncbook.mem.words"))) {
            try { // compiled only by a JDK 22+ build (src/main/java22), as FutexCall's FFM binding is
                Class.forName("org.syncbook.mem.SegmentIntWord"); // initialises it: fails here, not later, if FFM is refused
                return Class.forName(name).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError | RuntimeException unavailable) {
                // built on an older JDK, or native access denied: the buffer view it is
            }
        }
        return null;
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

    // tag::access[]
    private ByteBuffer open() {
        checkOpen();
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
