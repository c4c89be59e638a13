package org.syncbook.futex;

import java.util.concurrent.TimeUnit;

/**
 * Turns the timeouts callers give into absolute deadlines on the monotonic clock. Deadlines,
 * not durations, are what a wait loop needs: a wait cut short by a signal ({@code EINTR}), a
 * spurious wake-up or an interrupt check simply waits again for the same deadline.
 *
 * <p>On Linux {@link System#nanoTime()} reads {@code CLOCK_MONOTONIC}, the clock
 * {@code FUTEX_WAIT_BITSET} measures absolute timeouts on, so its values are passed to the kernel
 * as they are.
 */
final class Timeouts {
    /** A deadline that never comes. */
    static final long NEVER = Long.MAX_VALUE;

    private Timeouts() {
    }

    /** The timeout in nanoseconds; negative ones are a caller's mistake, huge ones saturate. */
    static long nanos(long timeout, TimeUnit unit) {
        if (timeout < 0) {
            throw new IllegalArgumentException("a timeout cannot be negative: " + timeout + " " + unit);
        }
        return unit.toNanos(timeout); // saturates at Long.MAX_VALUE instead of overflowing
    }

    /** {@code now + nanos} on the monotonic clock, or {@link #NEVER} if that does not fit in a long. */
    static long deadlineAfter(long nanos) {
        long now = System.nanoTime();
        long deadline = now + nanos;
        return deadline < now || deadline == NEVER ? NEVER : deadline;
    }

    /** Whether {@code deadline} has passed, in a way that survives the clock's wrap-around. */
    static boolean passed(long deadline) {
        return deadline != NEVER && System.nanoTime() - deadline >= 0;
    }

    static void checkDeadline(long deadline) {
        if (deadline < 0) {
            throw new IllegalArgumentException("an absolute deadline cannot be negative: " + deadline);
        }
    }
}
