package org.syncbook.measure;

import org.HdrHistogram.Histogram;

/**
 * What one run of {@link FlagWaitExperiment} measured for one kind of flag: how long the waiter
 * took to notice the flag (wake latency) and how much CPU it burned while it waited.
 */
public final class FlagWaitResult {
    private final String flag;
    private final Placement placement;
    private final Histogram latencyNanos;
    private final long waitedNanos;
    private final long burnedNanos;

    FlagWaitResult(String flag, Placement placement, Histogram latencyNanos, long waitedNanos, long burnedNanos) {
        this.flag = flag;
        this.placement = placement;
        this.latencyNanos = latencyNanos;
        this.waitedNanos = waitedNanos;
        this.burnedNanos = burnedNanos;
    }

    /** The flag's class name, e.g. {@code ParkFlag}. */
    public String flag() {
        return flag;
    }

    public Placement placement() {
        return placement;
    }

    /** Wake latency in microseconds at a percentile (50 for the median). */
    public double latencyMicros(double percentile) {
        return latencyNanos.getValueAtPercentile(percentile) / 1000.0;
    }

    /** All recorded wake latencies, in nanoseconds. */
    public Histogram latencyHistogram() {
        return latencyNanos.copy();
    }

    /** CPU the waiter burned while waiting, as a share of the time it waited: 1.0 is a whole CPU. */
    public double cpuShareWhileWaiting() {
        return waitedNanos == 0 ? 0 : (double) burnedNanos / waitedNanos;
    }

    /** Number of wake-ups measured. */
    public long trials() {
        return latencyNanos.getTotalCount();
    }

    @Override
    public String toString() {
        return String.format("%-15s %-9s  median %9.1f µs  p99 %9.1f µs  CPU while waiting %5.1f%%  (%d wake-ups)",
                flag, placement.label(), latencyMicros(50), latencyMicros(99), 100 * cpuShareWhileWaiting(), trials());
    }
}
