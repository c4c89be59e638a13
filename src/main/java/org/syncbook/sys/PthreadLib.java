package org.syncbook.sys;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;

/**
 * The POSIX threads functions of the C library, bound with JNA's direct mapping, raw.
 *
 * <p>Every pthread object is passed by its <em>address</em>, a {@code long}: the address of memory
 * that must not move for as long as the object lives (an {@code OffHeapBlock}, never a Java array,
 * see {@link HeapArrayMutex} for why). On the two 64-bit ABIs the workbook runs on (x86_64 and
 * aarch64) a pointer and a {@code long} travel in the same register, so this is exactly the C call.
 *
 * <p>Unlike the system-call wrappers of {@link Libc}, the pthread functions do not use
 * {@code errno}: each returns 0 on success or the error number itself ({@code EBUSY},
 * {@code EDEADLK}, {@code EPERM}, {@code ETIMEDOUT}...), as POSIX specifies. So nothing here
 * throws; the {@code org.syncbook.pthread} layer turns the numbers into exceptions that name them.
 * An absolute deadline ({@code const struct timespec *abstime}) is a {@code long[2]}: seconds,
 * then nanoseconds. JNA copies the array into native memory for the duration of the call, which is
 * fine for an argument the function only reads during the call.
 *
 * <p>Calling these with an address that is not a live, initialised object of the right type is
 * undefined behaviour in C, and can crash the JVM. Use {@code org.syncbook.pthread}, which cannot
 * be misused that way, unless you are writing the chapter 2 exercises.
 *
 * <p>Since glibc 2.34 the pthread functions live in {@code libc.so.6}; before, most of them lived in
 * {@code libpthread.so.0}. {@link #library()} finds them in either. The {@code clock} variants
 * ({@code pthread_mutex_clocklock}, ...) appeared in glibc 2.30; {@link #hasClockLock()} says whether
 * this C library has them.
 */
// tag::binding[]
public final class PthreadLib {
    static {
        Native.register(PthreadLib.class, library()); // links every native method below, once
    }

    public static native int pthread_mutexattr_init(long attr);
    public static native int pthread_mutexattr_settype(long attr, int type);
    public static native int pthread_mutexattr_destroy(long attr);

    public static native int pthread_mutex_init(long mutex, long attr);
    public static native int pthread_mutex_lock(long mutex);
    public static native int pthread_mutex_trylock(long mutex);
    public static native int pthread_mutex_unlock(long mutex);
    public static native int pthread_mutex_destroy(long mutex);
    // end::binding[]

    /** Locks {@code mutex} or gives up at {@code abstime}, measured on {@code CLOCK_REALTIME}. */
    public static native int pthread_mutex_timedlock(long mutex, long[] abstime);

    public static native int pthread_condattr_init(long attr);
    /** Chooses the clock of {@link #pthread_cond_timedwait}'s deadline: realtime (the default) or monotonic. */
    public static native int pthread_condattr_setclock(long attr, int clockId);
    public static native int pthread_condattr_destroy(long attr);

    public static native int pthread_cond_init(long cond, long attr);
    public static native int pthread_cond_wait(long cond, long mutex);
    public static native int pthread_cond_timedwait(long cond, long mutex, long[] abstime);
    public static native int pthread_cond_signal(long cond);
    public static native int pthread_cond_broadcast(long cond);
    public static native int pthread_cond_destroy(long cond);

    public static native int pthread_rwlockattr_init(long attr);
    public static native int pthread_rwlockattr_destroy(long attr);

    public static native int pthread_rwlock_init(long rwlock, long attr);
    public static native int pthread_rwlock_rdlock(long rwlock);
    public static native int pthread_rwlock_wrlock(long rwlock);
    public static native int pthread_rwlock_tryrdlock(long rwlock);
    public static native int pthread_rwlock_trywrlock(long rwlock);
    /** Read lock or give up at {@code abstime} on {@code CLOCK_REALTIME}. */
    public static native int pthread_rwlock_timedrdlock(long rwlock, long[] abstime);
    /** Write lock or give up at {@code abstime} on {@code CLOCK_REALTIME}. */
    public static native int pthread_rwlock_timedwrlock(long rwlock, long[] abstime);
    public static native int pthread_rwlock_unlock(long rwlock);
    public static native int pthread_rwlock_destroy(long rwlock);

    /** {@code PTHREAD_MUTEX_NORMAL}: no checks; relock deadlocks, a foreign unlock is undefined. */
    public static final int PTHREAD_MUTEX_NORMAL = 0;
    /** {@code PTHREAD_MUTEX_RECURSIVE}: the owner may lock again; it must unlock as often. */
    public static final int PTHREAD_MUTEX_RECURSIVE = 1;
    /** {@code PTHREAD_MUTEX_ERRORCHECK}: relock answers {@code EDEADLK}, a foreign unlock {@code EPERM}. */
    public static final int PTHREAD_MUTEX_ERRORCHECK = 2;

    private PthreadLib() {
    }

    /**
     * Whether this C library has the glibc 2.30 functions that take a clock:
     * {@link #pthread_mutex_clocklock}, {@link #pthread_rwlock_clockrdlock} and
     * {@link #pthread_rwlock_clockwrlock}.
     */
    public static boolean hasClockLock() {
        return Since230.AVAILABLE;
    }

    /**
     * {@code pthread_mutex_clocklock(mutex, clockid, abstime)} (glibc 2.30): like
     * {@link #pthread_mutex_timedlock}, but the deadline is on the clock you name, for instance
     * {@code CLOCK_MONOTONIC}, which never jumps when someone sets the time.
     *
     * @throws UnsupportedOperationException if {@link #hasClockLock()} is false
     */
    public static int pthread_mutex_clocklock(long mutex, int clockId, long[] abstime) {
        Since230.check();
        return Since230.pthread_mutex_clocklock(mutex, clockId, abstime);
    }

    /** {@code pthread_rwlock_clockrdlock} (glibc 2.30); see {@link #pthread_mutex_clocklock}. */
    public static int pthread_rwlock_clockrdlock(long rwlock, int clockId, long[] abstime) {
        Since230.check();
        return Since230.pthread_rwlock_clockrdlock(rwlock, clockId, abstime);
    }

    /** {@code pthread_rwlock_clockwrlock} (glibc 2.30); see {@link #pthread_mutex_clocklock}. */
    public static int pthread_rwlock_clockwrlock(long rwlock, int clockId, long[] abstime) {
        Since230.check();
        return Since230.pthread_rwlock_clockwrlock(rwlock, clockId, abstime);
    }

    /**
     * The glibc version, e.g. {@code "2.36"}, from {@code gnu_get_libc_version(3)}; {@code null} if
     * the C library is not glibc (musl, for instance), whose pthread types have other sizes.
     */
    public static String glibcVersion() {
        return Glibc.VERSION;
    }

    /**
     * The library that holds the pthread functions: the C library itself (glibc 2.34 and later),
     * otherwise {@code libpthread}.
     */
    static NativeLibrary library() {
        NativeLibrary c = NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
        if (has(c, "pthread_rwlock_trywrlock")) {
            return c;
        }
        try {
            return NativeLibrary.getInstance("pthread");
        } catch (UnsatisfiedLinkError e) {
            return NativeLibrary.getInstance("libpthread.so.0");
        }
    }

    private static boolean has(NativeLibrary library, String function) {
        try {
            library.getFunction(function);
            return true;
        } catch (UnsatisfiedLinkError e) {
            return false;
        }
    }

    /** The functions of glibc 2.30, registered apart: a missing one must not break the class above. */
    private static final class Since230 {
        static final boolean AVAILABLE;

        static {
            boolean ok;
            try {
                Native.register(Since230.class, library());
                ok = true;
            } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
                ok = false;
            }
            AVAILABLE = ok;
        }

        static void check() {
            if (!AVAILABLE) {
                throw new UnsupportedOperationException("pthread_mutex_clocklock and pthread_rwlock_clock*lock need glibc 2.30 "
                        + "or later; this C library is " + (glibcVersion() == null ? "not glibc" : "glibc " + glibcVersion()));
            }
        }

        static native int pthread_mutex_clocklock(long mutex, int clockId, long[] abstime);

        static native int pthread_rwlock_clockrdlock(long rwlock, int clockId, long[] abstime);

        static native int pthread_rwlock_clockwrlock(long rwlock, int clockId, long[] abstime);
    }

    /** {@code gnu_get_libc_version}, registered apart: it exists only in glibc. */
    private static final class Glibc {
        static final String VERSION;

        static {
            String version;
            try {
                Native.register(Glibc.class, Platform.C_LIBRARY_NAME);
                version = gnu_get_libc_version();
            } catch (UnsatisfiedLinkError | IllegalArgumentException e) {
                version = null;
            }
            VERSION = version;
        }

        static native String gnu_get_libc_version();
    }
}
