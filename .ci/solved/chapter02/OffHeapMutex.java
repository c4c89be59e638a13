package chapter02;

import org.syncbook.mem.OffHeapBlock;
import org.syncbook.pthread.Held;
import org.syncbook.pthread.PthreadLayout;
import org.syncbook.sys.ErrnoException;
import org.syncbook.sys.PthreadLib;

/** A model solution of exercise 2.1, used by CI to prove the grader says "done" for correct work. */
public final class OffHeapMutex implements AutoCloseable {
    private final OffHeapBlock block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
    private final long address = block.address();
    private volatile boolean closed;

    public OffHeapMutex() {
        check("pthread_mutex_init", PthreadLib.pthread_mutex_init(address, 0));
    }

    public Held lock() {
        if (closed) {
            throw new IllegalStateException("this mutex was closed");
        }
        check("pthread_mutex_lock", PthreadLib.pthread_mutex_lock(address));
        return new Held() {
            private boolean released;

            @Override
            public void close() {
                if (!released) {
                    check("pthread_mutex_unlock", PthreadLib.pthread_mutex_unlock(address));
                    released = true;
                }
            }
        };
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        check("pthread_mutex_destroy", PthreadLib.pthread_mutex_destroy(address));
        closed = true;
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw new ErrnoException(call, rc);
        }
    }
}
