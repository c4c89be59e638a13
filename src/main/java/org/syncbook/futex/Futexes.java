package org.syncbook.futex;

import org.syncbook.mem.HeapIntWord;
import org.syncbook.mem.IntWord;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.mem.OffHeapIntWord;

/**
 * Where futexes come from.
 *
 * <pre>{@code
 * Futex f = Futexes.create(0);                       // the best back end here, its own cache line
 * Futex g = Futexes.linux(block.intWord(8), false);  // a word of a block you manage (private futex)
 * Futex h = Futexes.portable(new HeapIntWord());     // no kernel, any word: model checking, macOS
 * }</pre>
 */
public final class Futexes {
    private static final boolean LINUX = System.getProperty("os.name").startsWith("Linux");
    private static final long INTERRUPT_CHECK_NANOS =
            Long.getLong("syncbook.futex.interruptCheckMillis", 20) * 1_000_000L;

    private Futexes() {
    }

    /** A futex on a fresh off-heap word (Linux) or heap word (elsewhere), alone on its cache line, holding {@code initial}. */
    public static Futex create(int initial) {
        return create(initial, defaultBackend());
    }

    // tag::create[]
    /** A futex with the given back end on a fresh word holding {@code initial}. */
    public static Futex create(int initial, FutexBackend backend) {
        if (backend == FutexBackend.LINUX) {
            // one cache line per futex: two futexes never share a line, so they never slow each other down
            OffHeapIntWord word = OffHeapBlock.allocate(OffHeapBlock.CACHE_LINE).intWord(0);
            word.set(initial);
            return linux(word, false);
        }
        return portable(new HeapIntWord(initial));
    }
    // end::create[]

    /** The real system call on {@code word}; {@code shared} for a futex in memory shared between processes. */
    public static Futex linux(OffHeapIntWord word, boolean shared) {
        if (!LINUX) {
            throw new UnsupportedOperationException("the Linux futex back end needs Linux, this is "
                    + System.getProperty("os.name") + "; use Futexes.portable(...) or run in Docker");
        }
        return new LinuxFutex(word, shared);
    }

    /** The portable back end on any word. */
    public static Futex portable(IntWord word) {
        return new PortableFutex(word);
    }

    /** {@link FutexBackend#LINUX} on Linux, {@link FutexBackend#PORTABLE} elsewhere. */
    public static FutexBackend defaultBackend() {
        return LINUX ? FutexBackend.LINUX : FutexBackend.PORTABLE;
    }

    /**
     * How long an interruptible wait on the Linux back end sleeps in the kernel before it checks
     * for an interrupt: {@code -Dsyncbook.futex.interruptCheckMillis}, 20 ms by default.
     */
    public static long interruptCheckNanos() {
        return INTERRUPT_CHECK_NANOS;
    }
}
