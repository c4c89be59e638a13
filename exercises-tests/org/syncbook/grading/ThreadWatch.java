package org.syncbook.grading;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a thread is doing, seen from outside: its CPU time (how a test proves that a wait blocks
 * instead of spinning) and its state (whether it went to sleep yet).
 */
public final class ThreadWatch {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Set<Thread.State> ASLEEP = EnumSet.of(Thread.State.WAITING, Thread.State.TIMED_WAITING,
            Thread.State.BLOCKED);

    private ThreadWatch() {
    }

    /** CPU time {@code t} has used so far, in nanoseconds (user + system). */
    @SuppressWarnings("deprecation") // Thread.getId(): threadId() exists only from JDK 19 on
    public static long cpuNanos(Thread t) {
        if (!THREADS.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure the CPU time of a thread");
        }
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        long nanos = THREADS.getThreadCpuTime(t.getId());
        if (nanos < 0) {
            throw new IllegalStateException("thread " + t.getName() + " is not alive, so its CPU time is gone");
        }
        return nanos;
    }

    /** Whether {@code t} is parked, waiting or blocked on a monitor, as the JVM sees it. */
    public static boolean asleep(Thread t) {
        return ASLEEP.contains(t.getState());
    }

    /**
     * Waits until {@code t} is asleep or {@code maxMillis} have passed; returns whether it fell asleep.
     * Not a timing assertion: callers use it to give a waiter time to reach its wait.
     */
    public static boolean awaitAsleep(Thread t, long maxMillis) throws InterruptedException {
        long deadline = System.nanoTime() + maxMillis * 1_000_000L;
        while (System.nanoTime() < deadline) {
            if (asleep(t)) {
                return true;
            }
            Thread.sleep(1);
        }
        return asleep(t);
    }
}
