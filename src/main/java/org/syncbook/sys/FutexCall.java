package org.syncbook.sys;

import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The {@code futex(2)} system call, raw: operation codes and one call that returns the kernel's
 * answer instead of throwing. A futex wait that finds the word changed ({@code EAGAIN}) or runs out
 * of time ({@code ETIMEDOUT}) is an ordinary outcome on a hot path, and an exception with a stack
 * trace per outcome would cost more than the system call; the {@code futex} layer turns these
 * results into its own vocabulary.
 */
public final class FutexCall {
    // tag::ops[]
    // Operations (linux/futex.h). Each may be or-ed with PRIVATE and, for the waits, CLOCK_REALTIME.
    public static final int WAIT = 0;
    public static final int WAKE = 1;
    public static final int REQUEUE = 3;
    public static final int CMP_REQUEUE = 4;
    public static final int LOCK_PI = 6;
    public static final int UNLOCK_PI = 7;
    public static final int TRYLOCK_PI = 8;
    public static final int WAIT_BITSET = 9;
    public static final int LOCK_PI2 = 13;

    /** The word is private to this process: the kernel keys it by address alone, which is cheaper. */
    public static final int PRIVATE = 128;
    // end::ops[]
    /** An absolute timeout of {@link #WAIT_BITSET} is on CLOCK_REALTIME instead of CLOCK_MONOTONIC. */
    public static final int CLOCK_REALTIME = 256;
    /** The bitset that matches every waker: {@code WAIT_BITSET} with it is {@code WAIT} with an absolute timeout. */
    public static final int BITSET_MATCH_ANY = -1;

    /** In a PI futex word: set by the kernel when threads wait for the owner. */
    public static final int PI_WAITERS = 0x8000_0000;
    /** In a PI futex word: set by the kernel when the owner died holding it (robust futexes). */
    public static final int PI_OWNER_DIED = 0x4000_0000;
    /** In a PI futex word: the owner's thread id. */
    public static final int PI_TID_MASK = 0x3fff_ffff;

    private static final int NUMBER = Syscall.FUTEX.number();

    /**
     * How the call reaches C: through FFM on JDK 22 and later when the workbook was built there
     * (it costs about as much as a call from C), through JNA's direct mapping otherwise. Static
     * final, so the JIT sees one implementation and inlines it. {@code -Dsyncbook.futex.binding=jna}
     * keeps JNA on any JDK, for comparisons.
     */
    private static final Binding BINDING = chooseBinding();

    private FutexCall() {
    }

    // tag::call[]
    /**
     * {@code syscall(SYS_futex, uaddr, op, val, timeout_or_val2, uaddr2, val3)}.
     *
     * @return the kernel's non-negative result, or the negated error number ({@code -EAGAIN}...)
     */
    public static long call(long uaddr, int op, int val, long timeoutOrVal2, long uaddr2, int val3) {
        SyscallCounter.record(Syscall.FUTEX);
        return BINDING.call(NUMBER, uaddr, op, val, timeoutOrVal2, uaddr2, val3);
    }
    // end::call[]

    /** Which binding carries the calls: {@code "FFM"} or {@code "JNA direct mapping"}. */
    public static String binding() {
        return BINDING.name();
    }

    /** One way of calling {@code syscall(2)} that returns {@code -errno} on failure instead of throwing. */
    interface Binding {
        long call(long number, long a1, long a2, long a3, long a4, long a5, long a6);

        String name();
    }

    private static Binding chooseBinding() {
        if (Runtime.version().feature() >= 22 && !"jna".equals(System.getProperty("syncbook.futex.binding"))) {
            try {
                // compiled only by a JDK 22+ build (src/main/java22); absent from a JDK 17 build
                return (Binding) Class.forName("org.syncbook.sys.FfmSyscall").getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | LinkageError absent) {
                // built on an older JDK: JNA it is
            }
        }
        return new JnaSyscall();
    }

    // tag::jna[]
    /** Direct mapping without LastErrorException: failures come back as -1 and errno, no exception. */
    private static final class JnaSyscall implements Binding {
        static {
            Native.register(Platform.C_LIBRARY_NAME);
        }

        private static native long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);

        @Override
        public long call(long number, long a1, long a2, long a3, long a4, long a5, long a6) {
            long r = syscall(number, a1, a2, a3, a4, a5, a6);
            return r >= 0 ? r : -Native.getLastError(); // errno is read on this thread, right after the call
        }

        @Override
        public String name() {
            return "JNA direct mapping";
        }
    }
    // end::jna[]
}
