package org.syncbook.pthread;

import org.syncbook.sys.Errno;

/**
 * {@code ETIMEDOUT}: a timed lock reached its deadline without getting the lock. Thrown by the
 * guard-returning {@link PthreadMutex#lock(long, java.util.concurrent.TimeUnit)}; the
 * {@code tryLock} methods answer {@code false} instead.
 */
public class TimedOutException extends PthreadException {
    private static final long serialVersionUID = 1L;

    public TimedOutException(String call, String detail) {
        super(call, Errno.ETIMEDOUT.code(), detail);
    }
}
