package org.syncbook.futex;

import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapLongWord;

/**
 * A {@code struct timespec} in native memory, one per thread, so a timed futex wait allocates
 * nothing. Checked before every use: {@code tv_nsec} must lie in [0, 10^9) and {@code tv_sec} must
 * not be negative, or the kernel answers {@code EINVAL}.
 */
final class Timespec {
    private static final ThreadLocal<Timespec> PER_THREAD = ThreadLocal.withInitial(Timespec::new);

    private final OffHeapBlock block = OffHeapBlock.allocate(16, 16);
    private final OffHeapLongWord seconds = block.longWord(0);
    private final OffHeapLongWord nanos = block.longWord(8);
    private final long address = block.address();

    /** The calling thread's timespec, set to {@code totalNanos}; returns its address. */
    static long of(long totalNanos) {
        if (totalNanos < 0) {
            throw new IllegalArgumentException("a timespec cannot be negative: " + totalNanos + " ns");
        }
        Timespec t = PER_THREAD.get();
        // opaque is enough: only this thread reads it back, through the system call it makes next
        t.seconds.setOpaque(totalNanos / 1_000_000_000L);
        t.nanos.setOpaque(totalNanos % 1_000_000_000L);
        return t.address;
    }
}
