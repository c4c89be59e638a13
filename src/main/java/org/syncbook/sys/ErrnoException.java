package org.syncbook.sys;

/**
 * A system call failed. Says which call, with which arguments, and which error, by name:
 * {@code "futex(FUTEX_WAIT, expected=0) failed: EAGAIN (Resource temporarily unavailable)"}.
 *
 * <p>Unchecked, like {@link java.io.UncheckedIOException}: most callers cannot recover, and
 * the few that can (a futex wait that returns {@code EAGAIN}) catch it by {@link #error()}.
 */
public class ErrnoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;
    private final String call;

    // tag::message[]
    /**
     * @param call  the call as the reader should see it, with its interesting arguments,
     *              e.g. {@code "sched_setaffinity(cpu=3)"}
     * @param errno the error number the call left behind
     */
    public ErrnoException(String call, int errno) {
        super(call + " failed: " + Errno.nameOf(errno) + " (" + Errno.describe(errno) + ")");
        this.call = call;
        this.errno = errno;
    }
    // end::message[]

    /** The raw error number. */
    public int errno() {
        return errno;
    }

    /** The named error, or {@code null} for a number {@link Errno} does not name. */
    public Errno error() {
        return Errno.of(errno);
    }

    /** {@code true} if this failure is the given error. */
    public boolean is(Errno e) {
        return errno == e.code();
    }

    /** The call that failed, with its arguments. */
    public String call() {
        return call;
    }
}
