package org.syncbook.pthread;

import java.lang.ref.Reference;
import java.util.concurrent.TimeUnit;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Errno;
import org.syncbook.sys.PthreadLib;

/**
 * A pthread mutex in off-heap memory, with guards for try-with-resources.
 *
 * <pre>{@code
 * try (PthreadMutex mutex = new PthreadMutex(MutexType.ERRORCHECK)) {
 *     try (Held held = mutex.lock()) {
 *         // only one thread at a time runs here
 *     }
 * }
 * }</pre>
 *
 * <h2>No misuse crashes the JVM</h2>
 * C leaves most mistakes with a mutex undefined. This wrapper turns each into an exception before
 * C sees it, or maps C's own answer to one:
 * <ul>
 *   <li>The {@code pthread_mutex_t} lives in an {@link OffHeapBlock} whose address never changes and
 *       whose memory is never freed while a thread might still be inside a call.</li>
 *   <li>Any call after {@link #close()}: {@link IllegalStateException}.</li>
 *   <li>{@link #close()} while a thread holds the mutex or waits for it: {@link BusyException}
 *       ({@code EBUSY}); the mutex stays usable.</li>
 *   <li>Unlock by a thread that does not hold it: {@link NotOwnerException} ({@code EPERM}), for every
 *       type; on a {@code NORMAL} mutex C would release another thread's lock.</li>
 *   <li>Lock by the thread that holds it: {@link DeadlockException} ({@code EDEADLK}). glibc says so
 *       for {@code ERRORCHECK}; on a {@code NORMAL} mutex C would hang forever, so the wrapper refuses.
 *       A {@code RECURSIVE} mutex counts the extra hold.</li>
 *   <li>Lock of a mutex whose owner thread has ended: {@link PthreadException} ({@code EOWNERDEAD})
 *       instead of waiting forever (a non-robust mutex stays locked; chapter 10 has robust ones).</li>
 *   <li>A negative timeout: {@link IllegalArgumentException}.</li>
 *   <li>A virtual thread: {@link UnsupportedOperationException} (a pthread mutex belongs to a kernel thread).</li>
 * </ul>
 * The wrapper knows the owner because it records it in Java after each lock, and clears it before
 * each unlock; only the thread that holds the mutex writes that field.
 *
 * <h2>Interrupts</h2>
 * A thread blocked in {@code pthread_mutex_lock} does not notice {@link Thread#interrupt()}: the
 * kernel has it asleep on a futex, and the JVM cannot reach it. {@link #lock()} and the timed
 * methods therefore ignore interrupts, as C does, and leave the interrupt flag as it was.
 * {@link #lockInterruptibly()} waits in slices of {@code pthread_mutex_clocklock} of 20 ms
 * ({@code -Dsyncbook.pthread.interruptCheckMillis}), checks for an interrupt between them and throws
 * {@link InterruptedException}: it notices an interrupt within one slice.
 *
 * <h2>Timeouts</h2>
 * Timed locks wait until an absolute deadline on {@code CLOCK_MONOTONIC} with
 * {@code pthread_mutex_clocklock} (glibc 2.30 and later); on an older glibc, on
 * {@code CLOCK_REALTIME} with {@code pthread_mutex_timedlock}, where setting the system clock
 * shortens or stretches the wait.
 */
public final class PthreadMutex implements AutoCloseable {
    /** Whether timed locks use {@code pthread_mutex_clocklock} on the monotonic clock; tests turn it off to try the fallback. */
    static volatile boolean preferClockLock = PthreadLib.hasClockLock();

    // tag::memory[]
    private final OffHeapBlock block;       // the pthread_mutex_t: 64 bytes that never move // <1>
    private final long address;
    private final MutexType type;
    private final Usage usage = new Usage("mutex"); // who is inside, and whether it is closed
    private volatile Thread owner;          // written only by the thread that holds the mutex // <2>
    private int holds;                      // > 1 only for RECURSIVE; touched only by the owner

    /** A mutex of the given type. */
    public PthreadMutex(MutexType type) {
        PthreadLayout.current(); // fails clearly on a platform whose pthread sizes the workbook does not know
        this.type = type;
        this.block = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
        this.address = block.address();
        try (OffHeapBlock attr = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK)) {
            long a = attr.address();
            check("pthread_mutexattr_init", PthreadLib.pthread_mutexattr_init(a));
            try {
                check("pthread_mutexattr_settype(" + type + ")", PthreadLib.pthread_mutexattr_settype(a, type.value()));
                check("pthread_mutex_init(" + type + ")", PthreadLib.pthread_mutex_init(address, a)); // <3>
            } finally {
                PthreadLib.pthread_mutexattr_destroy(a); // the mutex keeps no reference to its attributes
            }
            Reference.reachabilityFence(attr);
        }
    }
    // end::memory[]

    /** A {@link MutexType#NORMAL} mutex. */
    public PthreadMutex() {
        this(MutexType.NORMAL);
    }

    // tag::lock[]
    /**
     * Locks the mutex, waiting as long as it takes; returns the guard that unlocks it. Ignores
     * interrupts (see the class comment).
     */
    public Held lock() {
        Thread me = beforeLock("pthread_mutex_lock");
        int rc;
        try {
            rc = PthreadLib.pthread_mutex_lock(address);
        } finally {
            Reference.reachabilityFence(this); // the memory must outlive the call // <1>
        }
        afterLock(me, rc, "pthread_mutex_lock");
        return new Guard();
    }

    /** Everything that must be true before C may be asked to lock. */
    private Thread beforeLock(String call) {
        Thread me = Threads.platformThread(call);
        usage.enter(); // throws IllegalStateException after close()
        Thread o = owner;
        if (o == me && type == MutexType.NORMAL) {
            usage.exit();
            throw new DeadlockException(call + "(NORMAL)", "this thread holds the mutex already; a NORMAL mutex "
                    + "would wait for itself forever, so the call was not made (use MutexType.RECURSIVE to lock twice)");
        }
        if (o != null && o != me && !o.isAlive() && owner == o) { // re-read: o may have unlocked just before it ended
            usage.exit();
            throw new PthreadException(call, Errno.EOWNERDEAD.code(), Threads.describe(o) + " ended while holding this "
                    + "mutex, so it stays locked forever and this call would never return");
        }
        return me;
    }

    /** Records the new owner, or undoes {@code beforeLock} if C said no. */
    private void afterLock(Thread me, int rc, String call) {
        if (rc != 0) {
            usage.exit();
            throw error(call, rc);
        }
        owner = me;
        holds++;
    }
    // end::lock[]

    /**
     * Locks the mutex, or throws {@link InterruptedException} if the thread is interrupted first. Waits
     * in slices (see the class comment), so an interrupt is noticed within about 20 ms.
     */
    public Held lockInterruptibly() throws InterruptedException {
        Thread me = beforeLock("pthread_mutex_lock");
        int rc;
        try {
            while (true) {
                if (Thread.interrupted()) {
                    usage.exit();
                    throw new InterruptedException("interrupted while waiting for the mutex");
                }
                rc = timedLock(Deadlines.INTERRUPT_CHECK_NANOS);
                if (rc != Errno.ETIMEDOUT.code()) {
                    break;
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
        afterLock(me, rc, timedCall());
        return new Guard();
    }

    /**
     * Locks the mutex if it can within {@code timeout}; returns the guard.
     *
     * @throws TimedOutException if the deadline passed first ({@code ETIMEDOUT})
     */
    public Held lock(long timeout, TimeUnit unit) {
        long nanos = Deadlines.nanos(timeout, unit);
        if (!tryLock(nanos)) {
            throw new TimedOutException(timedCall(), "did not get the mutex within " + timeout + " "
                    + unit.toString().toLowerCase() + "; " + Threads.describe(owner) + " holds it");
        }
        return new Guard();
    }

    /** Locks the mutex if it is free, without waiting; {@code false} if another thread (or this one) holds it. */
    public boolean tryLock() {
        Thread me = Threads.platformThread("pthread_mutex_trylock");
        usage.enter();
        int rc;
        try {
            rc = PthreadLib.pthread_mutex_trylock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.EBUSY.code()) {
            usage.exit();
            return false;
        }
        afterLock(me, rc, "pthread_mutex_trylock");
        return true;
    }

    /**
     * Locks the mutex if it can within {@code timeout}; {@code false} if the deadline passed first.
     * A timeout of 0 is {@link #tryLock()}. Ignores interrupts.
     */
    public boolean tryLock(long timeout, TimeUnit unit) {
        return tryLock(Deadlines.nanos(timeout, unit));
    }

    private boolean tryLock(long nanos) {
        if (nanos == 0) {
            return tryLock();
        }
        Thread me = beforeLock(timedCall());
        int rc;
        try {
            rc = timedLock(nanos);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc == Errno.ETIMEDOUT.code()) {
            usage.exit();
            return false;
        }
        afterLock(me, rc, timedCall());
        return true;
    }

    // tag::timed[]
    /** One timed lock attempt, {@code nanos} from now: 0, ETIMEDOUT or another error number. */
    private int timedLock(long nanos) {
        if (preferClockLock) { // glibc 2.30+: a deadline on the clock that never jumps
            long[] abstime = Deadlines.timespec(Deadlines.after(Clock.MONOTONIC, nanos));
            return PthreadLib.pthread_mutex_clocklock(address, Clock.MONOTONIC.id(), abstime);
        }
        long[] abstime = Deadlines.timespec(Deadlines.after(Clock.REALTIME, nanos));
        return PthreadLib.pthread_mutex_timedlock(address, abstime);
    }
    // end::timed[]

    private static String timedCall() {
        return preferClockLock ? "pthread_mutex_clocklock(CLOCK_MONOTONIC)" : "pthread_mutex_timedlock(CLOCK_REALTIME)";
    }

    // tag::unlock[]
    /**
     * Unlocks the mutex (one hold of a {@link MutexType#RECURSIVE} one).
     *
     * @throws NotOwnerException if the calling thread does not hold it
     */
    public void unlock() {
        Thread me = Thread.currentThread();
        usage.checkOpen();
        if (owner != me) { // only this thread could have stored itself there, so this test is exact
            throw new NotOwnerException("pthread_mutex_unlock(" + type + ")", notOwner());
        }
        if (--holds == 0) {
            owner = null; // before the C unlock: once it is free, the next owner writes this field
        }
        int rc;
        try {
            rc = PthreadLib.pthread_mutex_unlock(address);
        } finally {
            Reference.reachabilityFence(this);
        }
        if (rc != 0) { // cannot happen for a mutex this thread holds; restore what C still believes
            owner = me;
            holds++;
            throw error("pthread_mutex_unlock", rc);
        }
        usage.exit();
    }
    // end::unlock[]

    private String notOwner() {
        Thread o = owner;
        return o == null ? "the mutex is not locked" : "this thread does not hold the mutex, " + Threads.describe(o) + " does";
    }

    // tag::guard[]
    /** Unlocks once, on the first close; later closes do nothing. */
    private final class Guard implements Held {
        private boolean released; // only the owner reaches the assignment below, so no race

        @Override
        public void close() {
            if (!released) {
                unlock(); // throws NotOwnerException for any other thread, and then nothing changed
                released = true;
            }
        }
    }
    // end::guard[]

    // tag::close[]
    /**
     * Destroys the mutex ({@code pthread_mutex_destroy}); idempotent. The memory goes back to the
     * system once nothing refers to this object any more.
     *
     * @throws BusyException if a thread holds the mutex or waits for it; then nothing changed
     */
    @Override
    public void close() {
        boolean closedNow = usage.close(() -> new BusyException("pthread_mutex_destroy", busy()));
        if (closedNow) {
            int rc = PthreadLib.pthread_mutex_destroy(address); // nobody is inside: usage said so, atomically
            block.close();
            Reference.reachabilityFence(this);
            if (rc != 0) {
                throw error("pthread_mutex_destroy", rc);
            }
        }
    }
    // end::close[]

    /** How many threads hold this lock or wait for it now (a snapshot; for tests). */
    int users() {
        return usage.users();
    }

    /** Who uses the mutex, in words, for {@link BusyException}. */
    private String busy() {
        Thread o = owner;
        int users = usage.users();
        if (o == null) {
            return users + " thread(s) wait for this mutex, or on a condition variable with it; let them finish before close()";
        }
        return Threads.describe(o) + " holds this mutex" + (users > 1 ? " and " + (users - 1) + " other thread(s) wait for it" : "")
                + "; unlock it before close()";
    }

    /** Whether {@link #close()} has run. */
    public boolean isClosed() {
        return usage.isClosed();
    }

    /** Whether the calling thread holds this mutex. */
    public boolean isHeldByCurrentThread() {
        return owner == Thread.currentThread();
    }

    /** The thread that holds the mutex now, or {@code null}; a snapshot, for messages and tests. */
    public Thread owner() {
        return owner;
    }

    /** How many times the calling thread holds this mutex (more than once only if RECURSIVE). */
    public int holdCount() {
        return owner == Thread.currentThread() ? holds : 0;
    }

    public MutexType type() {
        return type;
    }

    /**
     * A condition variable to use with this mutex, on the monotonic clock. Close it before this mutex.
     */
    public PthreadCond newCondition() {
        return new PthreadCond(this);
    }

    // Used by PthreadCond: a wait releases the mutex in C and takes it back before returning.

    /** The address of the pthread_mutex_t, for pthread_cond_wait. The caller holds the mutex. */
    long address() {
        return address;
    }

    /** Checks that the caller may wait with this mutex, and forgets it as the owner for the wait. */
    void beforeWait(String call) {
        checkCanWait(call);
        holds = 0;
        owner = null; // before C releases it
    }

    /** Throws unless the calling thread holds this mutex exactly once. */
    void checkCanWait(String call) {
        Thread me = Threads.platformThread(call);
        usage.checkOpen();
        if (owner != me) {
            throw new NotOwnerException(call, "a thread must hold the mutex to wait on a condition variable, and "
                    + notOwner());
        }
        if (holds > 1) {
            throw new IllegalMonitorStateException(call + ": this thread holds the RECURSIVE mutex " + holds
                    + " times; pthread_cond_wait would release only one hold and sleep with the mutex locked. "
                    + "Unlock down to one hold before waiting");
        }
    }

    /** The waiting thread holds the mutex again. */
    void afterWait() {
        owner = Thread.currentThread();
        holds = 1;
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw error(call, rc);
        }
    }

    /** The named exception for a pthread error number. */
    static RuntimeException error(String call, int rc) {
        if (rc == Errno.EBUSY.code()) {
            return new BusyException(call, "");
        } else if (rc == Errno.EDEADLK.code()) {
            return new DeadlockException(call, "the calling thread holds this lock already");
        } else if (rc == Errno.ETIMEDOUT.code()) {
            return new TimedOutException(call, "");
        } else if (rc == Errno.EPERM.code()) {
            return new NotOwnerException(call, "the calling thread does not hold this lock");
        }
        return new PthreadException(call, rc, "");
    }

    @Override
    public String toString() {
        return "PthreadMutex[" + type + (isClosed() ? ", closed" : ", held by " + Threads.describe(owner)) + "]";
    }
}
