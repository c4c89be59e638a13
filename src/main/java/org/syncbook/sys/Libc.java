package org.syncbook.sys;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The C library, bound with JNA's <em>direct mapping</em>: each {@code native} method below is
 * linked once, when this class loads, straight to the C function of the same name.
 *
 * <p>Direct mapping is the fast way to call C from JNA: no proxy, no reflection and no boxing per
 * call, which chapter 1 measures against the {@link CLibrary interface mapping}. Its limits are
 * that arguments are primitives, primitive arrays, {@code String}s or JNA types, and that varargs
 * cannot be declared: {@link #syscall} therefore takes all six argument registers explicitly,
 * which is how the kernel receives them anyway.
 *
 * <p>A method that {@code throws LastErrorException} has JNA clear {@code errno} before the call
 * and throw if the call left it non-zero. The rest of the library never lets that exception
 * escape: {@link Sys} turns it into an {@link ErrnoException} that names the call and the error.
 * Use {@link Sys}, not this class, unless you are measuring the binding itself.
 */
// tag::direct[]
public final class Libc {
    static {
        Native.register(Platform.C_LIBRARY_NAME); // links every native method of this class
    }

    public static native int getpid();

    public static native long syscall(long number, long a1, long a2, long a3,
                                      long a4, long a5, long a6) throws LastErrorException;
    // end::direct[]

    public static native int sched_yield();

    public static native int sched_getcpu() throws LastErrorException;

    /** {@code ts} receives {@code struct timespec}: seconds, then nanoseconds (64-bit ABIs). */
    public static native int clock_gettime(int clockId, long[] ts) throws LastErrorException;

    public static native int sched_setaffinity(int pid, long cpusetsize, long[] mask) throws LastErrorException;

    public static native int sched_getaffinity(int pid, long cpusetsize, long[] mask) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    public static native String strerror(int errnum);

    private Libc() {
    }
}
