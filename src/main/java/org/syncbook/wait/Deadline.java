package org.syncbook.wait;

import java.util.concurrent.TimeUnit;

/** Deadlines on {@link System#nanoTime()}, with timeouts too long to represent turned into "about 292 years". */
final class Deadline {
    private Deadline() {
    }

    static long after(long timeout, TimeUnit unit) {
        if (timeout < 0) {
            throw new IllegalArgumentException("negative timeout: " + timeout + " " + unit);
        }
        long nanos = unit.toNanos(timeout); // saturates at Long.MAX_VALUE
        long now = System.nanoTime();
        return nanos > Long.MAX_VALUE / 2 ? now + Long.MAX_VALUE / 2 : now + nanos;
    }

    static long left(long deadline) {
        return deadline - System.nanoTime();
    }
}
