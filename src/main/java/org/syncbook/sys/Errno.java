package org.syncbook.sys;

import java.util.HashMap;
import java.util.Map;

/**
 * The error numbers a Linux system call can leave in {@code errno}, by name.
 *
 * <p>x86_64 and aarch64 both use the kernel's generic numbering
 * ({@code include/uapi/asm-generic/errno-base.h} and {@code errno.h}), so one table serves both.
 * Only the numbers live here; the human-readable text comes from the C library at run time
 * ({@link #description()}, through {@code strerror(3)}), so it is the same text {@code perror}
 * would print. Numbers the table does not name still work: see {@link #nameOf(int)}.
 */
// tag::names[]
public enum Errno {
    EPERM(1), ENOENT(2), ESRCH(3), EINTR(4), EIO(5), ENXIO(6), E2BIG(7), ENOEXEC(8),
    EBADF(9), ECHILD(10), EAGAIN(11), ENOMEM(12), EACCES(13), EFAULT(14), ENOTBLK(15),
    EBUSY(16), EEXIST(17), EXDEV(18), ENODEV(19), ENOTDIR(20), EISDIR(21), EINVAL(22),
    ENFILE(23), EMFILE(24), ENOTTY(25), ETXTBSY(26), EFBIG(27), ENOSPC(28), ESPIPE(29),
    EROFS(30), EMLINK(31), EPIPE(32), EDOM(33), ERANGE(34), EDEADLK(35), ENAMETOOLONG(36),
    ENOLCK(37), ENOSYS(38), ENOTEMPTY(39), ELOOP(40), ENOMSG(42), EIDRM(43), ENODATA(61),
    ETIME(62), EPROTO(71), EOVERFLOW(75), EILSEQ(84), ENOTSOCK(88), EOPNOTSUPP(95),
    EADDRINUSE(98), ECONNRESET(104), ETIMEDOUT(110), ECONNREFUSED(111), EALREADY(114),
    EINPROGRESS(115), ECANCELED(125), EOWNERDEAD(130), ENOTRECOVERABLE(131);
    // end::names[]

    private static final Map<Integer, Errno> BY_CODE = new HashMap<>();

    static {
        for (Errno e : values()) {
            BY_CODE.put(e.code, e);
        }
    }

    private final int code;

    Errno(int code) {
        this.code = code;
    }

    /** The number the kernel returns (negated) and the C library stores in {@code errno}. */
    public int code() {
        return code;
    }

    /** The C library's description, e.g. "Resource temporarily unavailable" for {@link #EAGAIN}. */
    public String description() {
        return describe(code);
    }

    /** The named error for {@code code}, or {@code null} if this table does not name it. */
    public static Errno of(int code) {
        return BY_CODE.get(code);
    }

    /** {@code "EAGAIN"} for 11; {@code "errno 200"} for a number the table does not name. */
    public static String nameOf(int code) {
        Errno e = of(code);
        return e != null ? e.name() : "errno " + code;
    }

    /** The C library's text for any error number (never null). */
    public static String describe(int code) {
        String text = Libc.strerror(code);
        return text != null ? text : "Unknown error " + code;
    }
}
