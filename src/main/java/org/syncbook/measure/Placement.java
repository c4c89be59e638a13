package org.syncbook.measure;

import java.util.BitSet;
import org.syncbook.sys.Cpus;

/**
 * Where the two threads of a wake-up experiment run. On a virtual machine the placement decides
 * the result more than the waiting strategy does: a wake-up that must bring an idle CPU out of its
 * sleep costs tens of microseconds, one on the same CPU a few. Every figure the book reports names
 * its placement.
 */
public enum Placement {
    /** Both threads pinned to the same CPU: they take turns on it. */
    SAME_CPU,
    /** Waiter and waker pinned to two different CPUs. */
    TWO_CPUS,
    /** Not pinned: the scheduler decides, and may change its mind between runs. */
    UNPINNED;

    /** Pins the calling thread for its role: {@code 0} for the waiter, {@code 1} for the waker. */
    public void pin(int role) {
        if (this == UNPINNED) {
            return;
        }
        BitSet allowed = Cpus.allowedForProcess(); // not the caller's: it may have pinned itself already
        int first = allowed.nextSetBit(0);
        int second = allowed.nextSetBit(first + 1);
        if (this == TWO_CPUS && second < 0) {
            throw new IllegalStateException("placement TWO_CPUS needs two CPUs, but this process may only use " + allowed);
        }
        Cpus.pinCurrentThread(this == SAME_CPU || role == 0 ? first : second);
    }

    /** How the book and the tables write it. */
    public String label() {
        switch (this) {
            case SAME_CPU: return "same CPU";
            case TWO_CPUS: return "two CPUs";
            default: return "unpinned";
        }
    }
}
