package org.syncbook.pthread;

import org.syncbook.sys.Errno;

/**
 * {@code EDEADLK}: the calling thread asked for a lock that it holds itself, so it would wait for
 * itself forever. glibc answers so for an {@link MutexType#ERRORCHECK} mutex; for a
 * {@link MutexType#NORMAL} one, where C would simply hang, the wrapper refuses the call with the
 * same error before it is made.
 */
public class DeadlockException extends PthreadException {
    private static final long serialVersionUID = 1L;

    public DeadlockException(String call, String detail) {
        super(call, Errno.EDEADLK.code(), detail);
    }
}
