package chapter02;

import org.syncbook.mem.OffHeapBlock;
import org.syncbook.pthread.PthreadLayout;
import org.syncbook.sys.Errno;
import org.syncbook.sys.ErrnoException;
import org.syncbook.sys.PthreadLib;

/** A model solution of exercise 2.2, used by CI to prove the grader says "done" for correct work. */
public final class CheckedMutex implements AutoCloseable {
    private final OffHeapBlock block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
    private final long address = block.address();

    public CheckedMutex() {
        try (OffHeapBlock attr = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK)) {
            long a = attr.address();
            check("pthread_mutexattr_init", PthreadLib.pthread_mutexattr_init(a));
            try {
                check("pthread_mutexattr_settype", PthreadLib.pthread_mutexattr_settype(a, PthreadLib.PTHREAD_MUTEX_ERRORCHECK));
                check("pthread_mutex_init", PthreadLib.pthread_mutex_init(address, a));
            } finally {
                PthreadLib.pthread_mutexattr_destroy(a);
            }
        }
    }

    public void lock() {
        check("pthread_mutex_lock", PthreadLib.pthread_mutex_lock(address));
    }

    public boolean tryLock() {
        int rc = PthreadLib.pthread_mutex_trylock(address);
        if (rc == Errno.EBUSY.code()) {
            return false;
        }
        check("pthread_mutex_trylock", rc);
        return true;
    }

    public void unlock() {
        int rc = PthreadLib.pthread_mutex_unlock(address);
        if (rc == Errno.EPERM.code()) {
            throw new IllegalMonitorStateException("pthread_mutex_unlock failed: EPERM: this thread does not hold the mutex");
        }
        check("pthread_mutex_unlock", rc);
    }

    @Override
    public void close() {
        check("pthread_mutex_destroy", PthreadLib.pthread_mutex_destroy(address));
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw new ErrnoException(call, rc);
        }
    }
}
