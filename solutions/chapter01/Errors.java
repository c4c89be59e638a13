package chapter01;

import org.syncbook.workbook.NotDoneYet;

/**
 * Exercise 1.2 — Errors with names.
 *
 * <p>Goal: a failed C call should say what failed and why, in words: not {@code -1}, not
 * "errno 9", but {@code "close(-1) failed: EBADF (Bad file descriptor)"}. Chapter 1, "When a call
 * fails: errno", explains where the number comes from and how JNA hands it over.
 *
 * <ul>
 *   <li>{@link #name(int)}: the symbolic name of an error number, for at least EPERM, ENOENT,
 *       EINTR, EBADF, EAGAIN, ENOMEM, EFAULT, EBUSY, EINVAL, EDEADLK, ENOSYS, ETIMEDOUT and
 *       EOWNERDEAD (their numbers are in {@code man 3 errno}, or in
 *       {@code /usr/include/asm-generic/errno-base.h} and {@code errno.h}); {@code "errno N"} for a
 *       number you do not name. Never throws.</li>
 *   <li>{@link #describe(int)}: the C library's own text for the number, from {@code strerror(3)}
 *       (bind it with JNA: it returns a {@code String}).</li>
 *   <li>{@link #close(int)}: calls {@code close(2)} through JNA; when it fails, throws
 *       {@link CallFailed} with the error number it left behind. Declare the native method with
 *       {@code throws LastErrorException} and JNA will hand you that number.</li>
 * </ul>
 */
public final class Errors {
    private Errors() {
    }

    /** {@code "EAGAIN"} for 11, {@code "errno 4242"} for a number you do not know. */
    public static String name(int errno) {
        // TODO 1.2: map error numbers to their names
        throw new NotDoneYet("1.2");
    }

    /** The C library's description of {@code errno}, e.g. "No such file or directory" for 2. */
    public static String describe(int errno) {
        // TODO 1.2: bind strerror(3) with JNA and call it
        throw new NotDoneYet("1.2");
    }

    /** Closes {@code fd}; throws {@link CallFailed} naming the error if {@code close(2)} fails. */
    public static void close(int fd) {
        // TODO 1.2: bind close(2) with JNA; turn its failure into a CallFailed
        throw new NotDoneYet("1.2");
    }
}
