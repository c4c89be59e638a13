package chapter01;

/**
 * A C call failed (exercise 1.2). Complete as it is: it builds its message from your
 * {@link Errors#name(int)} and {@link Errors#describe(int)}.
 */
public class CallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    /**
     * @param call  the call with its arguments, as a reader should see it: {@code "close(-1)"}
     * @param errno the error number the call left behind
     */
    public CallFailed(String call, int errno) {
        super(call + " failed: " + Errors.name(errno) + " (" + Errors.describe(errno) + ")");
        this.errno = errno;
    }

    /** The error number. */
    public int errno() {
        return errno;
    }
}
