package org.syncbook.sys;

import com.sun.jna.Native;

/**
 * BROKEN ON PURPOSE: a pthread mutex kept in a Java {@code int[]}, to show why a pthread object must
 * not live on the Java heap. Chapter 2, "Why not the Java heap", and its notebook use it.
 *
 * <p>When JNA passes a primitive array to C, it asks the JVM for the array's elements
 * ({@code Get<Type>ArrayElements} in JNI); HotSpot answers with a <em>copy</em> in C memory, and JNA
 * copies the elements back and frees the copy when the call returns. So every call below works on a
 * fresh copy at a new address, never on the array itself. One thread alone does not notice: each call
 * finds the state the previous one copied back. Two threads do. A waiter sleeps in the kernel on the
 * address of <em>its</em> copy; the unlocking thread works on another copy and wakes nobody at that
 * address; and when the waiter gives up, its copy, which says "locked, with waiters", is copied back
 * over the array, so the mutex now looks held by nobody and locked forever.
 *
 * <p>Safe to use, even so: the array is private and only ever holds what glibc itself wrote into a
 * {@code NORMAL} mutex, so no call can make glibc follow a wild pointer; the only wait it offers is
 * {@link #lockWithin(long)}, which gives up at its deadline. What breaks is mutual exclusion and
 * wake-ups, not the JVM.
 */
// tag::heap-array[]
public final class HeapArrayMutex {
    private final int[] storage = new int[16]; // 64 bytes on the Java heap: more than any pthread_mutex_t

    public HeapArrayMutex() {
        check("pthread_mutex_init", OnArray.pthread_mutex_init(storage, 0)); // C initialises a copy
    }

    /** {@code pthread_mutex_trylock} on a copy of the array; {@code false} if the copy said "locked". */
    public boolean tryLock() {
        int rc = OnArray.pthread_mutex_trylock(storage);
        if (rc == Errno.EBUSY.code()) {
            return false;
        }
        check("pthread_mutex_trylock", rc);
        return true;
    }
    // end::heap-array[]

    /**
     * {@code pthread_mutex_timedlock} on a copy of the array, giving up after {@code millis}
     * (at most 10 s); {@code false} if it gave up.
     */
    public boolean lockWithin(long millis) {
        if (millis < 0 || millis > 10_000) {
            throw new IllegalArgumentException("lockWithin takes 0 to 10 000 ms, not " + millis);
        }
        long deadline = Clocks.read(Clock.REALTIME) + millis * 1_000_000L;
        long[] abstime = {deadline / 1_000_000_000L, deadline % 1_000_000_000L};
        int rc = OnArray.pthread_mutex_timedlock(storage, abstime);
        if (rc == Errno.ETIMEDOUT.code()) {
            return false;
        }
        check("pthread_mutex_timedlock", rc);
        return true;
    }

    /** {@code pthread_mutex_unlock} on a copy of the array. */
    public void unlock() {
        check("pthread_mutex_unlock", OnArray.pthread_mutex_unlock(storage));
    }

    /**
     * The lock word as the array holds it now (glibc's {@code __lock}, the first {@code int} of the
     * mutex on x86_64 and aarch64): 0 unlocked, 1 locked, 2 locked and a waiter may be asleep.
     */
    public int lockWord() {
        return storage[0];
    }

    /**
     * The owner's kernel thread id as the array holds it now (glibc's {@code __owner}, the third
     * {@code int}); 0 when nobody owns it.
     */
    public int ownerWord() {
        return storage[2];
    }

    private static void check(String call, int rc) {
        if (rc != 0) {
            throw new ErrnoException(call + "(int[] on the Java heap)", rc);
        }
    }

    /** The same C functions as {@link PthreadLib}, declared on {@code int[]}: JNA copies the array. */
    private static final class OnArray {
        static {
            Native.register(OnArray.class, PthreadLib.library());
        }

        static native int pthread_mutex_init(int[] mutex, long attr);

        static native int pthread_mutex_trylock(int[] mutex);

        static native int pthread_mutex_timedlock(int[] mutex, long[] abstime);

        static native int pthread_mutex_unlock(int[] mutex);
    }
}
