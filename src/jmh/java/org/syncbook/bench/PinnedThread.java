package org.syncbook.bench;

import java.util.BitSet;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.ThreadParams;
import org.syncbook.measure.Placement;
import org.syncbook.sys.Cpus;

/**
 * For the two-thread lock benchmarks: each JMH thread pins itself as {@link #placement} says before
 * every iteration (JMH's thread 0 takes role 0 of {@link Placement#pin}, thread 1 role 1, so on
 * {@code TWO_CPUS} they run on the first two CPUs this process may use and on {@code SAME_CPU} both
 * on the first), and gives its CPUs back at the end. A benchmark method takes it as an argument.
 */
@State(Scope.Thread)
public class PinnedThread {
    @Param({"TWO_CPUS", "SAME_CPU"})
    public Placement placement;

    private BitSet processCpus;

    @Setup(Level.Iteration)
    public void pin(ThreadParams thread) {
        if (processCpus == null) {
            processCpus = Cpus.allowed(); // before the first pinning: what this thread may use
        }
        Cpus.allow(processCpus);
        placement.pin(thread.getThreadIndex() % 2);
    }

    @TearDown(Level.Trial)
    public void unpin() {
        if (processCpus != null) {
            Cpus.allow(processCpus);
        }
    }
}
