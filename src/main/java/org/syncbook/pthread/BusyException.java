package org.syncbook.pthread;

import org.syncbook.sys.Errno;

/**
 * {@code EBUSY}: the object is in use. Thrown by {@code close()} of a mutex that is locked or waited
 * for, of a condition variable with waiters, of a reader-writer lock that is held. The object stays
 * open and usable; close it again once nobody uses it.
 */
public class BusyException extends PthreadException {
    private static final long serialVersionUID = 1L;

    public BusyException(String call, String detail) {
        super(call, Errno.EBUSY.code(), detail);
    }
}
