package org.syncbook.pthread;

import org.syncbook.sys.Errno;

/**
 * {@code EPERM}: the calling thread tried to unlock (or wait with) a lock it does not hold.
 *
 * <p>An {@link IllegalMonitorStateException}, which is what Java throws for the same mistake with a
 * monitor or a {@link java.util.concurrent.locks.ReentrantLock}. glibc answers {@code EPERM} for an
 * {@link MutexType#ERRORCHECK} or {@link MutexType#RECURSIVE} mutex; for a {@link MutexType#NORMAL}
 * one the unlock would be undefined behaviour in C (glibc just releases the lock, under its owner's
 * feet), so the wrapper checks the owner itself and never makes that call.
 */
public class NotOwnerException extends IllegalMonitorStateException {
    private static final long serialVersionUID = 1L;

    private final String call;

    /**
     * @param call   the call that was refused, e.g. {@code "pthread_mutex_unlock(NORMAL)"}
     * @param detail who holds the lock instead, in words
     */
    public NotOwnerException(String call, String detail) {
        super(call + " failed: EPERM (" + Errno.EPERM.description() + "): " + detail);
        this.call = call;
    }

    /** {@link Errno#EPERM}'s number, as for an {@link org.syncbook.sys.ErrnoException}. */
    public int errno() {
        return Errno.EPERM.code();
    }

    /** Always {@link Errno#EPERM}. */
    public Errno error() {
        return Errno.EPERM;
    }

    /** The call that was refused. */
    public String call() {
        return call;
    }
}
