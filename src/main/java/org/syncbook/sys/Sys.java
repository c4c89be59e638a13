package org.syncbook.sys;

import com.sun.jna.LastErrorException;
import java.util.Arrays;

/**
 * Process and thread identity, raw system calls and {@code sched_yield}: the entry point of the
 * {@code sys} layer. Every method here either succeeds or throws an {@link ErrnoException} that
 * names the call, its arguments and the error; none returns C's {@code -1}.
 */
public final class Sys {
    private static final long[] NO_ARGS = new long[0];

    private Sys() {
    }

    /** The process id, as {@code getpid(2)} and {@link ProcessHandle#pid()} see it. */
    public static int pid() {
        SyscallCounter.record(Syscall.GETPID);
        return Libc.getpid();
    }

    /**
     * The kernel's id of the calling thread ({@code gettid(2)}): what {@code top -H}, {@code /proc/self/task}
     * and futex owner fields use. Not {@link Thread#getId()}, which the JVM numbers on its own.
     */
    // tag::tid[]
    public static int tid() {
        return (int) syscall(Syscall.GETTID);
    }
    // end::tid[]

    /**
     * Makes the system call {@code call} with up to six arguments and returns its result.
     *
     * @throws ErrnoException if the kernel returned an error; the message names the call and
     *                        its arguments, e.g. {@code "futex(140737, 128, 0) failed: EAGAIN (...)"}
     */
    // tag::syscall[]
    public static long syscall(Syscall call, long... args) {
        if (args.length > 6) {
            throw new IllegalArgumentException(call + " takes at most 6 arguments, got " + args.length);
        }
        long[] a = Arrays.copyOf(args, 6); // the unused argument registers are passed as 0
        SyscallCounter.record(call);
        try {
            return Libc.syscall(call.number(), a[0], a[1], a[2], a[3], a[4], a[5]);
        } catch (LastErrorException e) {
            throw new ErrnoException(describe(call, args), e.getErrorCode());
        }
    }
    // end::syscall[]

    /** {@link #syscall(Syscall, long...)} without arguments. */
    public static long syscall(Syscall call) {
        return syscall(call, NO_ARGS);
    }

    /**
     * Gives the CPU to another runnable thread, if there is one ({@code sched_yield(2)}).
     * Returns at once when nothing else wants this CPU: yielding is not sleeping.
     */
    public static void yieldCpu() {
        SyscallCounter.record(Syscall.SCHED_YIELD);
        Libc.sched_yield(); // cannot fail on Linux
    }

    // tag::close[]
    /** Closes a file descriptor; here mainly to show what a failing call looks like. */
    public static void close(int fd) {
        try {
            Libc.close(fd);
        } catch (LastErrorException e) {
            throw new ErrnoException("close(" + fd + ")", e.getErrorCode());
        }
    }
    // end::close[]

    static String describe(Syscall call, long... args) {
        StringBuilder text = new StringBuilder(call.name().toLowerCase()).append('(');
        for (int i = 0; i < args.length; i++) {
            text.append(i == 0 ? "" : ", ").append(args[i]);
        }
        return text.append(')').toString();
    }
}
