package org.syncbook.wait;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link WaitQueue} waits: the strategy and, for {@link WaitStrategy#SPIN_WAIT}, how long and
 * how many times a waiter may spin before it sleeps (whichever runs out first). The spin settings
 * are ignored by the other strategies.
 *
 * @param strategy how to wait
 * @param spin the longest a waiter spins before it sleeps
 * @param maxSpins the most condition checks a waiter makes while it spins
 */
public record SyncConfig(WaitStrategy strategy, Duration spin, int maxSpins) {
    public SyncConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(spin, "spin");
        if (spin.isNegative() || maxSpins < 0) {
            throw new IllegalArgumentException("negative spin: " + spin + ", " + maxSpins + " spins");
        }
    }

    /** {@link WaitStrategy#AUTO}: sleep at once, the cheapest in CPU for waits of unknown length. */
    public static SyncConfig defaults() {
        return new SyncConfig(WaitStrategy.AUTO, Duration.ZERO, 0);
    }

    /** Spin up to 50 µs before sleeping: a wake that comes soon costs no system call and no scheduler round trip. */
    public static SyncConfig lowLatency() {
        return new SyncConfig(WaitStrategy.SPIN_WAIT, Duration.ofNanos(50_000), 1_000_000);
    }

    /** Per-key conditions, no spin: for waits of milliseconds and more, where a spin only burns CPU. */
    public static SyncConfig longWait() {
        return new SyncConfig(WaitStrategy.CONDVAR, Duration.ZERO, 0);
    }

    /** This configuration with another strategy. */
    public SyncConfig withStrategy(WaitStrategy other) {
        return new SyncConfig(other, spin, maxSpins);
    }

    /** This configuration with another spin budget. */
    public SyncConfig withSpin(Duration otherSpin, int otherMaxSpins) {
        return new SyncConfig(strategy, otherSpin, otherMaxSpins);
    }
}
