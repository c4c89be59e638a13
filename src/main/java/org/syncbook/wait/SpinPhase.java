package org.syncbook.wait;

import java.util.function.BooleanSupplier;

/**
 * The spin of {@link WaitStrategy#SPIN_WAIT}: check a condition in a loop for at most a duration
 * and a count, before the caller goes to sleep. Adaptive: a spin that ended in a sleep halves the
 * next spin's count, one that saw the condition change doubles it (up to the maximum), so a queue
 * whose waits are long soon stops burning CPU on them, and one whose waits are short keeps spinning.
 */
final class SpinPhase {
    private static final int MIN_SPINS = 16;

    private final long maxNanos;
    private final int maxSpins;
    /** The current spin count; read and written racily (opaque would do; plain is enough for a heuristic). */
    private int budget;

    SpinPhase(long maxNanos, int maxSpins) {
        this.maxNanos = maxNanos;
        this.maxSpins = maxSpins;
        this.budget = maxSpins;
    }

    /** Spins while {@code waiting} is true; returns {@code true} if it became false, {@code false} if the spin ran out. */
    // tag::spin[]
    boolean spinWhile(BooleanSupplier waiting) {
        int spins = Math.max(Math.min(budget, maxSpins), Math.min(MIN_SPINS, maxSpins));
        long start = System.nanoTime();
        for (int i = 0; i < spins; i++) {
            if (!waiting.getAsBoolean()) {
                budget = spins > maxSpins / 2 ? maxSpins : Math.max(MIN_SPINS, 2 * spins); // paid off: spin longer next time (no int overflow)
                return true;
            }
            Thread.onSpinWait(); // a PAUSE: lets the other hyperthread run and the loop not flood the memory bus
            if ((i & 63) == 63 && System.nanoTime() - start > maxNanos) {
                break; // reading the clock costs ~20 ns: only every 64 spins
            }
        }
        budget = Math.max(MIN_SPINS, spins / 2); // did not pay off: spin less next time
        return false;
    }
    // end::spin[]
}
