package org.syncbook.pthread;

import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Errno;
import org.syncbook.sys.PthreadLib;

/**
 * A pthread reader-writer lock in off-heap memory: many readers at a time, or one writer.
 *
 * <pre>{@code
 * try (Held reading = rw.readLock()) { ... }   // shared with other readers
 * try (Held writing = rw.writeLock()) { ... }  // alone
 * }</pre>
 *
 * <p>glibc's default kind ({@code PTHREAD_RWLOCK_PREFER_READER_NP}) lets a new reader in while a
 * writer waits, so a steady stream of readers can keep a writer out for ever. Chapter 6 measures that
 * and builds locks that do better.
 *
 * <h2>No misuse crashes the JVM</h2>
 * glibc checks almost nothing here: unlocking a reader-writer lock you do not hold returns 0 and
 * corrupts its counts, and {@code pthread_rwlock_destroy} of a held lock returns 0 too. So the wrapper
 * keeps count itself, the writer in a field and each thread's read holds in a {@link ThreadLocal}:
 * <ul>
 *   <li>{@link #unlock()} by a thread that holds neither: {@link NotOwnerException}.</li>
 *   <li>{@link #writeLock()} by the writer, or by a thread that holds a read lock (an "upgrade", which
 *       would wait for itself forever), and {@link #readLock()} by the writer: {@link DeadlockException}.</li>
 *   <li>{@link #close()} while held or waited for: {@link BusyException}; after close: {@link IllegalStateException}.</li>
 * </ul>
 * A thread may take the read lock more than once (glibc's default kind allows it), and must unlock as
 * often. Blocking calls ignore interrupts, as C does; use the timed {@code try} methods to bound a wait.
 */
public final class PthreadRwLock implements AutoCloseable {
    private final OffHeapBlock block;
    private final long address;
    private final Usage usage = new Usage("reader-writer lock");
    private volatile Thread writer;
    private final ThreadLocal<int[]> readHolds = ThreadLocal.withInitial(() -> new int[1]);

    public PthreadRwLock() {
        PthreadLayout.current();
        this.block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
        this.address = block.address();
        try (OffHeapBlock attr = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK)) {
            long a = attr.address();
            check("pthread_rwlockattr_init", PthreadLib.pthread_rwlockattr_init(a));
            try {
                check("pthread_rwlock_init", PthreadLib.pthread_rwlock_init(address, a));
            } finally {
                PthreadLib.pthread_rwlockattr_destroy(a);
            }
            Reference.reachabilityFence(attr);
        }
    }

    /** Takes the read lock, waiting while a writer holds it; returns the guard. */
    public Held readLock() {
        Thread me = beforeRead("pthread_rwlock_rdlock");
        int rc;
        try {
            rc = PthreadLib.pthread_rwlock_rdlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        afterRead(me, rc, "pthread_rwlock_rdlock");
        return new Guard();
    }

    /** Takes the write lock, waiting while anyone else holds the lock; returns the guard. */
    public Held writeLock() {
        Thread me = beforeWrite("pthread_rwlock_wrlock");
        int rc;
        try {
            rc = PthreadLib.pthread_rwlock_wrlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        afterWrite(me, rc, "pthread_rwlock_wrlock");
        return new Guard();
    }

    /** Takes the read lock if no writer holds it; never waits. */
    public boolean tryReadLock() {
        Thread me = Threads.platformThread("pthread_rwlock_tryrdlock");
        usage.enter();
        int rc;
        try {
            rc = PthreadLib.pthread_rwlock_tryrdlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.EBUSY.code()) {
            usage.exit();
            return false;
        }
        afterRead(me, rc, "pthread_rwlock_tryrdlock");
        return true;
    }

    /** Takes the write lock if nobody holds the lock; never waits. */
    public boolean tryWriteLock() {
        Thread me = Threads.platformThread("pthread_rwlock_trywrlock");
        usage.enter();
        int rc;
        try {
            rc = PthreadLib.pthread_rwlock_trywrlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.EBUSY.code()) {
            usage.exit();
            return false;
        }
        afterWrite(me, rc, "pthread_rwlock_trywrlock");
        return true;
    }

    /** Takes the read lock if it can within {@code timeout}; {@code false} if the deadline passed first. */
    public boolean tryReadLock(long timeout, TimeUnit unit) {
        long nanos = Deadlines.nanos(timeout, unit);
        if (nanos == 0) {
            return tryReadLock();
        }
        boolean clock = PthreadMutex.preferClockLock;
        String call = clock ? "pthread_rwlock_clockrdlock" : "pthread_rwlock_timedrdlock";
        Thread me = beforeRead(call);
        int rc;
        try {
            rc = clock ? PthreadLib.pthread_rwlock_clockrdlock(address, Clock.MONOTONIC.id(), monotonicDeadline(nanos))
                    : PthreadLib.pthread_rwlock_timedrdlock(address, Deadlines.timespec(Deadlines.after(Clock.REALTIME, nanos)));
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.ETIMEDOUT.code()) {
            usage.exit();
            return false;
        }
        afterRead(me, rc, call);
        return true;
    }

    /** Takes the write lock if it can within {@code timeout}; {@code false} if the deadline passed first. */
    public boolean tryWriteLock(long timeout, TimeUnit unit) {
        long nanos = Deadlines.nanos(timeout, unit);
        if (nanos == 0) {
            return tryWriteLock();
        }
        boolean clock = PthreadMutex.preferClockLock;
        String call = clock ? "pthread_rwlock_clockwrlock" : "pthread_rwlock_timedwrlock";
        Thread me = beforeWrite(call);
        int rc;
        try {
            rc = clock ? PthreadLib.pthread_rwlock_clockwrlock(address, Clock.MONOTONIC.id(), monotonicDeadline(nanos))
                    : PthreadLib.pthread_rwlock_timedwrlock(address, Deadlines.timespec(Deadlines.after(Clock.REALTIME, nanos)));
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.ETIMEDOUT.code()) {
            usage.exit();
            return false;
        }
        afterWrite(me, rc, call);
        return true;
    }

    private static long[] monotonicDeadline(long nanos) {
        return Deadlines.timespec(Deadlines.after(Clock.MONOTONIC, nanos));
    }

    private Thread beforeRead(String call) {
        Thread me = Threads.platformThread(call);
        usage.enter();
        if (writer == me) {
            usage.exit();
            throw new DeadlockException(call, "this thread holds the write lock; unlock it before taking the read lock");
        }
        return me;
    }

    private Thread beforeWrite(String call) {
        Thread me = Threads.platformThread(call);
        usage.enter();
        if (writer == me) {
            usage.exit();
            throw new DeadlockException(call, "this thread holds the write lock already");
        }
        if (readHolds.get()[0] > 0) {
            usage.exit();
            throw new DeadlockException(call, "this thread holds the read lock, so it would wait for itself for ever; "
                    + "unlock the read lock first (a pthread rwlock cannot upgrade; chapter 6 builds one that can)");
        }
        return me;
    }

    private void afterRead(Thread me, int rc, String call) {
        if (rc != 0) {
            usage.exit();
            throw PthreadMutex.error(call, rc);
        }
        readHolds.get()[0]++;
    }

    private void afterWrite(Thread me, int rc, String call) {
        if (rc != 0) {
            usage.exit();
            throw PthreadMutex.error(call, rc);
        }
        writer = me;
    }

    /**
     * Releases the write lock, if this thread holds it, or one read hold.
     *
     * @throws NotOwnerException if this thread holds neither
     */
    public void unlock() {
        Thread me = Thread.currentThread();
        usage.checkOpen();
        int[] reads = readHolds.get();
        if (writer == me) {
            writer = null;
        } else if (reads[0] > 0) {
            reads[0]--;
        } else {
            throw new NotOwnerException("pthread_rwlock_unlock", "this thread holds neither the read nor the write lock"
                    + (writer != null ? "; " + Threads.describe(writer) + " holds the write lock" : ""));
        }
        int rc;
        try {
            rc = PthreadLib.pthread_rwlock_unlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        usage.exit();
        if (rc != 0) {
            throw PthreadMutex.error("pthread_rwlock_unlock", rc);
        }
    }

    /** Unlocks once, on the first close; later closes do nothing. */
    private final class Guard implements Held {
        private boolean released;

        @Override
        public void close() {
            if (!released) {
                unlock();
                released = true;
            }
        }
    }

    /** How many threads hold this lock or wait for it now (a snapshot; for tests). */
    int users() {
        return usage.users();
    }

    /** Whether the calling thread holds the write lock. */
    public boolean isWriteLockedByCurrentThread() {
        return writer == Thread.currentThread();
    }

    /** How many read holds the calling thread has. */
    public int readHoldCount() {
        return readHolds.get()[0];
    }

    /**
     * Destroys the lock ({@code pthread_rwlock_destroy}); idempotent.
     *
     * @throws BusyException if a thread holds the lock or waits for it; then nothing changed
     */
    @Override
    public void close() {
        boolean closedNow = usage.close(() -> new BusyException("pthread_rwlock_destroy", usage.users()
                + " thread(s) hold this reader-writer lock or wait for it"
                + (writer != null ? " (" + Threads.describe(writer) + " holds the write lock)" : "")
                + "; unlock it before close()"));
        if (closedNow) {
            int rc = PthreadLib.pthread_rwlock_destroy(address);
            block.close();
            Reference.reachabilityFence(this);
            check("pthread_rwlock_destroy", rc);
        }
    }

    public boolean isClosed() {
        return usage.isClosed();
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw PthreadMutex.error(call, rc);
        }
    }

    @Override
    public String toString() {
        return "PthreadRwLock[" + (isClosed() ? "closed" : usage.users() + " holding or waiting"
                + (writer != null ? ", written by " + Threads.describe(writer) : "")) + "]";
    }
}
