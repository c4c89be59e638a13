package org.syncbook.pthread;

import java.util.concurrent.TimeUnit;
import org.syncbook.sys.Clock;
import org.syncbook.sys.Clocks;

/**
 * Timeouts, as callers give them, turned into the absolute deadlines pthread functions take.
 *
 * <p>A timed pthread call takes {@code const struct timespec *abstime}: a point in time on a clock,
 * not a duration. That is deliberate (POSIX, rationale of {@code pthread_cond_timedwait}): a wait
 * that wakes early, spuriously or to check for an interrupt, simply waits again for the same
 * deadline, and the total never stretches. The clock matters: {@code CLOCK_REALTIME}, the default
 * of the old functions, jumps when the time is set; {@code CLOCK_MONOTONIC} never does.
 */
final class Deadlines {
    /** How long a blocking call sleeps in C before it looks for an interrupt. */
    static final long INTERRUPT_CHECK_NANOS =
            Long.getLong("syncbook.pthread.interruptCheckMillis", 20) * 1_000_000L;

    private Deadlines() {
    }

    /** The timeout in nanoseconds; negative ones are the caller's mistake, huge ones saturate. */
    static long nanos(long timeout, TimeUnit unit) {
        if (unit == null) {
            throw new NullPointerException("the time unit of a timeout");
        }
        if (timeout < 0) {
            throw new IllegalArgumentException("a timeout cannot be negative: " + timeout + " " + unit);
        }
        return unit.toNanos(timeout); // saturates at Long.MAX_VALUE instead of overflowing
    }

    /** Now on {@code clock}, plus {@code nanos}, saturating instead of overflowing. */
    static long after(Clock clock, long nanos) {
        long now = Clocks.read(clock);
        long deadline = now + nanos;
        return deadline < now ? Long.MAX_VALUE : deadline;
    }

    // tag::timespec[]
    /** A {@code struct timespec} for an absolute time in nanoseconds: {seconds, nanoseconds in [0, 10^9)}. */
    static long[] timespec(long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("a deadline cannot be before the clock's epoch: " + nanos + " ns");
        }
        return new long[] {nanos / 1_000_000_000L, nanos % 1_000_000_000L};
    }
    // end::timespec[]
}
