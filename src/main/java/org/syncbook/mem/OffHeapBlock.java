package org.syncbook.mem;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.syncbook.sys.NativeMemory;

/**
 * A block of native memory whose address never changes: where futex words and pthread objects
 * live. The garbage collector moves heap objects, and JNA passes a heap array to C as a temporary
 * copy, so a futex wait on an {@code int[]} would wait on a copy that nobody ever wakes.
 *
 * <h2>Safe to misuse</h2>
 * Every word handed out checks its offset and alignment once, when it is made, and checks that
 * the block is open on every access: a closed block throws {@link IllegalStateException}, it
 * never crashes the JVM. That holds even for an access racing with {@link #close()}: the bytes
 * are a direct {@link ByteBuffer}, which the JDK frees only when the garbage collector finds no
 * reference to it. A word, or a native call holding one, keeps the memory alive, so close only
 * marks the block and the release of the bytes is deferred until the last user is gone. There is
 * no explicit free that could pull memory from under a running call.
 *
 * <p>Because close frees nothing, the check on each access can be a plain read of the flag
 * rather than a volatile one, which would order every later access after it (a barrier to the
 * JIT, an {@code ldar} on aarch64) on every lock and unlock of every futex-based lock, only to
 * settle a race that is harmless either way. A plain read sees
 * every close that <em>happens before</em> the access: one made earlier by the same thread, or
 * by another thread that handed over through a lock, a join, a volatile write... An access racing
 * with a close on another thread may or may not see it; either outcome is safe.
 *
 * <p>An int word (a futex word, a lock's state) does not read this block's flag: the block hands
 * out one word per offset, remembers every other handle on them (a futex is one, see
 * {@link OffHeapIntWord}), and on close overwrites the address each of them keeps with -1. The
 * open check is then part of reading the address, from the object the lock already holds: in the
 * chapter 4 benchmark (JDK 25) every object more on the way to the locked instruction cost about
 * 1.5 ns per lock and unlock, and a separate flag in the word 0.2 to 0.5 ns (measurements in
 * docs/results/chapter04-jmh-tuning.txt).
 */
public final class OffHeapBlock implements AutoCloseable {
    private static final VarHandle CLOSED;

    static {
        try {
            CLOSED = MethodHandles.lookup().findVarHandle(OffHeapBlock.class, "closed", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The cache line size assumed for padding: 64 bytes on x86_64 and on most aarch64 cores. */
    public static final int CACHE_LINE = 64;

    private final ByteBuffer buffer;
    private final long address;
    private final int size;
    private boolean closed; // written and polled through CLOSED (volatile), read plain by checkOpen
    /** The int words handed out, one per offset, so that close() can mark each; guarded by itself. */
    private final Map<Integer, OffHeapIntWord> intWords = new HashMap<>();
    /** The other handles on those words (futexes: {@link OffHeapIntWord#OffHeapIntWord(OffHeapIntWord)}); guarded by {@link #intWords}. */
    private final List<OffHeapIntWord> handles = new ArrayList<>();

    // tag::allocate[]
    private OffHeapBlock(int size, int alignment) {
        if (size <= 0) {
            throw new IllegalArgumentException("a block needs at least one byte, asked for " + size);
        }
        if (alignment < 8 || Integer.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two >= 8, got " + alignment);
        }
        if ((long) size + alignment - 1 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a block of " + size + " bytes aligned to " + alignment
                    + " needs up to " + (alignment - 1) + " bytes of padding, and a direct buffer holds at most "
                    + Integer.MAX_VALUE + " bytes");
        }
        ByteBuffer raw = ByteBuffer.allocateDirect(size + alignment - 1); // zero-filled by the JDK
        // Skip to the first aligned byte by hand: alignedSlice() would also round the end down to a
        // multiple of the alignment, which leaves less than size bytes whenever malloc's address
        // (only 16-byte aligned) is not already aligned.
        int skip = (alignment - raw.alignmentOffset(0, alignment)) & (alignment - 1);
        this.buffer = raw.position(skip).limit(skip + size).slice().order(ByteOrder.nativeOrder());
        this.address = NativeMemory.addressOf(buffer);
        this.size = size;
    }
    // end::allocate[]

    /** {@code size} zeroed bytes starting on a cache line. */
    public static OffHeapBlock allocate(int size) {
        return new OffHeapBlock(size, CACHE_LINE);
    }

    /** {@code size} zeroed bytes whose address is a multiple of {@code alignment} (a power of two >= 8). */
    public static OffHeapBlock allocate(int size, int alignment) {
        return new OffHeapBlock(size, alignment);
    }

    /**
     * The 32-bit word at {@code offset}, which must be a multiple of 4 inside the block: the same
     * word object on every call with the same offset.
     */
    public OffHeapIntWord intWord(int offset) {
        synchronized (intWords) { // against close(): a word is either marked by it or never made
            checkRange(offset, 4);
            return intWords.computeIfAbsent(offset, at -> new OffHeapIntWord(this, buffer, at));
        }
    }

    /** Remembers {@code handle} for {@link #close()}, or marks it closed now if the block is closed already. */
    void addHandle(OffHeapIntWord handle) {
        synchronized (intWords) { // against close(): a handle is either marked by it or made closed
            if (closed) {
                handle.markClosed();
            }
            handles.add(handle);
        }
    }

    /** A 64-bit word at {@code offset}, which must be a multiple of 8 inside the block. */
    public OffHeapLongWord longWord(int offset) {
        checkRange(offset, 8);
        return new OffHeapLongWord(this, buffer, offset);
    }

    /** The address of the first byte. Valid for as long as this block is reachable. */
    public long address() {
        checkOpen();
        return address;
    }

    /** {@link #address()} without the open check, for words that keep their address. */
    long start() {
        return address;
    }

    public int size() {
        return size;
    }

    public boolean isClosed() {
        return (boolean) CLOSED.getVolatile(this); // volatile: a thread polling for a close sees it
    }

    /**
     * Makes the block unusable: every later access through it or its words throws. Idempotent.
     * The bytes go back to the system once nothing refers to the block any more.
     *
     * <p>Close a block only when no thread sleeps on a futex in it, as C requires of
     * {@code pthread_mutex_destroy}: after close a wake on its words throws, so a thread still
     * asleep there stays asleep (it is not harmed: its memory lives on while it waits).
     */
    @Override
    public void close() {
        synchronized (intWords) {
            for (OffHeapIntWord word : intWords.values()) {
                word.markClosed(); // plain, as it is read: see "Safe to misuse" above
            }
            for (OffHeapIntWord handle : handles) {
                handle.markClosed();
            }
            CLOSED.setVolatile(this, true);
        }
    }

    /** What every access of a long word calls first: a plain read of the flag (see "Safe to misuse" above). */
    void checkOpen() {
        if (closed) {
            throw usedAfterClose();
        }
    }

    static IllegalStateException usedAfterClose() {
        return new IllegalStateException("this off-heap block was closed: a word of it was used after close()");
    }

    private void checkRange(int offset, int width) {
        checkOpen();
        if (offset < 0 || offset > size - width) {
            throw new IndexOutOfBoundsException("a " + width + "-byte word at offset " + offset
                    + " does not fit in a block of " + size + " bytes");
        }
        if (offset % width != 0) {
            throw new IllegalArgumentException("a " + width + "-byte word must sit at a multiple of " + width
                    + " (atomic access needs natural alignment), not at offset " + offset);
        }
    }

    @Override
    public String toString() {
        return String.format("OffHeapBlock[%d bytes at 0x%x%s]", size, address, isClosed() ? ", closed" : "");
    }
}
