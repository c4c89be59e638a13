package org.syncbook.sys;

import com.sun.jna.LastErrorException;
import java.util.BitSet;

/**
 * Which CPUs a thread may run on ({@code sched_setaffinity(2)}) and which one it is on now.
 *
 * <p>Benchmarks pin their threads because placement dominates wake-up costs: on the virtual
 * machines the book was measured on, waking a thread that sleeps on another, idle CPU costs about
 * 40 µs, while a wake on the same CPU costs a few. An unpinned run flips between the two.
 */
public final class Cpus {
    /** Room for 1024 CPUs, the glibc default {@code cpu_set_t}. */
    private static final int MASK_WORDS = 16;

    private Cpus() {
    }

    /** The CPU the calling thread is running on at this instant (it may move right after). */
    public static int current() {
        try {
            return Libc.sched_getcpu();
        } catch (LastErrorException e) {
            throw new ErrnoException("sched_getcpu()", e.getErrorCode());
        }
    }

    /** The CPUs the calling thread may run on. */
    public static BitSet allowed() {
        return affinityOf(0);
    }

    /**
     * The CPUs the process may run on, as its main thread sees them: unlike {@link #allowed()},
     * not narrowed when the calling thread has pinned itself.
     */
    public static BitSet allowedForProcess() {
        return affinityOf(Sys.pid()); // the thread whose id is the process id: the main thread
    }

    private static BitSet affinityOf(int tid) {
        long[] mask = new long[MASK_WORDS];
        SyscallCounter.record(Syscall.SCHED_GETAFFINITY);
        try {
            Libc.sched_getaffinity(tid, mask.length * 8L, mask);
        } catch (LastErrorException e) {
            throw new ErrnoException("sched_getaffinity(" + tid + ")", e.getErrorCode());
        }
        return BitSet.valueOf(mask);
    }

    // tag::pin[]
    /** Restricts the calling thread (only this one, not the process) to {@code cpus}. */
    public static void allow(BitSet cpus) {
        if (cpus.isEmpty() || cpus.length() > MASK_WORDS * 64) {
            throw new IllegalArgumentException("a CPU set must name between 1 and " + MASK_WORDS * 64 + " CPUs, got " + cpus);
        }
        long[] mask = java.util.Arrays.copyOf(cpus.toLongArray(), MASK_WORDS);
        SyscallCounter.record(Syscall.SCHED_SETAFFINITY);
        try {
            Libc.sched_setaffinity(0, mask.length * 8L, mask);
        } catch (LastErrorException e) {
            throw new ErrnoException("sched_setaffinity(cpus=" + cpus + ")", e.getErrorCode());
        }
    }

    /** Pins the calling thread to one CPU; {@code EINVAL} if that CPU is not available to this process. */
    public static void pinCurrentThread(int cpu) {
        if (cpu < 0) {
            throw new IllegalArgumentException("CPU numbers start at 0, got " + cpu);
        }
        BitSet one = new BitSet();
        one.set(cpu);
        allow(one);
    }
    // end::pin[]
}
