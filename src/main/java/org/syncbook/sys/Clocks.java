package org.syncbook.sys;

import com.sun.jna.LastErrorException;

/**
 * Reads the kernel's clocks with {@code clock_gettime(2)}. {@link #read(Clock)} is what
 * {@link System#nanoTime()} does for {@link Clock#MONOTONIC} on Linux, minus the JVM's intrinsic;
 * {@link #threadCpuNanos()} is how chapter 1 tells a sleeping waiter from a spinning one.
 *
 * <p>{@code clock_gettime} is usually served by the vDSO, without entering the kernel, so it is
 * not counted by {@link SyscallCounter}.
 */
public final class Clocks {
    private Clocks() {
    }

    // tag::read[]
    /** The clock's current value in nanoseconds. */
    public static long read(Clock clock) {
        long[] timespec = new long[2]; // struct timespec { time_t tv_sec; long tv_nsec; } on 64-bit Linux
        try {
            Libc.clock_gettime(clock.id(), timespec);
        } catch (LastErrorException e) {
            throw new ErrnoException("clock_gettime(" + clock + ")", e.getErrorCode());
        }
        return timespec[0] * 1_000_000_000L + timespec[1];
    }
    // end::read[]

    /** {@link Clock#MONOTONIC} in nanoseconds: comparable with {@link System#nanoTime()} on Linux. */
    public static long monotonicNanos() {
        return read(Clock.MONOTONIC);
    }

    /** CPU time the calling thread has consumed, in nanoseconds. */
    public static long threadCpuNanos() {
        return read(Clock.THREAD_CPUTIME);
    }
}
