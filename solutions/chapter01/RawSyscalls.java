package chapter01;

import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 1.3 — A system call by number.
 *
 * <p>Goal: skip the C library's wrapper and ask the kernel directly, with the C function
 * {@code long syscall(long number, ...)}. The catch, explained in chapter 1, "System call numbers":
 * the number of a call depends on the processor architecture. Docker on an Apple-silicon Mac runs
 * aarch64 Linux, where {@code getpid} is not 39.
 *
 * <ul>
 *   <li>{@link #number(String, String)}: the number of {@code "getpid"}, {@code "gettid"} and
 *       {@code "sched_yield"} on {@code "x86_64"} and {@code "aarch64"} (look them up in the kernel's
 *       tables: {@code arch/x86/entry/syscalls/syscall_64.tbl} and
 *       {@code include/uapi/asm-generic/unistd.h}). Anything else: {@link IllegalArgumentException}.</li>
 *   <li>{@link #call(String)}: makes that system call, without arguments, on the architecture this
 *       JVM runs on ({@code System.getProperty("os.arch")} says {@code amd64} for x86_64) and returns
 *       what the kernel returned.</li>
 * </ul>
 *
 * <p>JNA's direct mapping cannot declare varargs; declare
 * {@code static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6)}
 * and pass zeros for the arguments you do not use.
 */
public final class RawSyscalls {
    private RawSyscalls() {
    }

    /** The number of {@code syscall} ("getpid", "gettid", "sched_yield") on {@code arch} ("x86_64", "aarch64"). */
    public static int number(String syscall, String arch) {
        // TODO 1.3: the table of numbers for both architectures
        throw new NotDoneYet("1.3");
    }

    /** Makes the system call {@code syscall} without arguments and returns its result. */
    public static long call(String syscall) {
        // TODO 1.3: pick the number for this machine's architecture and call syscall(2) through JNA
        throw new NotDoneYet("1.3");
    }
}
