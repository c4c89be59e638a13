package org.syncbook.pthread;

import org.syncbook.sys.ErrnoException;

/**
 * A pthread call failed, or the wrapper refused to make a call that C would answer with an error
 * (or with undefined behaviour). Says which call, which error by name, and what it means here:
 * {@code "pthread_mutex_destroy failed: EBUSY (Device or resource busy): thread 'worker' holds
 * this mutex; unlock it before close()"}.
 *
 * <p>The errors a learner meets most have subclasses named after them: {@link BusyException}
 * ({@code EBUSY}), {@link DeadlockException} ({@code EDEADLK}) and {@link TimedOutException}
 * ({@code ETIMEDOUT}). {@code EPERM}, unlocking what you do not hold, is a
 * {@link NotOwnerException}, an {@link IllegalMonitorStateException} as everywhere else in Java.
 */
public class PthreadException extends ErrnoException {
    private static final long serialVersionUID = 1L;

    private final String detail;

    /**
     * @param call   the call as a reader should see it, e.g. {@code "pthread_mutex_lock(ERRORCHECK)"}
     * @param errno  the error the call returned, or would have returned
     * @param detail what it means here, in words; may be empty
     */
    public PthreadException(String call, int errno, String detail) {
        super(call, errno);
        this.detail = detail == null ? "" : detail;
    }

    /** What the error means for this object, in words. */
    public String detail() {
        return detail;
    }

    @Override
    public String getMessage() {
        return detail.isEmpty() ? super.getMessage() : super.getMessage() + ": " + detail;
    }
}
