package org.syncbook.pthread;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.syncbook.sys.PthreadLib.pthread_cond_init;
import static org.syncbook.sys.PthreadLib.pthread_cond_wait;
import static org.syncbook.sys.PthreadLib.pthread_mutex_clocklock;
import static org.syncbook.sys.PthreadLib.pthread_mutex_destroy;
import static org.syncbook.sys.PthreadLib.pthread_mutex_init;
import static org.syncbook.sys.PthreadLib.pthread_mutex_lock;
import static org.syncbook.sys.PthreadLib.pthread_mutex_trylock;
import static org.syncbook.sys.PthreadLib.pthread_mutex_unlock;
import static org.syncbook.sys.PthreadLib.pthread_mutexattr_init;
import static org.syncbook.sys.PthreadLib.pthread_mutexattr_settype;
import static org.syncbook.sys.PthreadLib.pthread_rwlock_destroy;
import static org.syncbook.sys.PthreadLib.pthread_rwlock_init;
import static org.syncbook.sys.PthreadLib.pthread_rwlock_rdlock;
import static org.syncbook.sys.PthreadLib.pthread_rwlock_unlock;
import static org.syncbook.sys.PthreadLib.pthread_rwlock_wrlock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.syncbook.mem.OffHeapBlock;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Clocks;
import org.syncbook.sys.PthreadLib;

/**
 * What glibc itself answers when a pthread object is misused, called raw through {@link PthreadLib}:
 * the facts the wrappers are built on. Where C answers 0 to a mistake (a foreign unlock of a NORMAL
 * mutex, a double unlock of a reader-writer lock) the wrapper must check for itself.
 *
 * <p>The misuse here is the kind that glibc survives: every object is real, initialised memory. These
 * tests document glibc's behaviour (checked with 2.36); a future glibc may answer differently, which
 * is one more reason the wrappers do not rely on C for the checks C does not promise.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = ThreadMode.SEPARATE_THREAD)
class GlibcAnswersTest {
    private static final int EPERM = 1;
    private static final int EBUSY = 16;
    private static final int EINVAL = 22;
    private static final int EDEADLK = 35;
    private static final int ETIMEDOUT = 110;

    /** Every block stays reachable for the whole test: C holds their addresses. */
    private final List<OffHeapBlock> blocks = new ArrayList<>();

    private long block() {
        OffHeapBlock b = OffHeapBlock.allocate(PthreadLayout.BLOCK, PthreadLayout.BLOCK);
        blocks.add(b);
        return b.address();
    }

    private long mutex(int type) {
        long attr = block();
        assertEquals(0, pthread_mutexattr_init(attr));
        assertEquals(0, pthread_mutexattr_settype(attr, type));
        long m = block();
        assertEquals(0, pthread_mutex_init(m, attr));
        return m;
    }

    /** Runs {@code call} on another thread and returns its result: a pthread call as a non-owner. */
    private static int inAnotherThread(Callable<Integer> call) throws Exception {
        return Async.call("other", call).get("a pthread call in another thread");
    }

    @Test
    @DisplayName("ERRORCHECK: relock EDEADLK, foreign unlock EPERM, destroy while locked EBUSY, double unlock EPERM")
    void errorcheck() throws Exception {
        // tag::errorcheck[]
        long m = mutex(PthreadLib.PTHREAD_MUTEX_ERRORCHECK);
        assertEquals(0, pthread_mutex_lock(m));
        assertEquals(EDEADLK, pthread_mutex_lock(m));                          // the owner locks again
        assertEquals(EBUSY, pthread_mutex_trylock(m));                         // trylock just says "taken"
        assertEquals(EPERM, inAnotherThread(() -> pthread_mutex_unlock(m)));   // another thread unlocks
        assertEquals(EBUSY, pthread_mutex_destroy(m));                         // destroy while locked
        assertEquals(0, pthread_mutex_unlock(m));
        assertEquals(EPERM, pthread_mutex_unlock(m));                          // unlock it twice
        // end::errorcheck[]
        assertEquals(0, pthread_mutex_destroy(m));
    }

    @Test
    @DisplayName("NORMAL: a foreign unlock answers 0 and releases the owner's lock; a double unlock answers 0")
    void normal() throws Exception {
        // tag::normal[]
        long m = mutex(PthreadLib.PTHREAD_MUTEX_NORMAL);
        assertEquals(0, pthread_mutex_lock(m));
        assertEquals(EBUSY, pthread_mutex_destroy(m));                         // destroy while locked
        assertEquals(0, inAnotherThread(() -> pthread_mutex_unlock(m)));       // another thread unlocks: "fine"
        assertEquals(0, inAnotherThread(() -> pthread_mutex_trylock(m)));      // ...so a third one gets in
        assertEquals(0, pthread_mutex_unlock(m));                              // the "owner" unlocks it again
        assertEquals(0, pthread_mutex_unlock(m));                              // and again: still "fine"
        assertEquals(EBUSY, pthread_mutex_destroy(m));                         // its user count is now wrong
        // end::normal[]
    }

    @Test
    @DisplayName("timed lock: ETIMEDOUT at the deadline; a bad timespec is EINVAL, but only when it has to wait")
    void timed() throws Exception {
        Assumptions.assumeTrue(PthreadLib.hasClockLock(), "pthread_mutex_clocklock needs glibc 2.30");
        long m = mutex(PthreadLib.PTHREAD_MUTEX_NORMAL);
        long soon = Clocks.monotonicNanos() + 5_000_000;
        long[] deadline = {soon / 1_000_000_000, soon % 1_000_000_000};
        long[] badNanos = {deadline[0], 1_500_000_000}; // tv_nsec must be below 10^9
        int monotonic = Clock.MONOTONIC.id();
        // tag::timed[]
        assertEquals(0, pthread_mutex_clocklock(m, monotonic, badNanos));      // free: not even looked at
        assertEquals(ETIMEDOUT, inAnotherThread(() -> pthread_mutex_clocklock(m, monotonic, deadline)));
        assertEquals(EINVAL, inAnotherThread(() -> pthread_mutex_clocklock(m, monotonic, badNanos)));
        assertEquals(EINVAL, inAnotherThread(() -> pthread_mutex_clocklock(m, Clock.PROCESS_CPUTIME.id(), deadline)));
        // end::timed[]
        assertEquals(0, pthread_mutex_unlock(m));
    }

    @Test
    @DisplayName("condition variable: waiting with an ERRORCHECK mutex one does not hold answers EPERM")
    void condWaitWithoutMutex() {
        long m = mutex(PthreadLib.PTHREAD_MUTEX_ERRORCHECK);
        long c = block();
        assertEquals(0, pthread_cond_init(c, 0));
        assertEquals(EPERM, pthread_cond_wait(c, m));
    }

    @Test
    @DisplayName("reader-writer lock: destroy while held and a double unlock both answer 0")
    void rwlock() {
        // tag::rwlock[]
        long rw = block();
        assertEquals(0, pthread_rwlock_init(rw, 0));
        assertEquals(0, pthread_rwlock_wrlock(rw));
        assertEquals(EDEADLK, pthread_rwlock_wrlock(rw));                      // the writer locks again
        assertEquals(EDEADLK, pthread_rwlock_rdlock(rw));                      // the writer asks to read
        assertEquals(0, pthread_rwlock_destroy(rw));                           // destroy while held: "fine"
        assertEquals(0, pthread_rwlock_init(rw, 0));
        assertEquals(0, pthread_rwlock_rdlock(rw));
        assertEquals(0, pthread_rwlock_unlock(rw));
        assertEquals(0, pthread_rwlock_unlock(rw));                            // unlock twice: "fine"
        // end::rwlock[]
    }
}
