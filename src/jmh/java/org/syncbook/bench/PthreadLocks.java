package org.syncbook.bench;

import java.util.concurrent.locks.ReentrantLock;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.pthread.Held;
import org.syncbook.pthread.PthreadLayout;
import org.syncbook.pthread.PthreadMutex;
import org.syncbook.sys.PthreadLib;

/** The four locks chapter 2 compares, each guarding one increment of its own counter. */
final class PthreadLocks {
    private PthreadLocks() {
    }

    static Subject create(String name) {
        switch (name) {
            case "PthreadMutex": return new Wrapped();
            case "PthreadRaw": return new Raw();
            case "ReentrantLock": return Subject.lockedBy(new ReentrantLock());
            case "synchronized": return Subject.synchronizedOnAMonitor();
            default: throw new IllegalArgumentException(
                    "unknown lock " + name + "; use PthreadMutex, PthreadRaw, ReentrantLock or synchronized");
        }
    }

    static final class Wrapped extends Subject {
        private final PthreadMutex mutex = new PthreadMutex();

        @Override
        long increment() {
            try (Held held = mutex.lock()) {
                return ++counter;
            }
        }

        @Override
        void close() {
            mutex.close();
        }
    }

    static final class Raw extends Subject {
        private final OffHeapBlock block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
        private final long address = block.address();

        Raw() {
            check(PthreadLib.pthread_mutex_init(address, 0));
        }

        @Override
        long increment() {
            check(PthreadLib.pthread_mutex_lock(address));
            long n = ++counter;
            check(PthreadLib.pthread_mutex_unlock(address));
            return n;
        }

        private static void check(int rc) {
            if (rc != 0) {
                throw new IllegalStateException("pthread call failed with " + rc);
            }
        }

        @Override
        void close() {
            PthreadLib.pthread_mutex_destroy(address);
        }
    }
}
