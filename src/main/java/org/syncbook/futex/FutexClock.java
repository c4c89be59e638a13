package org.syncbook.futex;

/** The clock an absolute futex deadline is measured on. */
public enum FutexClock {
    /** {@code CLOCK_MONOTONIC}, the clock of {@link System#nanoTime()} on Linux: never jumps. The default. */
    MONOTONIC,
    /** {@code CLOCK_REALTIME}, wall-clock time in nanoseconds since 1970: jumps when the time is set. */
    REALTIME
}
